// What a wall's snapshot costs at city scale (15,000 grids, 20,000 inspectors, 10,000 open cases),
// today's JSON way against the packed way (issue #11), side by side in one run:
//   npx tsx tests/bench/snapshot-cost.ts [--walls 200] [--skip-json] [--out result.json]
// 1. In-process: bytes, and server CPU per snapshot (JSON: build + stringify per socket; packed:
//    tables once per content, live part once per version), the live encodings considered, and the
//    decode on a wall (Node's DecompressionStream + JSON.parse here, not Chromium's).
// 2. Reconnect storm: a real server (snapshot-server-child.ts) and N socket.io-client walls in
//    another process (snapshot-storm-child.ts) connecting at once: total server CPU and the time
//    until every wall has its snapshot, packed then JSON.
// 3. Jittered reconnect: the wall's backoff (client/socket.ts RECONNECT, socket.io-client's formula)
//    simulated for N walls after a restart, then run as a schedule against the real server.
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import fs from 'node:fs'
import os from 'node:os'
import { decodePackedSnapshot, gunzipJson } from '../../client/snapshot/decode-packed'
import { createTableCache } from '../../client/snapshot/table-cache'
import { RECONNECT } from '../../client/socket'
import { FeedLog } from '../../server/broadcast/feed-log'
import { buildSnapshot, buildStats } from '../../server/broadcast/snapshot'
import { createSnapshotCache } from '../../server/broadcast/snapshot-cache'
import { encodeLive } from '../../server/broadcast/snapshot-encoding'
import { wallTablesOf } from '../../server/broadcast/wall-tables'
import { spawnBenchChild, type BenchChild } from './child-process'
import { citySnapshotDistrict } from './snapshot-city'
import type { StormCommand, StormResult } from './snapshot-storm-child'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.indexOf(name)
const WALLS = flag('--walls') >= 0 ? Number(argv[flag('--walls') + 1]) : 200
const SKIP_JSON = flag('--skip-json') >= 0
const OUT = flag('--out') >= 0 ? argv[flag('--out') + 1] : null
if (!Number.isInteger(WALLS) || WALLS < 1) throw new Error('--walls needs a positive whole number')

const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000 }
const kb = (bytes: number) => Math.round(bytes / 1024)
const r1 = (x: number) => Math.round(x * 10) / 10

/** CPU ms per run of `f`, the median of `runs`. */
function cpuOf(f: () => unknown, runs = 3): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs()
    f()
    times.push(cpuMs() - c0)
  }
  return r1(times.sort((a, b) => a - b)[Math.floor(runs / 2)])
}

async function inProcess() {
  const district = citySnapshotDistrict()
  const feed = new FeedLog()
  const json = JSON.stringify(buildSnapshot(district, feed))
  const oldPerSocketMs = cpuOf(() => JSON.stringify(buildSnapshot(district, feed)))

  const c0 = cpuMs()
  const tables = wallTablesOf(district).current()
  const tablesOnceMs = r1(cpuMs() - c0)
  const gridLoad = buildStats(district).gridLoad
  const live = encodeLive(district, feed, gridLoad)
  const liveMs = cpuOf(() => encodeLive(district, feed, gridLoad))

  // The other encoding considered: the whole live part as one gzip'd JSON.
  const full = buildSnapshot(district, feed)
  const liveJson = { inspectors: full.inspectors, cases: full.cases, feed: full.feed, stats: full.stats }
  const liveText = JSON.stringify(liveJson)
  const alternatives = Object.fromEntries([1, 6].map((level) => [`gzipJsonLevel${level}`, {
    kb: kb(gzipSync(liveText, { level }).byteLength),
    cpuMs: cpuOf(() => gzipSync(JSON.stringify(liveJson), { level })),
  }]))

  const cache = createSnapshotCache({ district, encode: () => live, tables: () => tables.map((t) => t.ref) })
  const packed = cache.packed().snapshot
  const tableCache = createTableCache(async (url) => JSON.parse(tables.find((t) => t.ref.url === url)!.json))
  await decodePackedSnapshot(packed, tableCache)   // holds the tables, as a reconnecting wall does
  const d0 = performance.now()
  await decodePackedSnapshot(packed, tableCache)
  const decodeMs = r1(performance.now() - d0)
  const p0 = performance.now()
  JSON.parse(json)
  const jsonParseMs = r1(performance.now() - p0)
  const g0 = performance.now()
  await gunzipJson(live.subarray(4 + live.readUInt32LE(0)))
  const gunzipParseMs = r1(performance.now() - g0)

  return {
    json: { kb: kb(Buffer.byteLength(json)), cpuMsPerSocket: oldPerSocketMs, wallParseMs: jsonParseMs },
    tables: {
      cpuMsOncePerContent: tablesOnceMs,
      byTable: Object.fromEntries(tables.map((t) => [t.ref.name, { jsonKb: kb(Buffer.byteLength(t.json)), gzipKb: kb(t.gzip.byteLength) }])),
      gzipKb: kb(tables.reduce((n, t) => n + t.gzip.byteLength, 0)),
    },
    live: {
      kb: kb(live.byteLength), positionFrameKb: kb(live.readUInt32LE(0)), cpuMsPerVersion: liveMs,
      wallDecodeMs: decodeMs, wallGunzipParseOfRestMs: gunzipParseMs, alternatives,
    },
  }
}

async function storm(server: BenchChild, walls: BenchChild, url: string, format: 'json' | 'packed', delaysMs?: number[]) {
  const before = await cpuOfServer(server)
  walls.send({ type: 'storm', url, walls: WALLS, format, delaysMs } satisfies StormCommand)
  const result = await walls.next<StormResult>('storm-done', 1_800_000)
  const after = await cpuOfServer(server)
  const times = [...result.snapshotAtMs].sort((a, b) => a - b)
  return {
    format, walls: WALLS, jittered: Boolean(delaysMs),
    serverCpuS: r1(after.seconds - before.seconds), encodings: after.encodings - before.encodings,
    allHaveSnapshotS: r1(times[times.length - 1] / 1000), medianS: r1(times[Math.floor(times.length / 2)] / 1000),
    kbPerWall: kb(result.bytes.reduce((a, b) => a + b, 0) / result.bytes.length),
    parsedJson: result.parsedJson,
    /** Load average over 1 minute after the storm: on a shared machine other tenants inflate the times. */
    loadAverage: r1(os.loadavg()[0]),
  }
}

async function cpuOfServer(server: BenchChild) {
  server.send({ type: 'cpu' })
  return server.next<{ seconds: number; encodings: number }>('cpu')
}

/** socket.io-client's backoff (contrib/backo2.js): min·2^attempt, ± jitter·that, capped at max. */
function backoff(attempt: number): number {
  const ms = RECONNECT.reconnectionDelay * 2 ** attempt
  const rand = Math.random()
  const deviation = Math.floor(rand * RECONNECT.randomizationFactor * ms)
  return Math.min((Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation, RECONNECT.reconnectionDelayMax) | 0
}

/** When each wall tries again after the server is back, for a restart of `downMs` (all walls dropped at 0). */
function reconnectSchedule(walls: number, downMs: number): number[] {
  return Array.from({ length: walls }, () => {
    let t = 0
    for (let attempt = 0; t < downMs; attempt++) t += backoff(attempt)
    return t - downMs
  })
}

function scheduleSummary(delays: number[], downMs: number) {
  const sorted = [...delays].sort((a, b) => a - b)
  const perWindow = new Map<number, number>()
  for (const d of delays) perWindow.set(Math.floor(d / 100), (perWindow.get(Math.floor(d / 100)) ?? 0) + 1)
  return {
    serverDownS: downMs / 1000, firstS: r1(sorted[0] / 1000), lastS: r1(sorted[sorted.length - 1] / 1000),
    busiest100msWindow: Math.max(...perWindow.values()),
  }
}

async function main() {
  console.log(`snapshot cost at city scale; ${WALLS} walls`)
  const local = await inProcess()
  console.log(JSON.stringify(local, null, 2))

  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`
  const server = spawnBenchChild(path.resolve('tests/bench/snapshot-server-child.ts'))
  const walls = spawnBenchChild(path.resolve('tests/bench/snapshot-storm-child.ts'))
  try {
    const { url } = await server.next<{ url: string }>('ready')
    await walls.next('ready')
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const idle0 = await cpuOfServer(server)
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const idle1 = await cpuOfServer(server)
    const idleCpuPerS = r1((idle1.seconds - idle0.seconds) / 5)

    const storms = [await storm(server, walls, url, 'packed')]
    console.log(JSON.stringify(storms[0]))
    if (!SKIP_JSON) {
      storms.push(await storm(server, walls, url, 'json'))
      console.log(JSON.stringify(storms[1]))
    }
    const schedules = [2_000, 8_000].map((downMs) => ({ downMs, delays: reconnectSchedule(WALLS, downMs) }))
    const jittered = []
    for (const { downMs, delays } of schedules) {
      const run = await storm(server, walls, url, 'packed', delays)
      jittered.push({ schedule: scheduleSummary(delays, downMs), ...run })
      console.log(JSON.stringify(jittered[jittered.length - 1]))
    }
    const result = { walls: WALLS, cpus: os.cpus().length, inProcess: local, serverIdleCpuSPerS: idleCpuPerS, storms, jittered, reconnect: RECONNECT }
    if (OUT) fs.writeFileSync(OUT, JSON.stringify(result, null, 2))
    console.log(`server CPU while idle (inspectors moving, ticks): ${idleCpuPerS} s/s — included in the storms' CPU`)
  } finally {
    server.send({ type: 'stop' })
    walls.send({ type: 'stop' })
    await Promise.race([Promise.all([server.exited(), walls.exited()]), new Promise((resolve) => setTimeout(resolve, 5000))])
    server.kill()
    walls.kill()
  }
}

await main()
