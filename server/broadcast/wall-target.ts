// Who an answer goes to: one wall (its socket, on this node) or a room of walls on any node (through
// the Redis adapter when there are several nodes). The rooms every wall sits in are named here.
import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events'
import type { SnapshotFormat } from '../contract/packed-snapshot'
import type { InterServerEvents } from '../cluster/inter-server-events'

export type WallServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>
export type WallSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents>
export type WallTarget = WallSocket | string

/** Every wall is in the room of its snapshot format, so one emit reaches all walls of a format on all nodes. */
export const formatRoom = (format: SnapshotFormat): string => `format:${format}`

/** Walls focused on an area (a street, a community, a grid) sit in `area:<code>`. */
export const AREA_ROOM_PREFIX = 'area:'

export function sender(io: WallServer, to: WallTarget): Pick<WallSocket, 'emit'> {
  return typeof to === 'string' ? (io.to(to) as unknown as Pick<WallSocket, 'emit'>) : to
}
