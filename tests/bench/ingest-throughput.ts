// Ingest throughput, measured alone (no walls, no other load): a burst of batch requests of 10,000
// positions (two in flight, bodies prepared beforehand so only the server is timed), then OsmAnd
// requests of one fix each, as phones send them, over keep-alive connections. The server is pinned
// to one CPU and the sender to the other; server CPU is read from /proc so positions per CPU-second
// is the "on one core" figure. A shorter profiled pass of each shows what the server spends it on.
import { bearer, forwardedFor, runPool, type HttpClient } from './http-client'
import { ownRoot, summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary'
import { cpuSeconds, type ServerChild } from './server-child'
import { MAX_BATCH } from './setup-data'
import { deviceId } from './scenario'
import { summarise } from './stats'

const STEP_DEG = 0.00006 // ~6 m: a walker's 5 s

export interface BurstResult {
  requests: number
  positions: number
  wallSeconds: number
  serverCpuSeconds: number
  positionsPerSecond: number
  positionsPerServerCpuSecond: number
  requestMs: ReturnType<typeof summarise>
  profile?: ProfileSummary
}

/** A backlog of fixes: each inspector's k-th fix `stepMs` after its (k-1)-th, starting at `firstAt`
 * (all newer than anything the server holds, so every fix moves a marker, none in the future). */
export function burstBodies(homes: readonly [number, number][], requests: number, firstAt: number, firstRound: number, stepMs: number): Buffer[] {
  const bodies: Buffer[] = []
  let n = firstRound * homes.length
  for (let r = 0; r < requests; r++) {
    const positions = []
    for (let j = 0; j < MAX_BATCH; j++, n++) {
      const i = n % homes.length
      const k = Math.floor(n / homes.length)
      const angle = (i * 2.4 + k * 0.3) % (2 * Math.PI)
      positions.push({
        deviceId: deviceId(i), lng: +(homes[i][0] + Math.sin(angle) * STEP_DEG * (k % 20)).toFixed(6), lat: +(homes[i][1] + Math.cos(angle) * STEP_DEG * (k % 20)).toFixed(6),
        at: firstAt + k * stepMs, heading: Math.round((angle * 180) / Math.PI), speed: 1.2, accuracy: 6,
      })
    }
    bodies.push(Buffer.from(JSON.stringify({ positions })))
  }
  return bodies
}

async function timed(server: ServerChild, profiled: boolean, run: () => Promise<number[]>) {
  if (profiled) await server.probe({ type: 'profile-start', intervalUs: 500 })
  const cpu0 = cpuSeconds(server.pid)
  const started = performance.now()
  const requestMs = await run()
  const wallSeconds = (performance.now() - started) / 1000
  const serverCpuSeconds = cpuSeconds(server.pid) - cpu0
  const profile = profiled ? summariseProfile(await server.probe<CpuProfile>({ type: 'profile-stop' }), ownRoot()) : undefined
  return { requestMs, wallSeconds, serverCpuSeconds, profile }
}

export async function batchBurst(http: HttpClient, server: ServerChild, key: string, bodies: readonly Buffer[], profiled = false): Promise<BurstResult> {
  const headers = { 'content-type': 'application/json', ...bearer(key) }
  const { requestMs, wallSeconds, serverCpuSeconds, profile } = await timed(server, profiled, async () => {
    const ms: number[] = []
    await runPool(bodies.length, 2, async (i) => {
      const res = await http.request('POST', '/api/ingest/positions', { body: bodies[i], headers })
      if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${res.body.slice(0, 300)}`)
      const { accepted } = JSON.parse(res.body) as { accepted: number }
      if (accepted !== MAX_BATCH) throw new Error(`batch accepted ${accepted} of ${MAX_BATCH}: ${res.body.slice(0, 300)}`)
      ms.push(res.ms)
    })
    return ms
  })
  const positions = bodies.length * MAX_BATCH
  return {
    requests: bodies.length, positions, wallSeconds, serverCpuSeconds,
    positionsPerSecond: positions / wallSeconds, positionsPerServerCpuSecond: positions / serverCpuSeconds,
    requestMs: summarise(requestMs), profile,
  }
}

export interface OsmandResult {
  requests: number
  concurrency: number
  wallSeconds: number
  serverCpuSeconds: number
  requestsPerSecond: number
  requestsPerServerCpuSecond: number
  requestMs: ReturnType<typeof summarise>
  profile?: ProfileSummary
}

/** One fix per request, the OsmAnd query-string protocol (Traccar Client's POST), one address per phone. */
export async function osmandBurst(http: HttpClient, server: ServerChild, homes: readonly [number, number][], count: number, concurrency: number, atSeconds: number, profiled = false): Promise<OsmandResult> {
  const paths = Array.from({ length: count }, (_, n) => {
    const i = n % homes.length
    const [lng, lat] = homes[i]
    return `/api/ingest/osmand?id=${deviceId(i)}&lat=${(lat + STEP_DEG).toFixed(6)}&lon=${(lng - STEP_DEG).toFixed(6)}`
      + `&timestamp=${atSeconds + Math.floor(n / homes.length) * 5}&speed=2.3&bearing=135&accuracy=7&batt=81`
  })
  const { requestMs, wallSeconds, serverCpuSeconds, profile } = await timed(server, profiled, async () => {
    const ms: number[] = []
    let failures = 0
    let example = ''
    await runPool(count, concurrency, async (n) => {
      const res = await http.request('POST', paths[n], { headers: forwardedFor(n % homes.length) })
      if (res.status !== 200) {
        failures++
        example ||= `${res.status} ${res.body.slice(0, 200)}`
      }
      ms.push(res.ms)
    })
    if (failures > 0) throw new Error(`${failures} of ${count} OsmAnd requests failed, e.g. ${example}`)
    return ms
  })
  return {
    requests: count, concurrency, wallSeconds, serverCpuSeconds,
    requestsPerSecond: count / wallSeconds, requestsPerServerCpuSecond: count / serverCpuSeconds,
    requestMs: summarise(requestMs), profile,
  }
}
