// The socket contract, declared once and used by both ends:
// `new Server<ClientToServerEvents, ServerToClientEvents>()` and `Socket<ServerToClientEvents, ClientToServerEvents>`.
// Names are `entity:verb`, past tense from the server. An incompatible payload change gets a new name.
import type { ScopeDetail } from './detail'
import type { CommunityBoard, DeviceAlarm, DeviceLive } from './devices'
import type { CaseSummary, FeedItem, GridLoad, WallSnapshot, WallStats } from './domain'
import type { PackedSnapshot } from './packed-snapshot'

export interface CasesChanged {
  /** The new state of every case that changed since the last tick (closed ones included, once). */
  cases: CaseSummary[]
  /** The transitions behind those changes, newest first. */
  feed: FeedItem[]
}

/** The district's statistics each tick, with only the grid loads that changed (grid-load-changes.ts). */
export interface StatsChanged extends Omit<WallStats, 'gridLoad'> {
  gridLoadChanges: Record<string, GridLoad>
}

/** The answer to a `wall:sync` asked again too soon. */
export interface SyncThrottled {
  throttled: true
  retryAfterMs: number
}

/** A packed position frame: the server sends a Uint8Array (it crosses nodes through Redis); a browser receives an ArrayBuffer. */
export type PositionFrameBytes = ArrayBuffer | Uint8Array

/**
 * What the node a wall is connected to can reach (issue #12): false is a link down. `redis` is null
 * on a node that needs none (one node alone); `leader` false while no node leads (a failover).
 */
export interface NodeCondition {
  store: boolean
  redis: boolean | null
  leader: boolean
}

/** What a wall assumes of a node until it says otherwise (one node alone: no Redis to lose). */
export const ALL_LINKS_UP: Readonly<NodeCondition> = { store: true, redis: null, leader: true }

export interface ServerToClientEvents {
  /**
   * Sent to each wall as it connects (and reconnects), and to every wall after an import: the whole
   * picture, in the format the socket asked for in its handshake (`auth.snapshotFormat`): a
   * PackedSnapshot for `packed` (the wall's), the JSON WallSnapshot otherwise (packed-snapshot.ts).
   */
  'wall:snapshot': (snapshot: WallSnapshot | PackedSnapshot) => void
  /** Inspectors that moved or changed status since the last position flush (~100 ms), packed by position-frame.ts. Volatile. */
  'inspectors:moved': (frame: PositionFrameBytes) => void
  /** Inspectors whose status (online / stale / offline) changed, packed like 'inspectors:moved'. Reliable: never skipped. */
  'inspectors:status': (frame: PositionFrameBytes) => void
  'cases:changed': (change: CasesChanged) => void
  'stats:changed': (stats: StatsChanged) => void
  /** The figures of the area this wall is focused on (only to walls in that area's room). */
  'scope:updated': (detail: ScopeDetail) => void
  /** Devices whose online state or alarm changed (devices.ts). Reliable. */
  'devices:status': (changes: DeviceLive[]) => void
  /** Device alarms raised or cleared, district-wide. Reliable. */
  'alarms:changed': (alarms: DeviceAlarm[]) => void
  /** A focused community's board figures, when they moved (to its area room), and at once on focus. */
  'board:updated': (board: CommunityBoard) => void
  /** This node's links, to its own walls: on connect when one is down, and whenever one changes. */
  'node:condition': (condition: NodeCondition) => void
}

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (e.g. after a gap in the feed); at most one per socket every few seconds. */
  'wall:sync': (ack: (answer: WallSnapshot | PackedSnapshot | SyncThrottled) => void) => void
  /** Focus on an area (its code), or back to the whole district (null). */
  'wall:focus': (code: string | null) => void
}
