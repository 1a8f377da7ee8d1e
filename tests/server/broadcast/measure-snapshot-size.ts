// How big the snapshot is at city scale, with and without the trails (issue #6):
//   npx tsx tests/server/broadcast/measure-snapshot-size.ts [inspectors=20000]
// "with trails" is what buildSnapshot sent before SNAPSHOT_TRAILS_MAX_INSPECTORS; bytes are the
// JSON a wall receives (Socket.IO and GET /api/snapshot both send JSON).
import { performance } from 'node:perf_hooks'
import { FeedLog } from '../../../server/broadcast/feed-log'
import { buildSnapshot, SNAPSHOT_TRAILS_MAX_INSPECTORS } from '../../../server/broadcast/snapshot'
import { cityDistrict } from './city-district'

const count = Number(process.argv[2] ?? 20_000)
const district = cityDistrict(count, 30)
const feed = new FeedLog()

function measure(label: string, build: () => object) {
  const runs = 5
  let bytes = 0
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) bytes = Buffer.byteLength(JSON.stringify(build()))
  const ms = (performance.now() - t0) / runs
  console.log(`${label.padEnd(28)} ${bytes.toLocaleString('en').padStart(12)} bytes  ${ms.toFixed(0).padStart(5)} ms to build + serialise`)
  return bytes
}

console.log(`${count.toLocaleString('en')} inspectors, 30-point trails (cap: ${SNAPSHOT_TRAILS_MAX_INSPECTORS.toLocaleString('en')})`)
const before = measure('before (every trail)', () => ({ ...buildSnapshot(district, feed), inspectors: district.inspectors.allLive() }))
const after = measure('after (buildSnapshot)', () => buildSnapshot(district, feed))
console.log(`after / before: ${((after / before) * 100).toFixed(1)} %`)
