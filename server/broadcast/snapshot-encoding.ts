// The live part of the packed snapshot (packed-snapshot.ts LIVE_LAYOUT): the inspectors as one
// position frame, the open cases, feed and statistics as gzip'd JSON. Measured at city scale
// (tests/bench/snapshot-cost.ts): the frame is 400 KB in ~35 ms where the same inspectors as JSON are
// 2.5 MB; gzip level 1 of the rest costs a third of level 6 for ~10 % more bytes.
import { gzipSync } from 'node:zlib'
import type { WallStats } from '../contract/domain'
import { joinLive, type PackedLiveRest } from '../contract/packed-snapshot'
import { encodePositionFrame } from '../contract/position-frame'
import { toSummary } from '../domain/case-book'
import type { District } from '../domain/district'
import type { FeedLog } from './feed-log'
import { buildStats, SNAPSHOT_TRAILS_MAX_INSPECTORS } from './snapshot'

export const LIVE_GZIP_LEVEL = 1

/** `gridLoad`: the broadcaster's last-sent loads, as in buildSnapshot. */
export function encodeLive(district: District, feed: FeedLog, gridLoad: WallStats['gridLoad']): Buffer {
  const withTrails = district.inspectors.liveCount() <= SNAPSHOT_TRAILS_MAX_INSPECTORS
  const inspectors = district.inspectors.allLive({ trails: withTrails })
  const trails: Record<number, number[]> = {}
  if (withTrails) for (const i of inspectors) if (i.trail.length > 0) trails[i.id] = i.trail
  const rest: PackedLiveRest = {
    cases: [...district.cases.open()].map(toSummary),
    feed: feed.newest(),
    stats: { ...buildStats(district), gridLoad: { ...gridLoad } },
    trails,
  }
  const frame = encodePositionFrame({ serverTime: district.clock.now(), records: inspectors })
  const live = joinLive(frame, gzipSync(JSON.stringify(rest), { level: LIVE_GZIP_LEVEL }))
  return Buffer.from(live.buffer, live.byteOffset, live.byteLength)
}
