// Who an answer goes to: one wall (its socket, on this node) or a room of walls on any node (through
// the Redis adapter when there are several nodes). The rooms every wall sits in are named here.
import type { BroadcastOperator, Server, Socket } from 'socket.io'
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

export type WallBroadcast = BroadcastOperator<ServerToClientEvents, unknown>

const crossNodeRoutes = new WeakMap<WallServer, () => boolean>()

/**
 * With several nodes, broadcasts go to every node's walls through Redis only while Redis answers.
 * Meanwhile they go to this node's own walls: the adapter awaits each emit's write to Redis before
 * it delivers it locally too, so a queued write would freeze this node's walls as well, and pile up.
 */
export function routeBroadcasts(io: WallServer, crossNodes: () => boolean): void {
  crossNodeRoutes.set(io, crossNodes)
}

/** Every wall (on every node while Redis answers; see routeBroadcasts). */
export function walls(io: WallServer): WallBroadcast {
  const crossNodes = crossNodeRoutes.get(io)
  return (!crossNodes || crossNodes() ? io.except([]) : io.local) as WallBroadcast
}

export function sender(io: WallServer, to: WallTarget): Pick<WallSocket, 'emit'> {
  return typeof to === 'string' ? (walls(io).to(to) as unknown as Pick<WallSocket, 'emit'>) : to
}
