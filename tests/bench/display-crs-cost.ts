// What drawing on a GCJ-02 basemap costs the wall's main thread (README "GCJ-02 basemaps"):
// features.ts building 20,000 inspector markers (a full setData) and a live update's ~2,800 moved
// ones (the diff path), in WGS-84 (no shift), through the wall's cell cache, and through gcoord per
// point, fastest and median of the runs (garbage collection of the 20,000 features lands in some
// runs, so the median wanders by a few ms between processes); and the cache's worst error against gcoord.
// Run: npx tsx tests/bench/display-crs-cost.ts [--inspectors 20000] [--runs 30]
import gcoord from 'gcoord'
import type { InspectorInfo, InspectorLive } from '../../server/contract/domain'
import { createDisplayCrs, type DisplayCrs } from '../../client/map/display-crs'
import { inspectorFeature, toInspectorFeatures } from '../../client/map/features'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const INSPECTORS = arg('inspectors', 20_000)
const RUNS = arg('runs', 30)
/** Fixes a second at city scale: 20,000 inspectors every 5–10 s (diff-source-updater.ts). */
const MOVED = Math.round(INSPECTORS * 0.14)

// A city around Fuzhou (~40 × 30 km), with 30-point trails (only the marker is timed here).
let seed = 7
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
const live = new Map<number, InspectorLive>()
const infos = new Map<number, InspectorInfo>()
for (let id = 1; id <= INSPECTORS; id++) {
  live.set(id, { id, lng: 119.1 + random() * 0.4, lat: 25.9 + random() * 0.3, heading: 90, fixAt: 0, status: 'online', trail: [] })
  infos.set(id, { id, deviceId: `d${id}`, name: `网格员${id}`, gridCode: 'g' })
}
const movedIds = [...live.keys()].slice(0, MOVED)

/** gcoord on every point: the obvious way, for comparison. */
const perPointGcoord: DisplayCrs = {
  ...createDisplayCrs('gcj02'),
  toDisplay: (lng, lat) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number],
}

/** "fastest / median" in ms. */
function timed(fn: () => void): string {
  const times: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return `${times[0].toFixed(2)} / ${times[Math.floor(times.length / 2)].toFixed(2)}`
}

const ways: [string, DisplayCrs][] = [['wgs84', createDisplayCrs('wgs84')], ['gcj02 (cell cache)', createDisplayCrs('gcj02')], ['gcj02 (gcoord per point)', perPointGcoord]]
// `--only <n>`: one way per process, as on a wall page (one display CRS: its call sites stay monomorphic).
const only = arg('only', -1)
const rows = ways.filter((_, k) => only < 0 || k === only).map(([name, display]) => ({
  display: name,
  [`all ${INSPECTORS}, ms fastest / median`]: timed(() => toInspectorFeatures(live, infos, display)),
  [`update of ${MOVED}, ms fastest / median`]: timed(() => { for (const id of movedIds) inspectorFeature(live.get(id)!, infos.get(id), display) }),
}))
console.table(rows)

const cache = createDisplayCrs('gcj02')
let sink = 0
console.log(`the cell cache's shift alone, ${INSPECTORS} points, ms fastest / median: ${timed(() => { for (const i of live.values()) sink += cache.toDisplay(i.lng, i.lat)[0] })}${sink > 0 ? '' : ' (?)'}`)
let worst = 0
for (const i of live.values()) {
  const [x, y] = cache.toDisplay(i.lng, i.lat)
  const [gx, gy] = gcoord.transform([i.lng, i.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  worst = Math.max(worst, Math.hypot((x - gx) * 111_320 * Math.cos((i.lat * Math.PI) / 180), (y - gy) * 111_320))
}
console.log(`cell cache vs gcoord over ${INSPECTORS} points: worst ${(worst * 100).toFixed(1)} cm`)
