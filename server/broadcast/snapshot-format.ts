// Which snapshot a wall asked for in its handshake: `io({ auth: { snapshotFormat: 'packed' } })`.
// The wall asks for `packed`; a socket that says nothing (an integrator's, most tests') keeps the
// JSON WallSnapshot it always had, and `json` asks for it explicitly (the bench's side-by-side).
import type { Socket } from 'socket.io'
import { SNAPSHOT_FORMATS, type SnapshotFormat } from '../contract/packed-snapshot'

export function snapshotFormatOf(socket: Socket): SnapshotFormat {
  return (socket.data as { snapshotFormat?: SnapshotFormat }).snapshotFormat ?? 'json'
}

/** Socket.IO middleware: an unknown format is refused at the handshake, naming the choices. */
export function requireSnapshotFormat(socket: Socket, next: (error?: Error) => void): void {
  const asked = (socket.handshake.auth as { snapshotFormat?: unknown } | undefined)?.snapshotFormat
  if (asked === undefined) return next()
  if (typeof asked !== 'string' || !(SNAPSHOT_FORMATS as readonly string[]).includes(asked)) {
    return next(new Error(`auth.snapshotFormat must be one of ${SNAPSHOT_FORMATS.map((f) => `"${f}"`).join(', ')}`))
  }
  ;(socket.data as { snapshotFormat?: SnapshotFormat }).snapshotFormat = asked as SnapshotFormat
  next()
}
