// A standby's walls, answered by the leader through Redis. Walls joining within `gatherMs` of each
// other share one room and one request, and a node has one request out at a time (walls joining
// meanwhile gather for the next), so a reconnect storm costs the leader a few snapshots, not one per
// wall; the leader sends it to the room through the stream and then says so
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
  /** Rooms of walls waiting, oldest first; askedAt 0 while still gathering. */
  const waiting = new Map<string, WaitingRoom & { openedAt: number }>()
  const gathering = new Map<SnapshotFormat, string>()
  /** The one request of this node the leader has not answered yet. */
  let inFlight: string | null = null
  let rooms = 0

  const members = (room: string) => io.of('/').adapter.rooms.get(room)?.size ?? 0

  function ask(room: string): void {
    const wait = waiting.get(room)!
    if (gathering.get(wait.format) === room) gathering.delete(wait.format)
    wait.askedAt = Date.now()
    inFlight = room
    io.serverSideEmit('snapshot:wanted', { room, format: wait.format })
  }

  /** One request at a time: walls joining while one is out gather for the next (a storm costs the leader a few snapshots, not one per wall). */
  function pump(): void {
    const now = Date.now()
    if (inFlight) {
      const wait = waiting.get(inFlight)
      if (wait && now - wait.askedAt < retryMs) return
      if (wait && members(inFlight) > 0) return ask(inFlight)
      if (wait) waiting.delete(inFlight)
      inFlight = null
    }
    for (const [room, wait] of waiting) {
      if (members(room) === 0 && now - wait.openedAt >= gatherMs) {
        waiting.delete(room)
        if (gathering.get(wait.format) === room) gathering.delete(wait.format)
        continue
      }
      if (now - wait.openedAt >= gatherMs) return ask(room)
    }
  }

  function wantSnapshot(socket: Parameters<WallAnswers['welcome']>[0]): void {
    const format = snapshotFormatOf(socket)
    let room = gathering.get(format)
    if (!room) {
      room = `snapshot-wait:${node}:${++rooms}`
      gathering.set(format, room)
      waiting.set(room, { format, askedAt: 0, openedAt: Date.now() })
      setTimeout(pump, gatherMs)
    }
    void socket.join(room)
  }

  io.on('snapshot:sent', (answer) => {
    const room = answer?.room
    if (typeof room !== 'string' || !waiting.delete(room)) return
    setTimeout(() => io.local.in(room).socketsLeave(room), leaveAfterMs).unref()
    if (room === inFlight) inFlight = null
    pump()
  })

  const retry = setInterval(pump, Math.min(retryMs, 1000))
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
