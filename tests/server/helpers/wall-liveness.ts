// Are the walls still live while a heavy request runs? Watches the event loop of this process (the
// test server runs in it, createApp being in-process) with monitorEventLoopDelay, and a real wall's
// socket receiving position frames and ticks, between start() and stop().
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import type { WallSnapshot } from '../../../server/contract/domain'
import { nextEvent } from '../../helpers/wait-for'

export interface Liveness {
  /** The longest the event loop was blocked (ms). */
  maxLoopDelayMs: number
  /** Position frames and stats ticks the wall received in the window. */
  frames: number
  ticks: number
  /** The longest the wall went without any message (ms), ends of the window included. */
  maxSilenceMs: number
}

export interface LivenessWatch {
  start(): void
  stop(): Liveness
  close(): void
}

export async function watchWall(url: string): Promise<LivenessWatch> {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true })
  await nextEvent<WallSnapshot>(socket, 'wall:snapshot', 30_000)
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  let watching = false
  let frames = 0, ticks = 0, last = 0, maxSilence = 0
  const heard = () => {
    const now = performance.now()
    maxSilence = Math.max(maxSilence, now - last)
    last = now
  }
  socket.on('inspectors:moved', () => { if (watching) { frames++; heard() } })
  socket.on('stats:changed', () => { if (watching) { ticks++; heard() } })
  return {
    start() {
      frames = 0; ticks = 0; maxSilence = 0; last = performance.now()
      histogram.reset()
      histogram.enable()
      watching = true
    },
    stop() {
      heard()
      watching = false
      histogram.disable()
      return { maxLoopDelayMs: histogram.max / 1e6, frames, ticks, maxSilenceMs: maxSilence }
    },
    close: () => void socket.disconnect(),
  }
}
