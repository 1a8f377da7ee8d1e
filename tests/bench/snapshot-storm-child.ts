// Child process: N walls (socket.io-client, websocket, as the wall connects) reconnecting to the
// snapshot server at once, or each after its own delay (a jittered schedule); reports when each had
// its snapshot. One process cannot parse 200 walls' JSON snapshots (11 MB each at city scale) as
// 200 browsers would, so the JSON one is left unparsed, as in fanout-child.ts; the packed one is
// small and decoded as socket.io decodes it (its binary attachment included), and the reconnecting
// wall already holds the tables (same hashes after a restart), so it fetches none.
import { Decoder, Encoder } from 'socket.io-parser'
import { io, type Socket } from 'socket.io-client'

export interface StormCommand {
  type: 'storm'
  url: string
  walls: number
  format: 'json' | 'packed'
  /** Per wall, ms after the command before it connects (absent: all at once). */
  delaysMs?: number[]
}

export interface StormResult {
  type: 'storm-done'
  /** Per wall: ms from the command until its snapshot had arrived. */
  snapshotAtMs: number[]
  /** Per wall: bytes of its snapshot message as received (text or binary parts). */
  bytes: number[]
  /** JSON snapshots that reached the listener parsed (should be 0: they cost this process, not the server). */
  parsedJson: number
}

const UNPARSED = /^2\['wall:snapshot'/

class UnparsedJsonSnapshot extends Decoder {
  override add(obj: unknown): void {
    if (typeof obj === 'string' && UNPARSED.test(obj.slice(0, 20))) this.emitReserved('decoded', { type: 2, nsp: '/', data: ['wall:snapshot', Buffer.byteLength(obj)] })
    else super.add(obj)
  }
}

function storm(command: StormCommand): Promise<StormResult> {
  const t0 = performance.now()
  const sockets: Socket[] = []
  const snapshotAtMs: number[] = []
  const bytes: number[] = []
  let parsedJson = 0
  return new Promise((resolve, reject) => {
    let done = 0
    for (let i = 0; i < command.walls; i++) {
      setTimeout(() => {
        const socket = io(command.url, {
          transports: ['websocket'], forceNew: true, reconnection: false, timeout: 600_000,
          auth: { snapshotFormat: command.format }, parser: { Encoder, Decoder: UnparsedJsonSnapshot },
        })
        sockets.push(socket)
        socket.once('wall:snapshot', (payload: number | { live?: Buffer }) => {
          snapshotAtMs[i] = performance.now() - t0
          bytes[i] = typeof payload === 'number' ? payload : (payload.live?.byteLength ?? 0) + Buffer.byteLength(JSON.stringify({ ...payload, live: null }))
          if (typeof payload === 'object' && !payload.live) parsedJson++
          if (++done === command.walls) {
            for (const s of sockets) s.disconnect()
            resolve({ type: 'storm-done', snapshotAtMs, bytes, parsedJson })
          }
        })
        socket.once('connect_error', reject)
      }, command.delaysMs?.[i] ?? 0)
    }
  })
}

process.on('message', (message: StormCommand | { type: 'stop' }) => {
  if (message.type === 'stop') process.exit(0)
  if (message.type === 'storm') {
    storm(message).then((result) => process.send!(result), (error: Error) => process.send!({ type: 'storm-error', message: error.message }))
  }
})
process.send!({ type: 'ready' })
