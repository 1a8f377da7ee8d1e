// What the nodes say to each other (io.serverSideEmit: the adapter sends these by Redis pub/sub, not
// through the stream, so they may overtake broadcasts and are lost while Redis is away; every one is
// repeated or asked again). A standby never builds a picture of the district: its walls' snapshots
// and focus answers are asked of the leader, which sends them to those walls as broadcasts, through
// the stream, in order with all the others (so a wall never gets a delta older than its snapshot after it).
import type { SnapshotFormat } from '../contract/packed-snapshot'

export interface InterServerEvents {
  /** A standby's walls (one room of them, all in one format) need a snapshot. */
  'snapshot:wanted': (request: { room: string; format: SnapshotFormat }) => void
  /** The leader sent the room its snapshot (after the snapshot itself, in the stream's order). */
  'snapshot:sent': (answer: { room: string }) => void
  /** A wall on another node focused an area: the leader answers that socket at once. */
  'focus:wanted': (request: { node: string; socketId: string; code: string }) => void
  /** The areas a node's walls are focused on (every few seconds): the leader sends their rooms each tick. */
  'focus:rooms': (report: { node: string; codes: string[] }) => void
  /** The leader, every second: standbys measure the broadcast lag from it and know a leader lives. */
  'leader:beat': (beat: { sentAt: number; address: string }) => void
}
