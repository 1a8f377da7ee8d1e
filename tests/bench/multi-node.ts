// The multi-node scenario (issue #12): three nodes on one PostgreSQL 15 + PostGIS (fsync on) and one
// Redis, the city's walls spread over the three (a third each, as a load balancer deals them), the
// phones, citizens and operators all sending through a standby (which forwards to the leader). It
// measures, in order:
//   1. fix → screen: a probe fix sent through the standby until each wall, on every node, has decoded
//      the frame carrying it (walls on standbys get the leader's frames through Redis);
//   2. ingest: batch bursts alone on the cluster, straight to the leader and then through a standby;
//   3. failover, under the steady load: kill -9 the leader, then how long until a standby leads, the
//      standby takes fixes again, and every surviving wall has decoded a fix sent after the kill; the
//      dead node's walls reconnect to the survivors at once (as through the balancer) and are timed
//      to their snapshot and first live frame.
// Nothing is pinned: three nodes, PostgreSQL, Redis and the bench's children share the machine's cores.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startPostgres } from '../helpers/start-postgres'
import { startRedis } from '../helpers/start-redis'
import { spawnBenchChild, type BenchChild } from './child-process'
import type { FanoutCommand, FanoutResult, StormResult } from './fanout-child'
import { bearer, createHttpClient, type HttpClient } from './http-client'
import { batchBurst, burstBodies } from './ingest-throughput'
import type { BenchPlan } from './options'
import { probeLatencies, probeLng } from './probe'
import { ownRoot, summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary'
import { districtCentre, inspectorHomes, PROBE_DEVICE, writeAreasFile } from './scenario'
import { cpuSeconds, startServerChild, type ServerChild } from './server-child'
import { startSteadyLoad, stopSteadyLoad } from './steady-load'
import { health, MAX_BATCH, postCases, registerInspectors } from './setup-data'
import { round, sleep, summarise } from './stats'

const KEY = 'bench-integration-key'
const ENROLMENT_KEY = 'bench-enrolment-key'
const OPERATORS = { supervision: 'bench-sup', dispatch: 'bench-dis', department: 'bench-dep' }
/** Seconds after the kill the bench waits for the cluster before it gives up on the failover. */
const FAILOVER_TIMEOUT_S = 60
const nowMs = () => performance.timeOrigin + performance.now()

interface Node {
  name: 'A' | 'B' | 'C'
  server: ServerChild
  walls: BenchChild
  wallCount: number
}

interface ProbeSent {
  seq: number
  sentAt: number
  ackedAt: number
  /** Answers before the acknowledgement: status (0: no answer), ms it took, and what it said. */
  refused: { status: number; ms: number; said: string }[]
}

export interface MultiNodeOptions {
  plan: BenchPlan
  wallDist: string
  log: (message: string) => void
  /** Undone by the caller at the end, also on failure. */
  cleanups: (() => unknown)[]
}

async function healthRole(url: string): Promise<string | null> {
  try {
    const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
    return ((await r.json()) as { role: string }).role
  } catch {
    return null
  }
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`multi-node: ${what} within ${timeoutMs} ms`)
    await sleep(100)
  }
}

function connectWalls(url: string, count: number): BenchChild {
  const child = spawnBenchChild('tests/bench/fanout-child.ts')
  child.send({ type: 'start', config: { url, clients: count, connectConcurrency: 10 } } satisfies FanoutCommand)
  return child
}

/** One probe fix through `http`, retried while the cluster answers 503 (no leader) or not at all. */
async function sendProbe(http: HttpClient, seq: number, lat: number, retryForMs: number): Promise<ProbeSent> {
  const sentAt = nowMs()
  const body = JSON.stringify({ positions: [{ deviceId: PROBE_DEVICE, lng: probeLng(seq), lat, at: Math.floor(sentAt), heading: 90, speed: 1, accuracy: 3 }] })
  const deadline = sentAt + retryForMs
  const refused: ProbeSent['refused'] = []
  for (;;) {
    const tried = nowMs()
    const res = await http.request('POST', '/api/ingest/positions', { body, headers: { 'content-type': 'application/json', ...bearer(KEY) } })
      .catch((error: Error) => ({ status: 0, body: error.message, ms: nowMs() - tried }))
    if (res.status === 200) return { seq, sentAt, ackedAt: nowMs(), refused }
    refused.push({ status: res.status, ms: Math.round(res.ms), said: res.body.slice(0, 160) })
    if (res.status !== 503 && res.status !== 0) throw new Error(`probe ${seq} answered ${res.status}: ${res.body.slice(0, 200)}`)
    if (nowMs() > deadline) throw new Error(`probe ${seq}: no acknowledgement within ${retryForMs} ms (last ${res.status} ${res.body.slice(0, 120)})`)
    await sleep(100)
  }
}

const startLoad = (url: string, plan: BenchPlan, caseIds: string[]) => startSteadyLoad({ url, key: KEY, size: plan, caseIds, operators: OPERATORS })

export async function measureMultiNode({ plan, wallDist, log, cleanups }: MultiNodeOptions) {
  const started = performance.now()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `wall-bench-nodes-${plan.name}-`))
  cleanups.push(() => fs.rmSync(workDir, { recursive: true, force: true }))
  const dirs = (['A', 'B', 'C'] as const).map((name) => { const d = path.join(workDir, name); fs.mkdirSync(d); return d })
  // The first leader seeds PostgreSQL with the city's areas; the others read them from there.
  const areas = writeAreasFile(plan, dirs[0])
  const [postgres, redis] = await Promise.all([startPostgres({ durable: true }), startRedis()])
  cleanups.push(() => postgres.stop(), () => redis.stop())
  const env = (dir: string) => ({
    DATABASE_URL: postgres.url, REDIS_URL: redis.url, DATA_DIR: dir, CLIENT_DIR: wallDist, SIMULATOR: 'off',
    INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROLMENT_KEY, INGEST_REGISTER_MAX: String(plan.inspectors + 1),
    INTEGRATION_KEYS: KEY, TICK_MS: String(plan.tickMs),
    OPERATOR_TOKENS: Object.entries(OPERATORS).map(([role, token]) => `${token}:${role}:基准${role}`).join(','),
  })

  log(`multi-node: ${areas.grids} grids; node A (first, leads), then B and C (standbys)`)
  const a = await startServerChild(env(dirs[0]))
  cleanups.push(() => a.stop())
  await until('node A leading', 60_000, async () => (await healthRole(a.url)) === 'leader')
  const [b, c] = await Promise.all([startServerChild(env(dirs[1])), startServerChild(env(dirs[2]))])
  cleanups.push(() => b.stop(), () => c.stop())
  for (const s of [b, c]) await until(`${s.url} standing by`, 30_000, async () => (await healthRole(s.url)) === 'standby')

  // The walls connect while the city is empty (as the single-node run's do), a third on each node.
  const share = [Math.ceil(plan.clients / 3), Math.ceil((plan.clients - Math.ceil(plan.clients / 3)) / 2)]
  const counts = [share[0], share[1], plan.clients - share[0] - share[1]]
  log(`multi-node: ${counts.join(' + ')} walls on A, B, C`)
  const nodes: Node[] = [a, b, c].map((server, i) => ({ name: (['A', 'B', 'C'] as const)[i], server, walls: connectWalls(server.url, counts[i]), wallCount: counts[i] }))
  for (const n of nodes) cleanups.push(() => n.walls.kill())
  await Promise.all(nodes.map((n) => n.walls.next('connected')))

  // Phones, citizens and operators: all through standby C.
  const viaStandby = createHttpClient(c.url)
  const viaLeader = createHttpClient(a.url)
  cleanups.push(() => viaStandby.close(), () => viaLeader.close())
  const homes = inspectorHomes(plan)
  const [, probeLat] = districtCentre(plan)
  log('multi-node: setup through standby C')
  const registration = await registerInspectors(viaStandby, KEY, ENROLMENT_KEY, homes, [probeLng(0), probeLat], Date.now() - 900_000)
  const cases = await postCases(viaStandby, KEY, plan, plan.cases)
  // A standby holds no district: the counts come from the leader.
  const state = await health(viaLeader)
  if (state.openCases !== plan.cases || state.inspectors.total !== plan.inspectors + 1) {
    throw new Error(`multi-node setup: the cluster says ${state.openCases} open cases and ${state.inspectors.total} inspectors`)
  }
  const snapshot = await viaStandby.request('GET', '/api/snapshot')
  const probeId = (JSON.parse(snapshot.body) as { inspectorInfos: { id: number; deviceId: string }[] }).inspectorInfos.find((i) => i.deviceId === PROBE_DEVICE)!.id
  log(`multi-node: ${registration.inspectors} inspectors in ${registration.seconds.toFixed(1)} s, ${cases.posted} cases at ${Math.round(cases.perSecond)}/s`)

  // 1. fix → screen under the steady load, every wall on every node measuring from here to the end.
  let generator = startLoad(c.url, plan, cases.ids)
  cleanups.push(() => generator.kill())
  await generator.next('started')
  await sleep(plan.fanoutWarmupS * 1000)
  for (const n of nodes) n.walls.send({ type: 'measure', probeId } satisfies FanoutCommand)
  const steadyProbes: ProbeSent[] = []
  let seq = 1
  for (const end = performance.now() + plan.fanoutProbeS * 1000; performance.now() < end; seq++) {
    steadyProbes.push(await sendProbe(viaStandby, seq, probeLat, 5000))
    await sleep(plan.tickMs * (1.05 + Math.random() * 0.5))
  }
  await sleep(3000)
  const steadyLoad = await stopSteadyLoad(generator)
  log('multi-node: ingest bursts, straight to the leader and through a standby')

  // 2. ingest, alone: the same backlog shape as the single-node burst, fix times after the load's.
  const STEP_MS = 20
  const rounds = Math.ceil((plan.burstRequests * MAX_BATCH) / homes.length)
  const firstAt = Date.now() + STEP_MS
  const toLeaderBodies = burstBodies(homes, plan.burstRequests, firstAt, 0, STEP_MS)
  const viaStandbyBodies = burstBodies(homes, plan.burstRequests, firstAt, rounds, STEP_MS)
  await sleep(Math.max(0, firstAt + (2 * rounds + 2) * STEP_MS - Date.now()))
  const cCpu0 = cpuSeconds(c.pid)
  const toLeader = await batchBurst(viaLeader, a, KEY, toLeaderBodies)
  const cCpu1 = cpuSeconds(c.pid)
  const throughStandby = await batchBurst(viaStandby, a, KEY, viaStandbyBodies)
  const standbyCpuS = cpuSeconds(c.pid) - cCpu1
  log(`multi-node: batch ${Math.round(toLeader.positionsPerSecond)} positions/s to the leader, ${Math.round(throughStandby.positionsPerSecond)} through a standby`)

  // 3. failover under the steady load: phones keep sending through C, probes too.
  generator = startLoad(c.url, plan, cases.ids)
  await generator.next('started')
  await sleep(Math.max(3, plan.fanoutWarmupS) * 1000)
  // MULTI_NODE_PROFILE=1: what the survivors spend the failover's 20 s on (a diagnosis, off by default).
  const profiling = process.env.MULTI_NODE_PROFILE === '1'
  if (profiling) await Promise.all([b, c].map((n) => n.probe({ type: 'profile-start', intervalUs: 1000 })))
  log('multi-node: kill -9 the leader (node A)')
  const killedAt = nowMs()
  a.child.kill('SIGKILL')
  const profiles: Promise<Record<string, ProfileSummary>> | null = profiling
    ? sleep(20_000).then(async () => {
      const [pb, pc] = await Promise.all([b, c].map((n) => n.probe<CpuProfile>({ type: 'profile-stop' })))
      return { B: summariseProfile(pb, ownRoot(), 25), C: summariseProfile(pc, ownRoot(), 25) }
    })
    : null
  // The dead node's walls come back through the balancer to the survivors, half each, a second later
  // (socket.io's first reconnection delay).
  const orphans = nodes[0].wallCount
  const storms = [b, c].map((s, i) => {
    const child = spawnBenchChild('tests/bench/fanout-child.ts')
    cleanups.push(() => child.kill())
    const count = i === 0 ? Math.ceil(orphans / 2) : Math.floor(orphans / 2)
    const result = sleep(1000).then(() => {
      child.send({ type: 'storm', url: s.url, count, format: 'packed' } satisfies FanoutCommand)
      return child.next<StormResult>('stormed', 900_000)
    })
    return { count, result }
  })
  const ledAt = until('a standby leading after the kill', FAILOVER_TIMEOUT_S * 1000, async () => {
    for (const s of [b, c]) if ((await healthRole(s.url)) === 'leader') return { at: nowMs(), url: s.url }
    return null
  })
  const failoverProbes: ProbeSent[] = []
  const failoverUntil = killedAt + FAILOVER_TIMEOUT_S * 1000
  // Probes every ~300 ms after the kill (the first retried through the gap) until 5 s after one was
  // taken promptly again: time for every survivor's walls to decode the fixes of the new leader.
  let promptSince: number | null = null
  while (nowMs() < failoverUntil && (promptSince == null || nowMs() - promptSince < 5000)) {
    const sent = await sendProbe(viaStandby, seq++, probeLat, failoverUntil - nowMs())
    failoverProbes.push(sent)
    if (promptSince == null && sent.ackedAt - sent.sentAt < 1000) promptSince = sent.ackedAt
    await sleep(300)
  }
  const led = await ledAt
  const failoverProfiles = profiles ? await profiles : undefined
  const stormResults = await Promise.all(storms.map((s) => s.result))
  const failoverLoad = await stopSteadyLoad(generator)
  const survivors = nodes.slice(1)
  // A's walls lost their node at the kill; their figures up to it still count for the steady part.
  const results = await Promise.all(nodes.map((n) => {
    n.walls.send({ type: 'stop' } satisfies FanoutCommand)
    return n.walls.next<FanoutResult>('result', 60_000)
  }))

  // Fix → screen, steady: per node group.
  const steady = (rs: FanoutResult[], walls: number) => {
    const sentAt = new Map(steadyProbes.map((p) => [p.seq, p.sentAt]))
    const all = rs.map((r) => probeLatencies(r.probes, sentAt))
    const ms = all.flatMap((l) => l.ms)
    return { walls, fixToScreenMs: summarise(ms), deliveredShare: round(all.reduce((s, l) => s + l.delivered, 0) / (steadyProbes.length * walls), 3) }
  }
  // After the kill, wall by wall: when it first decoded a probe sent after the kill (live again).
  const firstSeqAfterKill = failoverProbes[0]?.seq ?? Infinity
  const liveAgainAt = results.slice(1).flatMap((r) => r.probesByClient.map((seen) => seen.find(([q]) => q >= firstSeqAfterKill)?.[1] ?? null))
  const wallsLiveAgain = liveAgainAt.filter((t): t is number => t != null)
  const survivorWalls = survivors.reduce((sum, n) => sum + n.wallCount, 0)
  const firstAcked = failoverProbes[0]
  const have = (xs: (number | null)[]) => xs.filter((x): x is number => x != null)
  const orphanLive = stormResults.flatMap((r) => have(r.liveAtMs))
  const orphanSnapshots = stormResults.flatMap((r) => have(r.snapshotAtMs))
  const s = (ms: number | null | undefined) => (ms == null ? null : round(ms / 1000, 2))
  const failover = {
    killed: 'node A (the leader), kill -9, under the steady load through C',
    newLeader: led.url === b.url ? 'B' : 'C',
    newLeaderAfterS: s(led.at - killedAt),
    /** The first probe fix sent after the kill that C acknowledged (retried through 503s): ingest is back. */
    ingestAcknowledgedAgainAfterS: firstAcked ? s(firstAcked.ackedAt - killedAt) : null,
    firstProbeRefused: firstAcked?.refused ?? [],
    /** Per wall on B and C: the first fix sent after the kill decoded. */
    survivingWallLiveAfterS: summarise(wallsLiveAgain.map((t) => (t - killedAt) / 1000), 2),
    /** The last of them: every surviving wall live again (null if one never was within the probes). */
    allSurvivingWallsLiveAfterS: wallsLiveAgain.length === survivorWalls ? s(Math.max(...wallsLiveAgain) - killedAt) : null,
    /**
     * On B's and C's first wall: frames the new leader stamped after the kill, the first one's stamp
     * and the lag (decoded-at − stamp) of each, first 20: a lag of seconds is the path to the walls
     * (Redis, the wall clients' own CPU), a late first stamp the new leader.
     */
    framesAfterKill: results.slice(1).map((r) => {
      const after = r.firstClientFrames.filter(([stamp]) => stamp > killedAt)
      return { firstStampAfterKillS: after.length > 0 ? s(after[0][0] - killedAt) : null, lagMs: after.slice(0, 20).map(([stamp, at]) => Math.round(at - stamp)) }
    }),
    survivingWalls: survivorWalls,
    survivingWallsNeverLiveAgain: survivorWalls - wallsLiveAgain.length,
    deadNodesWalls: {
      walls: orphans, reconnect: '1 s after the kill, half to B and half to C, all at once (packed snapshot)',
      withSnapshot: orphanSnapshots.length, live: orphanLive.length,
      allLiveAfterKillS: orphanLive.length === orphans ? s(1000 + Math.max(...orphanLive)) : null,
      snapshotAfterKillS: summarise(orphanSnapshots.map((ms) => (1000 + ms) / 1000), 2),
      errors: [...new Set(stormResults.flatMap((r) => r.errors))].slice(0, 5),
    },
    ...(failoverProfiles ? { profilesOfTheFirst20s: failoverProfiles } : {}),
    loadDuringFailover: { seconds: failoverLoad.seconds, positionsAccepted: failoverLoad.positionsAccepted, failedRequests: failoverLoad.failedRequests, firstErrors: failoverLoad.firstErrors },
  }
  const viaNewLeader = createHttpClient(led.url)
  if ((failover.allSurvivingWallsLiveAfterS ?? Infinity) > 10) {
    for (const n of nodes) fs.writeFileSync(path.join(os.tmpdir(), `multi-node-${n.name}.log`), n.server.output())
    log(`multi-node: slow failover; the nodes' last output is in ${os.tmpdir()}/multi-node-{A,B,C}.log`)
  }
  const finalHealth = await health(viaNewLeader)
  viaNewLeader.close()
  log(`multi-node: led again after ${failover.newLeaderAfterS} s, surviving walls live after ${failover.allSurvivingWallsLiveAfterS} s`)
  return {
    nodes: 3, durationS: round((performance.now() - started) / 1000, 0),
    cores: 'nothing pinned: three nodes, PostgreSQL (fsync on), Redis, the load generator and the wall clients share the machine',
    order: 'A starts and leads, B and C stand by → walls connect (empty city), a third on each → setup through C → fix→screen under the steady load through C → batch bursts alone, to A then through C → steady load again, kill -9 A, A\'s walls reconnect to B and C',
    walls: { A: counts[0], B: counts[1], C: counts[2] },
    setup: { registrationS: round(registration.seconds, 1), casesPerSecond: round(cases.perSecond, 0), snapshotThroughStandbyMB: round(snapshot.body.length / 1024 / 1024, 1), snapshotThroughStandbyMs: round(snapshot.ms, 0) },
    fixToScreen: {
      sentThrough: 'standby C (forwarded to the leader A)', probes: steadyProbes.length,
      probeAckMs: summarise(steadyProbes.map((p) => p.ackedAt - p.sentAt)),
      allWalls: steady(results, plan.clients),
      onLeader: steady(results.slice(0, 1), counts[0]),
      onStandbys: steady(results.slice(1), counts[1] + counts[2]),
      steadyLoad: { positionsPerSecond: steadyLoad.positionsPerSecond, failedRequests: steadyLoad.failedRequests, requestMs: steadyLoad.requestMs },
    },
    ingest: {
      toLeader: { positionsPerSecond: round(toLeader.positionsPerSecond, 0), leaderCpuS: round(toLeader.serverCpuSeconds, 2), requestMs: toLeader.requestMs, standbyCpuS: round(cCpu1 - cCpu0, 2) },
      throughStandby: { positionsPerSecond: round(throughStandby.positionsPerSecond, 0), leaderCpuS: round(throughStandby.serverCpuSeconds, 2), standbyCpuS: round(standbyCpuS, 2), requestMs: throughStandby.requestMs },
    },
    failover,
    finalHealth: { openCases: finalHealth.openCases, inspectors: finalHealth.inspectors.total },
  }
}

export type MultiNodeFigures = Awaited<ReturnType<typeof measureMultiNode>>
