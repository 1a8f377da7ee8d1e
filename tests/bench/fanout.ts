// Fan-out latency: N socket.io clients in a child process (pinned to the CPU the server is not on)
// while the load generator keeps the city moving. The bench sends a probe fix through the batch API
// at a random moment, more than a tick apart, and notes the instant it sent it; each client notes
// when it had decoded the frame carrying it. ingest→decoded therefore includes the HTTP ingest, the
// wait for the next position flush (0…POSITION_FLUSH_MS) and the fan-out; "tick"→decoded (from the
// frame's server time) is the fan-out alone.
import { spawnBenchChild, type BenchChild } from './child-process'
import type { FanoutCommand, FanoutResult } from './fanout-child'
import { bearer, type HttpClient } from './http-client'
import { probeLatencies, probeLng } from './probe'
import { ownRoot, summariseProfile, type CpuProfile } from './profile-summary'
import { PROBE_DEVICE } from './scenario'
import { cpuSeconds, pin, type ServerChild } from './server-child'
import { sleep, summarise } from './stats'

const nowMs = () => performance.timeOrigin + performance.now()

export interface FanoutClients {
  child: BenchChild
  clients: number
  connect: { seconds: number; snapshotReceivedMs: ReturnType<typeof summarise> }
}

/** Connects the clients (call while the city is still empty, so each snapshot is small). */
export async function connectFanoutClients(url: string, clients: number, cpus: string): Promise<FanoutClients> {
  const child = spawnBenchChild('tests/bench/fanout-child.ts')
  pin(child.child.pid!, cpus)
  const started = performance.now()
  const send = (c: FanoutCommand) => child.send(c)
  send({ type: 'start', config: { url, clients, connectConcurrency: 10 } })
  const { snapshotMs } = await child.next<{ snapshotMs: number[] }>('connected')
  return { child, clients, connect: { seconds: (performance.now() - started) / 1000, snapshotReceivedMs: summarise(snapshotMs, 0) } }
}

export interface FanoutOptions {
  http: HttpClient
  server: ServerChild
  key: string
  probeId: number
  probeLat: number
  warmupS: number
  probeS: number
  profileS: number
  tickMs: number
  /** Late joiners that connect at city scale, one after another. */
  joiners: number
}

export async function measureFanout(fc: FanoutClients, o: FanoutOptions) {
  const send = (c: FanoutCommand) => fc.child.send(c)
  await sleep(o.warmupS * 1000)
  send({ type: 'measure', probeId: o.probeId })
  await o.server.probe({ type: 'loop-reset' })
  const windowStarted = performance.now()
  const sentAt = new Map<number, number>()
  const ackMs: number[] = []
  const headers = { 'content-type': 'application/json', ...bearer(o.key) }
  const until = performance.now() + o.probeS * 1000
  for (let seq = 1; performance.now() < until; seq++) {
    const at = Math.floor(nowMs())
    sentAt.set(seq, nowMs())
    const res = await o.http.request('POST', '/api/ingest/positions', {
      body: JSON.stringify({ positions: [{ deviceId: PROBE_DEVICE, lng: probeLng(seq), lat: o.probeLat, at, heading: 90, speed: 1, accuracy: 3 }] }), headers,
    })
    if (res.status !== 200) throw new Error(`probe answered ${res.status}: ${res.body.slice(0, 200)}`)
    ackMs.push(res.ms)
    // More than a tick apart (a newer fix in the same tick would replace it) and at a random phase.
    await sleep(o.tickMs * (1.05 + Math.random() * 0.5))
  }
  await sleep(3000)
  send({ type: 'pause' })
  const windowSeconds = (performance.now() - windowStarted) / 1000
  const loop = await o.server.probe<Record<string, number>>({ type: 'loop' })
  const steadyCpuRate = (loop.cpuUserMs + loop.cpuSystemMs) / (windowSeconds * 1000)

  // What the server spends its time on in this steady state (profiled after the probes, not during).
  await o.server.probe({ type: 'profile-start', intervalUs: 1000 })
  await sleep(o.profileS * 1000)
  const profile = summariseProfile(await o.server.probe<CpuProfile>({ type: 'profile-stop' }), ownRoot())

  // A wall (re)connecting at city scale: the snapshot's cost on the server.
  const cpu0 = cpuSeconds(o.server.pid)
  const joinStarted = performance.now()
  send({ type: 'join', count: o.joiners })
  const { snapshotMs: joinMs } = await fc.child.next<{ snapshotMs: number[] }>('joined')
  // Less what the steady load cost the server meanwhile.
  const joinServerCpuS = Math.max(0, cpuSeconds(o.server.pid) - cpu0 - (steadyCpuRate * (performance.now() - joinStarted)) / 1000) / o.joiners

  send({ type: 'stop' })
  const result = await fc.child.next<FanoutResult>('result')
  await fc.child.exited()

  const { ms: latencies, delivered } = probeLatencies(result.probes, sentAt)
  const expected = sentAt.size * fc.clients
  return {
    clients: fc.clients,
    connectWhileEmpty: fc.connect,
    lateJoiner: {
      joiners: o.joiners, snapshotReceivedMs: summarise(joinMs, 0), serverCpuSecondsEach: Math.round(joinServerCpuS * 100) / 100,
      /** All walls reconnecting at once (a server restart): serial on the server's one thread. */
      estimatedAllClientsReconnectS: Math.round(joinServerCpuS * fc.clients),
    },
    probes: sentAt.size,
    deliveredShare: expected > 0 ? delivered / expected : null,
    ingestToDecodedMs: summarise(latencies),
    probeHttpAckMs: summarise(ackMs),
    tickToDecodedMs: summarise(result.tickToDecodedMs),
    tickToFirstClientMs: summarise(result.firstClientMs),
    tickToLastClientMs: summarise(result.lastClientMs),
    decodePerClientMs: summarise(result.decodeMs, 2),
    recordsPerFrame: summarise(result.recordsPerFrame, 0),
    framesPerClient: summarise(result.framesPerClient, 0),
    /** The clients' process (one CPU): busy share while measuring; near 1 means its own queueing inflates latencies. */
    clientProcessCpuShare: Math.round((result.cpuSeconds / windowSeconds) * 100) / 100,
    serverLoop: loop,
    serverProfile: profile,
  }
}
