// `npm run bench` (city scale) / `npm run bench -- --smoke` (CI size): builds the scenario, measures
// the server (ingest, fan-out, memory) and the built wall against the naive baseline in Chromium,
// and prints one JSON document with the budgets of PRODUCT.md beside the figures. Progress goes to
// stderr, the JSON to stdout (and to `--out <file>`). Not part of `npm test`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_PATH } from '../helpers/launch-chromium'
import { measurePage, type PageResult, type PageSpec } from './client-metrics'
import { measureFirstPictures, type FirstPictures } from './first-picture'
import { loadAverage, startPhase, type PhaseCpu } from './cpu-accounting'
import { connectFanoutClients, measureFanout } from './fanout'
import { historyRate, samplePgHistory, sampleHistory } from './history-rate'
import { createHttpClient, type HttpClient } from './http-client'
import { batchBurst, burstBodies, osmandBurst } from './ingest-throughput'
import { machineFacts } from './machine'
import { buildNaivePage } from './naive/build-naive'
import { startStaticServer } from './naive/static-server'
import { parseOptions, type BenchPlan } from './options'
import { probeLng } from './probe'
import { reconnectStorms } from './reconnect-storm'
import { measureMultiNode, type MultiNodeFigures } from './multi-node'
import { budgets, multiNodeBudgets, ratios, warnings } from './report'
import { districtCentre, inspectorHomes, PROBE_DEVICE, writeAreasFile } from './scenario'
import { startPostgres } from '../helpers/start-postgres'
import { startSteadyLoad, stopSteadyLoad } from './steady-load'
import { cpuSeconds, pin, startServerChild, type ServerChild } from './server-child'
import { health, MAX_BATCH, postCases, registerInspectors } from './setup-data'
import { MB, round, sleep } from './stats'

const KEY = 'bench-integration-key'
/** The inspectors register themselves on their first fix: with this key, and at most as many as the city has. */
const ENROLMENT_KEY = 'bench-enrolment-key'
const OPERATORS = { supervision: 'bench-sup', dispatch: 'bench-dis', department: 'bench-dep' }
/** The wall's first full picture: each of these layers shows features. */
const WALL_LAYERS = ['grids-fill', 'inspectors-circle', 'cases-circle']
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-precise-memory-info']

const benchStarted = performance.now()
const log = (message: string) => console.error(`[bench ${Math.round((performance.now() - benchStarted) / 1000)}s] ${message}`)
const cleanups: (() => unknown)[] = []
const failures: Record<string, string> = {}

async function serverMemory(server: ServerChild) {
  const m = await server.probe<NodeJS.MemoryUsage>({ type: 'mem', gc: true })
  return { rssMB: round(m.rss / MB, 0), heapUsedMB: round(m.heapUsed / MB, 1), heapTotalMB: round(m.heapTotal / MB, 0), externalMB: round(m.external / MB, 1) }
}

/** Registration, the open cases, and the probe inspector's id. */
async function setUp(http: HttpClient, plan: BenchPlan, homes: [number, number][], probeLat: number, t0: number) {
  log('registering inspectors (first fix through the batch API)')
  const registration = await registerInspectors(http, KEY, ENROLMENT_KEY, homes, [probeLng(0), probeLat], t0 - 900_000)
  log(`registered in ${registration.seconds.toFixed(1)} s; posting ${plan.cases} Open311 reports`)
  const cases = await postCases(http, KEY, plan, plan.cases)
  const state = await health(http)
  if (state.openCases !== plan.cases || state.inspectors.total !== plan.inspectors + 1) {
    throw new Error(`setup: health says ${state.openCases} open cases and ${state.inspectors.total} inspectors`)
  }
  const snapshot = await http.request('GET', '/api/snapshot')
  const infos = (JSON.parse(snapshot.body) as { inspectorInfos: { id: number; deviceId: string }[] }).inspectorInfos
  return { registration, cases, health: state, snapshot: { bytesMB: round(snapshot.body.length / MB, 1), httpMs: round(snapshot.ms, 0) }, probeId: infos.find((i) => i.deviceId === PROBE_DEVICE)!.id }
}

/** Alone on the server: the load generator is stopped and the fan-out clients are gone. Fix times
 * start just after the generator's last fixes, 20 ms apart, so none is in the future. */
async function measureIngest(http: HttpClient, server: ServerChild, plan: BenchPlan, homes: [number, number][], loadStoppedAt: number) {
  log('ingest throughput: batch API burst')
  const STEP_MS = 20
  const rounds = Math.ceil((plan.burstRequests * MAX_BATCH) / homes.length)
  const extraRounds = Math.ceil((3 * MAX_BATCH) / homes.length)
  const bodies = burstBodies(homes, plan.burstRequests, loadStoppedAt + STEP_MS, 0, STEP_MS)
  const profiledBodies = burstBodies(homes, 3, loadStoppedAt + STEP_MS, rounds, STEP_MS)
  await sleep(Math.max(0, loadStoppedAt + (rounds + extraRounds + 2) * STEP_MS - Date.now()))
  const batch = await batchBurst(http, server, KEY, bodies)
  const batchProfiled = await batchBurst(http, server, KEY, profiledBodies, true)
  log(`batch: ${Math.round(batch.positionsPerSecond)} positions/s; OsmAnd single-fix requests`)
  const osmandAt = Math.ceil(Date.now() / 1000) + 1
  const osmand = await osmandBurst(http, server, homes, plan.osmandRequests, plan.osmandConcurrency, osmandAt)
  const osmandProfiled = await osmandBurst(http, server, homes, Math.min(3000, homes.length), plan.osmandConcurrency, osmandAt + Math.ceil(plan.osmandRequests / homes.length) * 5, true)
  log(`OsmAnd: ${Math.round(osmand.requestsPerSecond)} requests/s`)
  return { batch: { ...batch, profile: batchProfiled.profile }, osmand: { ...osmand, profile: osmandProfiled.profile } }
}

function startLoad(server: ServerChild, plan: BenchPlan, caseIds: string[]) {
  const generator = startSteadyLoad({ url: server.url, key: KEY, size: plan, caseIds, operators: OPERATORS })
  cleanups.push(() => generator.kill())
  return generator
}

/** A page that fails (e.g. never draws within the timeout) is reported as such; the run goes on. */
async function measureOrReport(browser: Browser, spec: PageSpec, plan: BenchPlan): Promise<PageResult | null> {
  try {
    return await measurePage(browser, spec, plan.pageWarmupS, plan.pageSoakS)
  } catch (error) {
    log(`${spec.name} page: ${(error as Error).message.split('\n')[0]}`)
    failures[spec.name] = (error as Error).message.split('\n')[0]
    return null
  }
}

async function measurePages(browser: Browser, plan: BenchPlan, serverUrl: string, naiveUrl: string, workDir: string, cpu: Record<string, PhaseCpu>) {
  log('measuring the wall')
  let phase = startPhase()
  const wall = await measureOrReport(browser, {
    name: 'wall', url: `${serverUrl}/`, layers: WALL_LAYERS,
    sources: { inspectors: 'inspectors', cases: 'cases' }, screenshot: path.join(workDir, 'wall.png'),
  }, plan)
  cpu.wallPage = phase()
  log(`wall: ${wall?.scriptMsPerUpdate} ms script/update; measuring the naive page`)
  phase = startPhase()
  // Same map size as the wall's, so both draw the same number of pixels.
  const size = wall ? `&w=${wall.mapCanvas.cssWidth}&h=${wall.mapCanvas.cssHeight}` : ''
  const naive = await measureOrReport(browser, {
    name: 'naive', url: `${naiveUrl}/?server=${encodeURIComponent(serverUrl)}${size}`,
    layers: ['naive-grids', 'naive-inspectors', 'naive-cases'], sources: { inspectors: 'inspectors', cases: 'cases' }, screenshot: path.join(workDir, 'naive.png'),
  }, plan)
  cpu.naivePage = phase()
  log(`naive: ${naive?.scriptMsPerUpdate} ms script/update`)
  return { wall, naive }
}

function storeOption(): 'sqlite' | 'postgres' {
  const i = process.argv.indexOf('--store')
  const store = i < 0 ? 'sqlite' : process.argv[i + 1]
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store ${store}: must be sqlite or postgres`)
  return store
}

async function main() {
  const plan = parseOptions(process.argv.slice(2))
  const outFile = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : null
  const wallDist = path.resolve(plan.wallDist)
  if (!fs.existsSync(path.join(wallDist, 'index.html'))) throw new Error(`${wallDist} has no index.html: run \`npm run build\` first (the bench measures the built wall)`)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `wall-bench-${plan.name}-`))
  const dataDir = path.join(workDir, 'data')
  fs.mkdirSync(dataDir)
  const areasFile = writeAreasFile(plan, dataDir)
  const loadAtStart = loadAverage()
  log(`${plan.name}: ${areasFile.grids} grids, ${plan.inspectors} inspectors, ${plan.cases} cases, ${plan.clients} clients; work dir ${workDir}`)

  const naiveDir = path.join(workDir, 'naive')
  // `--store postgres`: the same run with the node on a private PostgreSQL 15 + PostGIS (fsync on), issue #12.
  const postgres = storeOption() === 'postgres' ? await startPostgres({ durable: true }) : null
  if (postgres) cleanups.push(() => postgres.stop())
  const [server] = await Promise.all([
    startServerChild({
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      DATA_DIR: dataDir, CLIENT_DIR: wallDist, SIMULATOR: 'off', INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROLMENT_KEY, INGEST_REGISTER_MAX: String(plan.inspectors + 1),
      INTEGRATION_KEYS: KEY, TICK_MS: String(plan.tickMs),
      OPERATOR_TOKENS: Object.entries(OPERATORS).map(([role, token]) => `${token}:${role}:基准${role}`).join(','),
    }),
    buildNaivePage(naiveDir),
  ])
  cleanups.push(() => server.stop())
  // While the server is measured it has CPU 0 to itself; everything the bench runs gets CPU 1.
  pin(server.pid, '0')
  pin(process.pid, '1')
  const http = createHttpClient(server.url)
  cleanups.push(() => http.close())
  const homes = inspectorHomes(plan)
  const [, centreLat] = districtCentre(plan)
  const t0 = Date.now()
  const cpu: Record<string, PhaseCpu> = {}

  // The walls connect while the city is empty: a snapshot at city scale costs the server ~seconds
  // each (measured below on late joiners), and 200 of them would take minutes.
  log(`connecting ${plan.clients} socket.io clients`)
  const fanoutClients = await connectFanoutClients(server.url, plan.clients, '1')
  cleanups.push(() => fanoutClients.child.kill())

  let phase = startPhase()
  const setup = await setUp(http, plan, homes, centreLat, t0)
  const memoryAfterSetup = await serverMemory(server)
  cpu.setup = phase()

  log('fan-out under the steady load')
  let generator = startLoad(server, plan, setup.cases.ids)
  pin(generator.child.pid!, '1')
  await generator.next('started')
  // From one report period in: every inspector's first fix of the load is kept, whatever the rule.
  const historyNow = () => postgres ? samplePgHistory(postgres.url) : Promise.resolve(sampleHistory(dataDir))
  const historyAtStart = sleep(plan.reportEveryS[1] * 1000).then(historyNow)
  phase = startPhase()
  const fanout = await measureFanout(fanoutClients, {
    http, server, key: KEY, probeId: setup.probeId, probeLat: centreLat, warmupS: plan.fanoutWarmupS, probeS: plan.fanoutProbeS,
    profileS: plan.name === 'smoke' ? 5 : 15, tickMs: plan.tickMs, joiners: plan.name === 'smoke' ? 2 : 4,
  })
  cpu.fanout = phase()
  log(`fan-out p99 ${fanout.ingestToDecodedMs.p99} ms`)
  // A server restart's walls all at once, under the same load: packed snapshot, then today's JSON.
  phase = startPhase()
  const storm = await reconnectStorms(server, plan.clients, '1', log).catch((error: Error) => {
    failures.reconnectStorm = error.message.split('\n')[0]
    return null
  })
  cpu.reconnectStorm = phase()
  const fanoutLoad = await stopSteadyLoad(generator)
  const history = historyRate(await historyAtStart, await historyNow(), plan.inspectors, fanoutLoad.positionsPerSecond)
  log(`history: ${history.rowsPerSecond} rows/s written, ${history.rowsPerDay} a day (pruned before: ${history.prunedPerDay.before} a day)`)
  const memoryAfterFanout = await serverMemory(server)

  phase = startPhase()
  const ingest = await measureIngest(http, server, plan, homes, Date.now())
  cpu.ingest = phase()
  const memoryAfterIngest = await serverMemory(server)

  // Browser phase: Chromium (renderer + SwiftShader GPU process) needs both CPUs; nothing is pinned.
  log('browser phase, under the steady load')
  pin(server.pid, '0-1')
  pin(process.pid, '0-1')
  generator = startLoad(server, plan, setup.cases.ids)
  await generator.next('started')
  const serverCpuAtLoadStart = cpuSeconds(server.pid)
  const statics = await startStaticServer({ '/': naiveDir, '/areas.geojson': areasFile.file, '/basemap': path.resolve('public/basemap') })
  cleanups.push(() => statics.close())
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  cleanups.push(() => browser.close())
  const chromiumVersion = browser.version()
  log('first pictures: today\'s way and the new way, cold and warm')
  phase = startPhase()
  const firstPicture: FirstPictures | null = await measureFirstPictures(browser, { serverUrl: server.url, layers: WALL_LAYERS, runs: plan.firstPictureRuns }, log)
    .catch((error: Error) => {
      log(`first pictures: ${error.message.split('\n')[0]}`)
      failures.firstPicture = error.message.split('\n')[0]
      return null
    })
  cpu.firstPicture = phase()
  const { wall, naive } = await measurePages(browser, plan, server.url, statics.url, workDir, cpu)
  await browser.close()
  const load = await stopSteadyLoad(generator)
  const serverCpuUnderLoad = cpuSeconds(server.pid) - serverCpuAtLoadStart
  const finalHealth = await health(http)
  const memoryAtEnd = await serverMemory(server)
  await server.stop()

  // Issue #12, on a machine the single node has left: three nodes on PostgreSQL and Redis.
  phase = startPhase()
  const multiNode: MultiNodeFigures | null = await measureMultiNode({ plan, wallDist, log, cleanups }).catch((error: Error) => {
    log(`multi-node: ${error.message.split('\n')[0]}`)
    failures.multiNode = error.message.split('\n')[0]
    return null
  })
  cpu.multiNode = phase()

  const result = {
    bench: {
      size: plan.name, tickMs: plan.tickMs, wallBuild: wallDist, startedAt: new Date(t0).toISOString(),
      durationS: Math.round((performance.now() - benchStarted) / 1000),
      cores: 'server pinned to CPU 0 during setup, fan-out and ingest; the bench, its load generator and the fan-out clients pinned to CPU 1; '
        + 'browser phase unpinned (Chromium renderer + SwiftShader GPU process, the server and the load generator share both CPUs)',
      order: 'server start → clients connect (empty city) → setup → fan-out under steady load → reconnect storms (packed, JSON) under steady load → ingest bursts alone → first pictures (today\'s way / new way cold / warm), the wall, then the naive page under steady load → server stopped → the multi-node scenario (multiNode.order)',
      cpuByPhase: cpu, loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
      failures,
    },
    machine: machineFacts(chromiumVersion),
    scenario: {
      grids: areasFile.grids, areaFeatures: areasFile.features, areasFileMB: round(areasFile.bytes / MB, 1), inspectors: plan.inspectors,
      openCasesAtStart: setup.health.openCases, openCasesAtEnd: finalHealth.openCases, inspectorsAtEnd: finalHealth.inspectors,
      reportEveryS: plan.reportEveryS, caseEventsPerS: plan.caseEventsPerS, clients: plan.clients, snapshot: setup.snapshot,
    },
    setup: { registration: setup.registration, openCases: { ...setup.cases, ids: undefined } },
    server: {
      ingest,
      fanout,
      reconnectStorm: storm,
      history,
      steadyLoad: { duringFanout: fanoutLoad, duringBrowser: { ...load, serverCpuShare: round(serverCpuUnderLoad / load.seconds, 3) } },
      memory: { afterSetup: memoryAfterSetup, afterFanout: memoryAfterFanout, afterIngest: memoryAfterIngest, atEnd: memoryAtEnd },
    },
    client: { firstPicture, wall, naive, naiveOverWall: wall && naive ? ratios(naive, wall) : null },
    multiNode: multiNode && {
      ...multiNode,
      besideOneNode: {
        fixToScreenP99Ms: { oneNode: fanout.ingestToDecodedMs.p99, threeNodes: multiNode.fixToScreen.allWalls.fixToScreenMs.p99 },
        batchPositionsPerSecond: { oneNode: round(ingest.batch.positionsPerSecond, 0), threeNodesToLeader: multiNode.ingest.toLeader.positionsPerSecond, threeNodesThroughStandby: multiNode.ingest.throughStandby.positionsPerSecond },
        note: `one node: ${postgres ? 'PostgreSQL' : 'SQLite'}, pinned to a CPU; three nodes: PostgreSQL, nothing pinned`,
      },
    },
    warnings: warnings({ wall, naive, deliveredShare: fanout.deliveredShare, cpu }),
    budgets: budgets({
      batchPositionsPerSecond: ingest.batch.positionsPerSecond, batchPositionsPerServerCpuSecond: ingest.batch.positionsPerServerCpuSecond, fanoutP99Ms: fanout.ingestToDecodedMs.p99, tickToDecodedP99Ms: fanout.tickToDecodedMs.p99,
      tickMs: plan.tickMs, clients: plan.clients, wall, firstPicture, storm,
    }),
  }
  if (multiNode) Object.assign(result.budgets, multiNodeBudgets(multiNode))
  const json = JSON.stringify(result, null, 2)
  if (outFile) fs.writeFileSync(outFile, json)
  process.stdout.write(`${json}\n`)
  fs.rmSync(dataDir, { recursive: true, force: true })
  // Budgets only report; a run that measured nothing valid fails, so the benchmark cannot rot unseen.
  const invalid = [
    ...Object.entries(failures).map(([phase, message]) => `${phase} failed: ${message}`),
    ...(wall ? [] : ['the wall page was not measured']),
    ...(firstPicture ? [] : ['the first pictures were not measured']),
    ...(storm?.packed.wallsWithSnapshot ? [] : ['no wall of the reconnect storm got a snapshot']),
    ...(naive ? [] : ['the naive page was not measured']),
    ...(multiNode?.failover.allSurvivingWallsLiveAfterS != null ? [] : ['no surviving wall was seen live after the multi-node failover']),
    ...(result.budgets.mapFollowsLiveData?.pass === false ? ['the wall\'s map did not follow the live data'] : []),
  ]
  if (invalid.length > 0) {
    console.error(`[bench] invalid run: ${invalid.join('; ')}`)
    process.exitCode = 2
  }
}

async function cleanUp() {
  for (const c of cleanups.reverse()) {
    try {
      await c()
    } catch {
      // already gone
    }
  }
}

main().then(cleanUp).then(() => process.exit(process.exitCode ?? 0), async (error: Error) => {
  console.error(error.stack ?? error.message)
  await cleanUp()
  process.exit(1)
})
