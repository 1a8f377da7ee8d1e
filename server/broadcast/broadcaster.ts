// The only code that speaks to the walls. On a fixed tick it re-judges silence and deadlines, then
// sends what changed as batches: positions as one packed binary frame (volatile: a slow wall skips
// a frame rather than queueing stale ones), case changes and statistics reliably; with the
// statistics, each focused area's own figures to the walls in its room (scope-rooms.ts).
import type { Server } from 'socket.io'
import type { CaseSummary, FeedItem } from '../contract/domain'
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events'
import { encodePositionFrame, type PositionRecord } from '../contract/position-frame'
import { toSummary } from '../domain/case-book'
import type { District } from '../domain/district'
import type { FeedLog } from './feed-log'
import { createScopeRooms } from './scope-rooms'
import { buildSnapshot, buildStats } from './snapshot'

export type WallServer = Server<ClientToServerEvents, ServerToClientEvents>

export interface Broadcaster {
  /** Runs one tick now (tests call it directly). */
  flush(): void
  stop(): void
}

export function createBroadcaster(io: WallServer, district: District, feed: FeedLog, { tickMs = 1000, statsEveryTicks = 2 } = {}): Broadcaster {
  const changedCases = new Map<string, CaseSummary>()
  let newFeed: FeedItem[] = []
  let tick = 0
  const scopes = createScopeRooms(io, district)

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

  io.on('connection', (socket) => {
    socket.emit('wall:snapshot', buildSnapshot(district, feed))
    socket.on('wall:sync', (ack) => {
      if (typeof ack === 'function') ack(buildSnapshot(district, feed))
    })
  })

  function flushPositions(now: number): void {
    const records: PositionRecord[] = []
    for (const id of district.inspectors.drainDirty()) {
      const marker = district.inspectors.markerOf(id)
      if (marker) records.push({ id, lng: marker.lng, lat: marker.lat, heading: marker.heading, fixAt: marker.fixAt, status: marker.status })
    }
    if (records.length > 0) io.volatile.emit('inspectors:moved', encodePositionFrame({ serverTime: now, records }))
  }

  function flushCases(): boolean {
    if (changedCases.size === 0) return false
    io.emit('cases:changed', { cases: [...changedCases.values()], feed: newFeed })
    changedCases.clear()
    newFeed = []
    return true
  }

  function flush(): void {
    const now = district.clock.now()
    district.inspectors.refreshStatuses(now)
    district.cases.refreshDeadlines(now)
    flushPositions(now)
    const casesChanged = flushCases()
    if (casesChanged || tick % statsEveryTicks === 0) {
      io.emit('stats:updated', buildStats(district))
      scopes.emit()
    }
    tick++
  }

  const timer = setInterval(flush, tickMs)
  return { flush, stop: () => clearInterval(timer) }
}
