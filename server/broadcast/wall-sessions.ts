// Every wall's socket, on every node: its format room, its `wall:sync` (at most one snapshot per
// socket per window, the rest refused in a few bytes), its focus room. What a wall is answered with
// comes from whoever holds the district: the broadcaster on the leader (or the one node), or, on a
// standby, the leader asked through Redis (relayed-answers.ts). A node switches from the second to
// the first when it takes over, without its walls reconnecting.
import type { WallSnapshot } from '../contract/domain'
import type { SyncThrottled } from '../contract/events'
import type { PackedSnapshot } from '../contract/packed-snapshot'
import { requireSnapshotFormat, snapshotFormatOf } from './snapshot-format'
import { AREA_ROOM_PREFIX, formatRoom, type WallServer, type WallSocket } from './wall-target'

/** Area codes are short (12-digit 区划代码 and their grid suffixes); anything longer is no area. */
const MAX_CODE_LENGTH = 64

export interface WallAnswers {
  welcome(socket: WallSocket): void
  sync(socket: WallSocket, ack: (answer: WallSnapshot | PackedSnapshot) => void): void
  /** Whether a wall may focus on `code` (a standby lets the leader judge: true). */
  knowsArea(code: string): boolean
  focused(socket: WallSocket, code: string): void
}

export interface WallSessions {
  /** From now on, walls (those connected already included) are answered by `answers`. */
  answerWith(answers: WallAnswers): void
}

export function createWallSessions(io: WallServer, { syncMinIntervalMs = 5000 } = {}): WallSessions {
  let answers: WallAnswers | null = null
  io.use(requireSnapshotFormat)
  io.on('connection', (socket) => {
    void socket.join(formatRoom(snapshotFormatOf(socket)))
    answers?.welcome(socket)
    // Any socket could loop on multi-MB snapshots: one per window, the rest a few bytes.
    let lastSyncAt = -Infinity
    socket.on('wall:sync', (ack) => {
      if (typeof ack !== 'function' || !answers) return
      const now = Date.now()
      const wait = lastSyncAt + syncMinIntervalMs - now
      if (wait > 0) return (ack as (answer: SyncThrottled) => void)({ throttled: true, retryAfterMs: Math.ceil(wait) })
      lastSyncAt = now
      answers.sync(socket, ack)
    })
    // A known code (or null, the whole district): leave the old room, join the new, answer at once.
    socket.on('wall:focus', (code: unknown) => {
      if (!answers) return
      if (code !== null && !(typeof code === 'string' && code.length <= MAX_CODE_LENGTH && answers.knowsArea(code))) return
      for (const room of socket.rooms) if (room.startsWith(AREA_ROOM_PREFIX)) void socket.leave(room)
      if (code === null) return
      void socket.join(AREA_ROOM_PREFIX + code)
      answers.focused(socket, code)
    })
  })
  return {
    answerWith(next) { answers = next },
  }
}
