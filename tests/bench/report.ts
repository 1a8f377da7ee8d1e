// Budgets from PRODUCT.md ("Performance budgets") beside the measured figures, and the naive/wall
// ratios. The bench reports; it does not fail on a missed budget (CI runs it so it cannot rot).
import type { PageResult } from './client-metrics'
import type { PhaseCpu } from './cpu-accounting'
import type { FirstPictures } from './first-picture'
import type { MultiNodeFigures } from './multi-node'
import type { StormFigures } from './reconnect-storm'
import { round } from './stats'

export interface BudgetLine {
  budget: string
  measured: number | null
  unit: string
  pass: boolean | null
  note?: string
}

const line = (budget: string, measured: number | null, unit: string, ok: (v: number) => boolean, note?: string): BudgetLine =>
  ({ budget, measured: round(measured, 2), unit, pass: measured == null ? null : ok(measured), ...(note ? { note } : {}) })

export function budgets(f: {
  batchPositionsPerSecond: number
  batchPositionsPerServerCpuSecond: number
  fanoutP99Ms: number | null
  tickToDecodedP99Ms: number | null
  tickMs: number
  clients: number
  wall: PageResult | null
  firstPicture: FirstPictures | null
  storm: { packed: StormFigures; json: StormFigures } | null
}): Record<string, BudgetLine> {
  return { ...serverBudgets(f), ...(f.storm ? stormBudgets(f.storm) : {}), ...(f.firstPicture ? firstPictureBudgets(f.firstPicture) : {}), ...(f.wall ? clientBudgets(f.wall) : {}) }
}

/** Issue #11: a server restart's walls all at once. The new way is budgeted, today's way beside. */
function stormBudgets(s: { packed: StormFigures; json: StormFigures }) {
  const of = (x: StormFigures) => `${x.walls} walls, ${x.wallsLive} live; ${x.serverCpuS} s server CPU in all (${x.serverCpuLessSteadyLoadS} s less the steady load), all live in ${x.allLiveS ?? '—'} s, ${x.snapshotKB.p50} kB a snapshot`
  return {
    reconnectStormCpu: line('reconnect storm (all walls at once, packed snapshot) ≤ 5 s of server CPU in total', s.packed.serverCpuS, 's', (v) => v <= 5, of(s.packed)),
    reconnectStormAllLive: line('reconnect storm (packed): every wall has its snapshot and a live frame after it within 10 s', s.packed.allLiveS, 's', (v) => v <= 10,
      s.packed.allLiveS == null ? `only ${s.packed.wallsLive} of ${s.packed.walls} walls were live` : undefined),
    reconnectStormCpuTodaysWay: line('(beside) the same storm with today\'s JSON snapshot: server CPU', s.json.serverCpuS, 's', (v) => v <= 5, of(s.json)),
    reconnectStormAllLiveTodaysWay: line('(beside) the same storm with today\'s JSON snapshot: every wall live', s.json.allLiveS, 's', (v) => v <= 10,
      s.json.allLiveS == null ? `only ${s.json.wallsLive} of ${s.json.walls} walls were live` : undefined),
  }
}

/** Issue #11: first full picture ≤ 3 s, software drawing included (cold cache: a new browser context). */
function firstPictureBudgets(f: FirstPictures) {
  const split = (p: FirstPictures['todaysWay']['median']) => (p
    ? `download grids ${p.download.grids.kB} kB in ${p.download.grids.ms} ms, snapshot ${p.download.snapshot.kB} kB (+ tables ${p.download.snapshot.tables.kB} kB) in ${p.download.snapshot.ms} ms; `
      + `parse snapshot ${p.parse.snapshotMs} ms + decode/apply ${p.parse.snapshotDecodeApplyMs} ms, grids → drawn ${p.parse.gridsMs} ms; draw ${p.draw.ms} ms`
    : 'not measured')
  return {
    firstPicture: line('first full picture at this scale ≤ 3 s, software drawing included (new way, cold cache, median run)', f.newWayCold.median?.pictureS ?? null, 's', (v) => v <= 3,
      `runs ${JSON.stringify(f.newWayCold.picturesS)}; ${split(f.newWayCold.median)}`),
    firstPictureWarm: line('(beside) first full picture, new way, reloaded (warm cache)', f.newWayWarm.median?.pictureS ?? null, 's', (v) => v <= 3,
      `runs ${JSON.stringify(f.newWayWarm.picturesS)}; ${split(f.newWayWarm.median)}`),
    firstPictureTodaysWay: line('(beside) first full picture, today\'s way (?grids=geojson&snapshot=json), cold cache', f.todaysWay.median?.pictureS ?? null, 's', (v) => v <= 3,
      `runs ${JSON.stringify(f.todaysWay.picturesS)}; ${split(f.todaysWay.median)}`),
  }
}

function serverBudgets(f: { batchPositionsPerSecond: number; batchPositionsPerServerCpuSecond: number; fanoutP99Ms: number | null; tickToDecodedP99Ms: number | null; tickMs: number; clients: number }) {
  return {
    ingestBatch: line('≥ 20,000 positions/s on one core through the batch API', f.batchPositionsPerServerCpuSecond, 'positions per server CPU-second', (v) => v >= 20_000,
      `per second of the server's own CPU time (robust to other processes sharing its CPU); wall-clock rate with the server pinned to one CPU: ${Math.round(f.batchPositionsPerSecond)}/s`),
    fanoutP99: line(`fan-out p99 ≤ 250 ms with ${f.clients} clients (HTTP ingest → frame decoded)`, f.fanoutP99Ms, 'ms', (v) => v <= 250,
      'HTTP ingest, the wait for the next position flush (POSITION_FLUSH_MS, 0…100 ms) and the fan-out'),
    fanoutTickToDecodedP99: line(`(beside) frame sent → decoded p99 with ${f.clients} clients`, f.tickToDecodedP99Ms, 'ms', (v) => v <= 250, 'the fan-out alone, from the frame\'s server time'),
  }
}

/** Issue #12: the multi-node scenario's figures against the same budgets, and failover within 10 s. */
export function multiNodeBudgets(m: MultiNodeFigures) {
  const f = m.failover
  return {
    multiNodeFanoutP99: line(`three nodes: fix → screen p99 ≤ 250 ms over every wall (${m.fixToScreen.allWalls.walls}), the fix sent through a standby`, m.fixToScreen.allWalls.fixToScreenMs.p99, 'ms', (v) => v <= 250,
      'HTTP ingest through a standby forwarding to the leader, the next position flush, and the frame through Redis to the walls on the other nodes'),
    multiNodeIngest: line('three nodes: ≥ 20,000 positions/s through the batch API via a standby', m.ingest.throughStandby.positionsPerSecond, 'positions/s', (v) => v >= 20_000,
      `wall-clock, nothing pinned; straight to the leader: ${m.ingest.toLeader.positionsPerSecond}/s`),
    failoverWallsLive: line('leader killed: every surviving wall live again (a fix sent after the kill decoded) within 10 s', f.allSurvivingWallsLiveAfterS, 's', (v) => v <= 10,
      `a standby led after ${f.newLeaderAfterS} s; the dead node's walls, reconnected to the others, all live after ${f.deadNodesWalls.allLiveAfterKillS} s`),
  }
}

/** The map is live if each moving layer is redrawn at least every two seconds (updates coalesce behind the one in flight). */
const MIN_UPDATES_PER_S = 0.5
const isFollowing = (r: PageResult['mapRedraws']) => (r.inspectorsPerSecond ?? 0) >= MIN_UPDATES_PER_S && (r.casesPerSecond ?? 0) >= MIN_UPDATES_PER_S

function clientBudgets(wall: PageResult) {
  const follows = isFollowing(wall.mapRedraws)
  return {
    mapFollowsLiveData: line('(validity) the wall redraws inspectors and cases as data arrives', follows ? 1 : 0, 'yes=1', (v) => v === 1,
      `source updates per second: inspectors ${wall.mapRedraws.inspectorsPerSecond}, cases ${wall.mapRedraws.casesPerSecond} (cases:changed ${wall.mapRedraws.caseMessagesPerSecond}/s); when 0 the client figures measure a frozen map`),
    clientScript: line('≤ 8 ms main-thread script per update (ScriptDuration, MapLibre drawing excluded)', wall.scriptExDrawingMsPerUpdate, 'ms/update', (v) => v <= 8,
      'drawing = time inside MapLibre\'s _render, software-rendered here; reported beside'),
    clientScriptRaw: line('(beside) ScriptDuration per update including drawing', wall.scriptMsPerUpdate, 'ms/update', (v) => v <= 8),
    longScript: line('no long task > 50 ms of script in steady state (MapLibre drawing taken out)', wall.longScriptCallbacks.scriptOver50, 'callbacks', (v) => v === 0,
      `longest script ${wall.longScriptCallbacks.maxScriptMs} ms; by kind: ${JSON.stringify(wall.longScriptCallbacks.byKind)}`),
    longTasks: line('(beside) long tasks > 50 ms as the browser counts them, software drawing included', wall.longTasks.count, 'long tasks', (v) => v === 0,
      `max ${wall.longTasks.maxMs} ms`),
    heapFlat: line('heap flat over the soak (≤ 5% growth after forced GC)', wall.heap.growthShare, 'share', (v) => v <= 0.05,
      `${wall.heap.afterWarmupMB} → ${wall.heap.afterSoakMB} MB in ${wall.heap.minutesBetween} min`),
  }
}

/** Things that make figures of this run misleading, in words. */
export function warnings(f: { wall: PageResult | null; naive: PageResult | null; deliveredShare: number | null; cpu: Record<string, PhaseCpu> }): string[] {
  const out: string[] = []
  for (const [phase, c] of Object.entries(f.cpu)) {
    if (c.otherTenantsCores > 0.2) out.push(`other processes on this machine used ${c.otherTenantsCores} CPUs of 2 during the ${phase} phase: its figures are perturbed`)
  }
  const { inspectorsPerSecond: i, casesPerSecond: c } = f.wall?.mapRedraws ?? { inspectorsPerSecond: null, casesPerSecond: null }
  if (f.wall && (i ?? 0) < MIN_UPDATES_PER_S) out.push(`the wall's map did not follow the positions: ${i ?? 0} updates of its 'inspectors' source per second (expected ≥ ${MIN_UPDATES_PER_S}); its client figures are those of a frozen map`)
  if (c != null && c < MIN_UPDATES_PER_S) out.push(`the wall's map did not follow case changes: ${c} updates of its 'cases' source per second`)
  for (const [name, page] of Object.entries({ wall: f.wall, naive: f.naive })) {
    if (!page) {
      out.push(`the ${name} page could not be measured (see bench.failures)`)
      continue
    }
    if (page.resyncs > 0) out.push(`${name} page reconnected ${page.resyncs}× during the soak (main thread blocked past the ping timeout; each reconnect is a full snapshot)`)
  }
  for (const [name, page] of Object.entries({ wall: f.wall, naive: f.naive })) {
    if (page && page.errors.length > 0) out.push(`${name} page logged errors: ${page.errors.slice(0, 3).join(' | ')}`)
  }
  if (f.deliveredShare != null && f.deliveredShare < 0.99) out.push(`only ${Math.round(f.deliveredShare * 1000) / 10}% of probe positions reached every client (volatile frames dropped to slow clients)`)
  return out
}

/** naive ÷ wall for each client figure (> 1: the wall is cheaper). */
export function ratios(naive: PageResult, wall: PageResult) {
  const r = (a: number | null, b: number | null) => (a == null || b == null || b === 0 ? null : round(a / b, 2))
  return {
    scriptMsPerUpdate: r(naive.scriptMsPerUpdate, wall.scriptMsPerUpdate),
    scriptExDrawingMsPerSecond: r(naive.scriptExDrawingMsPerSecond, wall.scriptExDrawingMsPerSecond),
    scriptExDrawingMsPerUpdate: r(naive.scriptExDrawingMsPerUpdate, wall.scriptExDrawingMsPerUpdate),
    drawingMsPerUpdate: r(naive.drawingMsPerUpdate, wall.drawingMsPerUpdate),
    taskMsPerUpdate: r(naive.taskMsPerUpdate, wall.taskMsPerUpdate),
    longTasks: r(naive.longTasks.count, wall.longTasks.count),
    longTaskMaxMs: r(naive.longTasks.maxMs, wall.longTasks.maxMs),
    heapAfterSoakMB: r(naive.heap.afterSoakMB, wall.heap.afterSoakMB),
    heapGrowthMB: r(naive.heap.growthMB, wall.heap.growthMB),
    firstPictureS: r(naive.firstPictureS, wall.firstPictureS),
  }
}
