// The only code that speaks to the walls, on two clocks.
// Positions: every positionFlushMs (default 100 ms) the inspectors whose marker changed go out as one
// packed binary frame, and only when there are some. The latency budget (a fix on screen within
// 250 ms, p99) cannot be met if a fix waits for the tick: at TICK_MS=1000 it waited 500 ms on
// average and up to a second before it was even sent. Now it reaches the walls within about
// positionFlushMs, and the frames stay batched: at city scale (20,000 inspectors reporting every
// 5–10 s) 2,800 fixes/s become ~10 frames/s per wall, not 2,800 messages. The frame is volatile: a
// slow wall skips a frame rather than queueing stale ones. Status changes (few) go out again on a
// reliable event, so a skipped frame never leaves a silent phone green.
// The tick (tickMs): re-judges silence and deadlines, then sends case changes and statistics
// reliably (the per-grid loads only where they changed: grid-load-changes.ts); with the
// statistics, each focused area's own figures to the walls in its room (scope-rooms.ts). Status changes found by the tick mark inspectors dirty and go out at once, in
// the tick's own position flush.
// Snapshots: a wall that asks for the packed format (snapshot-format.ts) gets the live part encoded
// once per version (snapshot-cache.ts) and the static tables by hash (wall-tables.ts); other sockets
// get the JSON WallSnapshot. The connections themselves are wall-sessions.ts's: it asks this
// broadcaster (on the leader) for a joining wall's snapshot, and a standby's walls get theirs as a
// room (sendSnapshot), through the same Redis stream as every broadcast.
import { guardedInterval } from '../boot/guarded-interval'
import type { CaseSummary, FeedItem, WallSnapshot } from '../contract/domain'
import type { PackedSnapshot } from '../contract/packed-snapshot'
import { gridLoadChanges, type GridLoads } from '../contract/grid-load-changes'
import { encodePositionFrame, type PositionFrame, type PositionRecord } from '../contract/position-frame'
import { toSummary } from '../domain/case-book'
import type { District } from '../domain/district'
import type { FeedLog } from './feed-log'
import type { ScopeRooms } from './scope-rooms'
import { buildSnapshot, buildStats } from './snapshot'
import { createSnapshotCache, type SnapshotCache } from './snapshot-cache'
import { encodeLive } from './snapshot-encoding'
import { snapshotFormatOf } from './snapshot-format'
import { wallTablesOf } from './wall-tables'
import { formatRoom, sender, type WallServer, type WallSocket, type WallTarget, walls } from './wall-target'
import type { SnapshotFormat } from '../contract/packed-snapshot'

export type { WallServer } from './wall-target'

/**
 * A position frame as sent: bytes in a Uint8Array, not a bare ArrayBuffer, because the Redis
 * adapter's msgpack carries views only (a bare ArrayBuffer reached the other nodes' walls as {}).
 * A browser receives an ArrayBuffer either way.
 */
const positionFrameBytes = (frame: PositionFrame): Uint8Array => new Uint8Array(encodePositionFrame(frame))

export interface BroadcasterOptions {
  /** How often statuses, deadlines, case changes and statistics are judged and sent. */
  tickMs?: number
  /** How often changed positions are sent (only when some changed). */
  positionFlushMs?: number
  /** Statistics go out every this many ticks even when no case changed. */
  statsEveryTicks?: number
}

export interface Broadcaster {
  /** Runs one tick now, positions included (tests call it directly). */
  flush(): void
  /**
   * The whole picture for a wall joining now. Its grid loads are those of the last statistics sent,
   * not the current ones: the next `stats:changed` is a delta from exactly those, so a wall that
   * joins between ticks merges to the right shading (a grid that changed and changed back before the
   * tick is in no delta).
   */
  snapshot(): WallSnapshot
  /** A wall on this node that just connected: its snapshot, in its format. */
  welcome(socket: WallSocket): void
  /** A wall's `wall:sync`: the snapshot as the answer. */
  sync(socket: WallSocket, ack: (answer: WallSnapshot | PackedSnapshot) => void): void
  /** A snapshot in `format` to a socket or a room (a standby's joining walls), positions since its encoding after it. */
  sendSnapshot(to: WallTarget, format: SnapshotFormat): void
  /** Every wall on every node gets a fresh snapshot in its format now (an import replaced areas; a new leader took over). */
  announce(): void
  /** The shared packed encoding (tests and the bench count its encodings). */
  readonly snapshotCache: SnapshotCache
  /** Stops both the tick and the position flush. */
  stop(): void
}

export function createBroadcaster(io: WallServer, district: District, feed: FeedLog, {
  tickMs = 1000, positionFlushMs = 100, statsEveryTicks = 2,
}: BroadcasterOptions = {}, scopes: Pick<ScopeRooms, 'emit'> = { emit() {} }): Broadcaster {
  const changedCases = new Map<string, CaseSummary>()
  let newFeed: FeedItem[] = []
  let tick = 0
  /** The grid loads as of the last statistics sent: the next message carries only what differs. */
  let sentGridLoad: GridLoads = buildStats(district).gridLoad

  district.cases.onChange((record, transition) => {
    changedCases.set(record.id, toSummary(record))
    if (!transition) return
    const item: FeedItem = {
      caseId: record.id, step: transition.step, action: transition.action, at: transition.at,
      gridCode: record.gridCode, categoryCode: record.categoryCode, deadline: record.deadline,
    }
    feed.add(item)
    newFeed.unshift(item)
  })

  const snapshot = (): WallSnapshot => buildSnapshot(district, feed, sentGridLoad)
  const tables = wallTablesOf(district)
  const snapshotCache = createSnapshotCache({
    district, encode: () => encodeLive(district, feed, sentGridLoad), tables: () => tables.current().map((t) => t.ref),
  })

  /** The snapshot in `format`; a packed one is followed by the positions sent since its encoding. */
  function snapshotIn(format: SnapshotFormat, send: (s: WallSnapshot | PackedSnapshot) => void, caughtUpTo: Pick<WallSocket, 'emit'>): void {
    if (format === 'json') return send(snapshot())
    const { snapshot: packed, movedSince } = snapshotCache.packed()
    send(packed)
    const caughtUp = recordsOf(movedSince)
    if (caughtUp.length > 0) caughtUpTo.emit('inspectors:status', positionFrameBytes({ serverTime: district.clock.now(), records: caughtUp }))
  }

  function sendSnapshot(to: WallTarget, format: SnapshotFormat): void {
    const target = sender(io, to)
    snapshotIn(format, (s) => target.emit('wall:snapshot', s), target)
  }

  function recordsOf(ids: Iterable<number>): PositionRecord[] {
    const records: PositionRecord[] = []
    for (const id of ids) {
      const marker = district.inspectors.markerOf(id)
      if (marker) records.push({ id, lng: marker.lng, lat: marker.lat, heading: marker.heading, fixAt: marker.fixAt, status: marker.status })
    }
    return records
  }

  function flushPositions(): void {
    if (!district.inspectors.hasDirty()) return
    const serverTime = district.clock.now()
    const moved = recordsOf(district.inspectors.drainDirty())
    if (moved.length === 0) return
    walls(io).volatile.emit('inspectors:moved', positionFrameBytes({ serverTime, records: moved }))
    snapshotCache.noteMoved(moved.map((r) => r.id))
  }

  /**
   * A wall may skip a volatile frame, but never a status change: the tick sends them again, reliably,
   * coalesced (an inspector that flapped online → stale → online since the last tick goes once, as
   * it is now). On the tick, not every flush: at a fast demo clock statuses change many times a second.
   */
  function flushStatusChanges(): void {
    const changed = recordsOf(district.inspectors.drainStatusChanges())
    if (changed.length > 0) walls(io).emit('inspectors:status', positionFrameBytes({ serverTime: district.clock.now(), records: changed }))
  }

  function flushCases(): boolean {
    if (changedCases.size === 0) return false
    walls(io).emit('cases:changed', { cases: [...changedCases.values()], feed: newFeed })
    changedCases.clear()
    newFeed = []
    return true
  }

  function flush(): void {
    const now = district.clock.now()
    district.inspectors.refreshStatuses(now)
    district.cases.refreshDeadlines(now)
    flushPositions()
    flushStatusChanges()
    const casesChanged = flushCases()
    if (casesChanged || tick % statsEveryTicks === 0) {
      const { gridLoad, ...stats } = buildStats(district)
      walls(io).emit('stats:changed', { ...stats, gridLoadChanges: gridLoadChanges(sentGridLoad, gridLoad) })
      sentGridLoad = gridLoad
      snapshotCache.changed()
      scopes.emit()
    }
    if (casesChanged) snapshotCache.changed()
    snapshotCache.tick()
    tick++
  }

  const tickTimer = guardedInterval('broadcast tick', flush, tickMs)
  const positionTimer = guardedInterval('position flush', flushPositions, positionFlushMs)
  return {
    flush,
    snapshot,
    welcome: (socket) => sendSnapshot(socket, snapshotFormatOf(socket)),
    sync: (socket, ack) => snapshotIn(snapshotFormatOf(socket), ack, socket),
    sendSnapshot,
    announce() {
      snapshotCache.invalidate()
      sendSnapshot(formatRoom('packed'), 'packed')
      sendSnapshot(formatRoom('json'), 'json')
    },
    snapshotCache,
    stop() {
      clearInterval(tickTimer)
      clearInterval(positionTimer)
    },
  }
}
