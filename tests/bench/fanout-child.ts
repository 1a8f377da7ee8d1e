// Child process: N walls as socket.io-client connections (websocket only, as the wall connects).
// They connect while the city is still empty (each wall gets the full snapshot on connect; at city
// scale that costs the server dearly, which `join` measures on a few late joiners instead). Once
// told to measure, each decodes every `inspectors:moved` frame with the wall's own decoder and
// notes when it had decoded it; the probe inspector's position in a frame says which probe it carries.
// A real wall parses the JSON events (snapshot, cases, statistics) on its own CPU; 200 clients on
// one core cannot (at city scale they fall behind, miss pings and are dropped), so these clients
// leave those payloads unparsed. `storm` connects many walls at once in one snapshot format (a
// server restart) and notes when each had its snapshot and its first live frame. Everything else is socket.io-client as the wall uses it.
import { Decoder, Encoder } from 'socket.io-parser'
import { io, type Socket } from 'socket.io-client'
import { decodePositionFrame } from '../../server/contract/position-frame'
import { probeSeq } from './probe'

export interface FanoutConfig {
  url: string
  clients: number
  /** Connections opened at once. */
  connectConcurrency: number
}

export type FanoutCommand =
  | { type: 'start'; config: FanoutConfig }
  | { type: 'measure'; probeId: number }
  | { type: 'pause' }
  | { type: 'join'; count: number }
  | { type: 'storm'; url: string; count: number; format: 'json' | 'packed' }
  | { type: 'stop' }

export interface FanoutResult {
  type: 'result'
  /** [probe seq, decoded-at epoch ms of each client that saw it] */
  probes: [number, number[]][]
  /** Per client: [probe seq, decoded-at epoch ms] of every probe it decoded, in order (a wall's own story through a failover). */
  probesByClient: [number, number][][]
  /** The first client's frames: [the frame's server time, decoded-at], epoch ms, in arrival order. */
  firstClientFrames: [number, number][]
  /** Per frame and client: decoded-at minus the frame's serverTime (the tick's clock). */
  tickToDecodedMs: number[]
  /** Per frame: the first client's and the last client's decoded-at minus serverTime. */
  firstClientMs: number[]
  lastClientMs: number[]
  decodeMs: number[]
  recordsPerFrame: number[]
  framesPerClient: number[]
  cpuSeconds: number
}

/** A reconnect storm: per wall, ms from the storm's start (null: never within the timeout). */
export interface StormResult {
  type: 'stormed'
  snapshotAtMs: (number | null)[]
  /** The first `inspectors:moved` frame after the wall's snapshot: the wall is live. */
  liveAtMs: (number | null)[]
  /** Bytes of each wall's snapshot message as it arrived (text, plus the binary attachment of a packed one). */
  snapshotBytes: number[]
  errors: string[]
}

const STORM_TIMEOUT_MS = 600_000

const nowMs = () => performance.timeOrigin + performance.now()
const UNPARSED = /^2\["(wall:snapshot|cases:changed|stats:changed)"/

/** socket.io's decoder, except that the JSON events above arrive with their payload unparsed. */
class MeasuringDecoder extends Decoder {
  override add(obj: unknown): void {
    const m = typeof obj === 'string' ? UNPARSED.exec(obj.slice(0, 40)) : null
    if (m) this.emitReserved('decoded', { type: 2, nsp: '/', data: [m[1], Buffer.byteLength(obj as string)] })
    else super.add(obj)
  }
}

function connect(url: string, onFrame?: (data: ArrayBuffer | Buffer) => void): Promise<{ socket: Socket; snapshotMs: number }> {
  return new Promise((resolve, reject) => {
    const started = nowMs()
    // Late joiners (no onFrame) parse everything, as a wall does: they measure the snapshot's cost.
    const parser = onFrame ? { Encoder, Decoder: MeasuringDecoder } : undefined
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 600_000, ...(parser ? { parser } : {}) })
    socket.once('wall:snapshot', () => resolve({ socket, snapshotMs: nowMs() - started }))
    socket.once('connect_error', reject)
    if (onFrame) socket.on('inspectors:moved', onFrame)
  })
}

const sockets: Socket[] = []
const probes = new Map<number, number[]>()
const tickToDecodedMs: number[] = []
const decodeMs: number[] = []
const recordsPerFrame: number[] = []
let framesPerClient: number[] = []
let probesByClient: [number, number][][] = []
const firstClientFrames: [number, number][] = []
let probeId = -1
let measuring = false
let cpu0 = process.cpuUsage()
let cpuWhileMeasuring = 0

/** Per frame (by its serverTime): the first and the last client's decoded-at. The spread between
 * them is partly this process decoding for every client in turn, which real walls do not share. */
const perFrame = new Map<number, { first: number; last: number }>()

function onFrame(client: number, data: ArrayBuffer | Buffer): void {
  if (!measuring) return
  const t0 = nowMs()
  const frame = decodePositionFrame(data)
  const t1 = nowMs()
  framesPerClient[client]++
  tickToDecodedMs.push(t1 - frame.serverTime)
  const f = perFrame.get(frame.serverTime)
  if (f) f.last = t1
  else perFrame.set(frame.serverTime, { first: t1, last: t1 })
  decodeMs.push(t1 - t0)
  if (client === 0) {
    recordsPerFrame.push(frame.records.length)
    firstClientFrames.push([frame.serverTime, t1])
  }
  const probe = frame.records.find((r) => r.id === probeId)
  if (!probe) return
  const seq = probeSeq(probe.lng)
  const seen = probes.get(seq) ?? []
  seen.push(t1)
  probes.set(seq, seen)
  probesByClient[client].push([seq, t1])
}

async function start(config: FanoutConfig): Promise<number[]> {
  framesPerClient = new Array<number>(config.clients).fill(0)
  probesByClient = Array.from({ length: config.clients }, () => [])
  const snapshotMs: number[] = []
  for (let i = 0; i < config.clients; i += config.connectConcurrency) {
    const wave = Array.from({ length: Math.min(config.connectConcurrency, config.clients - i) }, (_, j) => connect(config.url, (data) => onFrame(i + j, data)))
    for (const { socket, snapshotMs: ms } of await Promise.all(wave)) {
      sockets.push(socket)
      snapshotMs.push(ms)
    }
  }
  return snapshotMs
}

/** Late joiners, one after another: what one wall's (re)connection costs at this scale. */
async function join(url: string, count: number): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < count; i++) {
    const { socket, snapshotMs } = await connect(url)
    ms.push(snapshotMs)
    socket.disconnect()
  }
  return ms
}

/** `count` walls connecting at the same instant (a server restart), in one snapshot format. */
function storm(count: number, format: 'json' | 'packed'): Promise<StormResult> {
  const t0 = nowMs()
  const result: StormResult = { type: 'stormed', snapshotAtMs: new Array(count).fill(null), liveAtMs: new Array(count).fill(null), snapshotBytes: [], errors: [] }
  const stormSockets: Socket[] = []
  return new Promise((resolve) => {
    let pending = count
    let done = false
    const finish = () => {
      done = true
      clearTimeout(timer)
      for (const s of stormSockets) s.disconnect()
      resolve(result)
    }
    const settled = new Set<number>()
    const settle = (i: number) => {
      if (settled.has(i)) return
      settled.add(i)
      if (--pending === 0) finish()
    }
    const timer = setTimeout(finish, STORM_TIMEOUT_MS)
    for (let i = 0; i < count; i++) {
      const socket = io(url, {
        transports: ['websocket'], forceNew: true, reconnection: false, timeout: STORM_TIMEOUT_MS,
        auth: { snapshotFormat: format }, parser: { Encoder, Decoder: MeasuringDecoder },
      })
      stormSockets.push(socket)
      socket.once('wall:snapshot', (payload: number | { live?: ArrayBuffer | Buffer }) => {
        result.snapshotAtMs[i] = nowMs() - t0
        // A JSON one arrives unparsed (its length); a packed one decoded by socket.io, its binary part beside.
        result.snapshotBytes.push(typeof payload === 'number' ? payload : Buffer.byteLength(JSON.stringify({ ...payload, live: null })) + (payload.live?.byteLength ?? 0))
        socket.once('inspectors:moved', () => {
          result.liveAtMs[i] = nowMs() - t0
          settle(i)
        })
      })
      socket.once('connect_error', (error) => {
        result.errors.push(error.message)
        settle(i)
      })
      // Dropped before it was live (e.g. a ping timeout while the server was busy): it never will be here.
      socket.once('disconnect', (reason) => {
        if (done || settled.has(i)) return
        result.errors.push(`disconnected before live: ${reason}`)
        settle(i)
      })
    }
  })
}

let url = ''
// BENCH_DEBUG=1: every 5 s, what the clients received (to tell a slow server from a slow reader).
if (process.env.BENCH_DEBUG) {
  let last = process.cpuUsage()
  let frames = 0
  setInterval(() => {
    const cpu = process.cpuUsage(last)
    last = process.cpuUsage()
    const seen = framesPerClient.reduce((a, b) => a + b, 0)
    console.error(`[fan-out clients] ${sockets.filter((s) => s.connected).length}/${sockets.length} connected, cpu ${Math.round((cpu.user + cpu.system) / 50_000)}%, frames +${seen - frames}, last lag ${Math.round(tickToDecodedMs.at(-1) ?? -1)} ms`)
    frames = seen
  }, 5000).unref()
}
// The bench went away: stop too.
process.on('disconnect', () => process.exit(0))
process.on('message', (message: FanoutCommand) => {
  const fail = (error: Error) => {
    console.error(`fan-out clients: ${error.message}`)
    process.exit(1)
  }
  switch (message.type) {
    case 'start':
      url = message.config.url
      start(message.config).then((snapshotMs) => process.send?.({ type: 'connected', snapshotMs }), fail)
      break
    case 'measure':
      probeId = message.probeId
      cpu0 = process.cpuUsage()
      measuring = true
      break
    case 'pause': {
      measuring = false
      const cpu = process.cpuUsage(cpu0)
      cpuWhileMeasuring = (cpu.user + cpu.system) / 1e6
      break
    }
    case 'join':
      join(url, message.count).then((snapshotMs) => process.send?.({ type: 'joined', snapshotMs }), fail)
      break
    case 'storm':
      url = message.url
      storm(message.count, message.format).then((result) => process.send?.(result), fail)
      break
    case 'stop': {
      for (const s of sockets) s.disconnect()
      const result: FanoutResult = {
        type: 'result', probes: [...probes], probesByClient, firstClientFrames, tickToDecodedMs, decodeMs,
        firstClientMs: [...perFrame].map(([t, f]) => f.first - t), lastClientMs: [...perFrame].map(([t, f]) => f.last - t), recordsPerFrame, framesPerClient, cpuSeconds: cpuWhileMeasuring,
      }
      process.send?.(result, () => process.exit(0))
    }
  }
})
