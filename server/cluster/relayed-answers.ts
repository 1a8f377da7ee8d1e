// A standby's walls, answered by the leader through Redis. Walls joining within `gatherMs` of each
// other (a reconnect storm) share one room and one request, so the leader sends one snapshot per
// room, not one per wall; the leader sends it to the room through the stream and then says so
// ('snapshot:sent'). That word comes by Redis pub/sub, which the adapter uses for server-side
// messages, and may overtake the snapshot still in the stream: so the walls leave the room only
// `leaveAfterMs` later (no one sends to an answered room again). A request nobody answered (no leader yet, or it
// died meanwhile) is asked again every `retryMs` while the room still has walls; a new leader also
// sends every wall a snapshot when it takes over. A wall's focus is reported at once (the leader
// answers that socket) and the node's whole list every `reportMs`.
import type { WallAnswers } from '../broadcast/wall-sessions'
import { snapshotFormatOf } from '../broadcast/snapshot-format'
import type { WallServer } from '../broadcast/wall-target'
import type { SnapshotFormat } from '../contract/packed-snapshot'
import type { FocusedAreas } from './focused-areas'

export interface RelayedAnswersOptions {
  /** This node's name in the rooms and reports (unique per node). */
  node: string
  focusedAreas: FocusedAreas
  gatherMs?: number
  retryMs?: number
  reportMs?: number
  leaveAfterMs?: number
}

export interface RelayedAnswers extends WallAnswers {
  /** Rooms of walls still waiting for a snapshot (tests; /metrics). */
  waiting(): number
  stop(): void
}

interface WaitingRoom {
  format: SnapshotFormat
  askedAt: number
}

export function createRelayedAnswers(io: WallServer, { node, focusedAreas, gatherMs = 50, retryMs = 3000, reportMs = 5000, leaveAfterMs = 30_000 }: RelayedAnswersOptions): RelayedAnswers {
  const waiting = new Map<string, WaitingRoom>()
  const gathering = new Map<SnapshotFormat, string>()
  let rooms = 0

  function ask(room: string): void {
    const wait = waiting.get(room)
    if (!wait) return
    if (gathering.get(wait.format) === room) gathering.delete(wait.format)
    wait.askedAt = Date.now()
    io.serverSideEmit('snapshot:wanted', { room, format: wait.format })
  }

  function wantSnapshot(socket: Parameters<WallAnswers['welcome']>[0]): void {
    const format = snapshotFormatOf(socket)
    let room = gathering.get(format)
    if (!room) {
      room = `snapshot-wait:${node}:${++rooms}`
      gathering.set(format, room)
      waiting.set(room, { format, askedAt: 0 })
      const asking = room
      setTimeout(() => ask(asking), gatherMs)
    }
    void socket.join(room)
  }

  io.on('snapshot:sent', (answer) => {
    const room = answer?.room
    if (typeof room !== 'string' || !waiting.delete(room)) return
    setTimeout(() => io.local.in(room).socketsLeave(room), leaveAfterMs).unref()
  })

  const retry = setInterval(() => {
    const now = Date.now()
    for (const [room, wait] of waiting) {
      if (wait.askedAt === 0) continue
      if (!io.of('/').adapter.rooms.get(room)?.size) waiting.delete(room)
      else if (now - wait.askedAt >= retryMs) ask(room)
    }
  }, Math.min(retryMs, 1000))
  const report = setInterval(() => io.serverSideEmit('focus:rooms', { node, codes: focusedAreas.local() }), reportMs)

  return {
    welcome: wantSnapshot,
    // The answer comes as a 'wall:snapshot' from the leader, not as the ack.
    sync: (socket) => wantSnapshot(socket),
    knowsArea: () => true,
    focused(socket, code) {
      io.serverSideEmit('focus:wanted', { node, socketId: socket.id, code })
    },
    waiting: () => waiting.size,
    stop() {
      clearInterval(retry)
      clearInterval(report)
    },
  }
}
