// Walls focused on an area (a street, a community, a grid) sit in the Socket.IO room `area:<code>`;
// each stats tick sends every occupied room its own figures. Socket.IO drops a room when its last
// socket leaves or disconnects, so an area nobody watches costs nothing.
import type { Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events'
import type { District } from '../domain/district'
import type { WallServer } from './broadcaster'
import { buildScopeDetail, casesByGrid } from './scope-detail'

const ROOM_PREFIX = 'area:'

type WallSocket = Socket<ClientToServerEvents, ServerToClientEvents>

export interface ScopeRooms {
  /** Sends each occupied area room its figures (on the stats tick). */
  emit(): void
}

export function createScopeRooms(io: WallServer, district: District): ScopeRooms {
  io.on('connection', (socket) => {
    socket.on('wall:focus', (code: unknown) => focus(socket, code))
  })

  /** A known code (or null, the whole district): leave the old room, join the new, answer at once. */
  function focus(socket: WallSocket, code: unknown): void {
    if (code !== null && !(typeof code === 'string' && district.tree.get(code))) return
    for (const room of socket.rooms) if (room.startsWith(ROOM_PREFIX)) void socket.leave(room)
    if (code === null) return
    void socket.join(ROOM_PREFIX + code)
    socket.emit('scope:updated', buildScopeDetail(district, code))
  }

  function focusedCodes(): string[] {
    const codes: string[] = []
    for (const [room, members] of io.sockets.adapter.rooms) {
      const code = room.slice(ROOM_PREFIX.length)
      // An import may have removed the area since: nothing to send until the wall refocuses.
      if (room.startsWith(ROOM_PREFIX) && members.size > 0 && district.tree.get(code)) codes.push(code)
    }
    return codes
  }

  return {
    emit() {
      const codes = focusedCodes()
      if (codes.length === 0) return
      const byGrid = casesByGrid(district.cases.all())
      for (const code of codes) io.to(ROOM_PREFIX + code).emit('scope:updated', buildScopeDetail(district, code, byGrid))
    },
  }
}
