// An inspector's day so far (since 00:00 CST, domain time): how far they walked, what they
// reported and checked, and when they were online, stale or offline.
import type { InspectorDetail, TrackPoint } from '../contract/detail'
import type { EpochMs, InspectorInfo, InspectorLive } from '../contract/domain'
import type { CaseRecord } from './case-book'
import { cstDayStart } from './china-time'
import { metresBetween } from './geo-math'
import type { SilenceThresholds } from './inspector-registry'
import { statusHistory } from './status-history'

export interface InspectorDayInput {
  info: InspectorInfo
  live: InspectorLive | null
  gridName: string | null
  /** Stored fixes from `dayStart - offlineAfterMs` to now, oldest first (see statusHistory). */
  track: readonly TrackPoint[]
  cases: Iterable<CaseRecord>
  thresholds: SilenceThresholds
  now: EpochMs
}

export function buildInspectorDetail({ info, live, gridName, track, cases, thresholds, now }: InspectorDayInput): InspectorDetail {
  const dayStart = cstDayStart(now)
  let reportsToday = 0, verificationsToday = 0
  for (const c of cases) {
    if (c.reporterId === info.id && c.reportedAt >= dayStart && c.reportedAt <= now) reportsToday++
    for (const t of c.history) {
      if (t.action === 'verify' && t.actor === info.name && t.at >= dayStart && t.at <= now) verificationsToday++
    }
  }
  // The live fix may be newer than the last one history kept (history is down-sampled).
  const fixTimes = track.map((p) => p[2])
  if (live && live.fixAt > (fixTimes.at(-1) ?? -Infinity)) fixTimes.push(live.fixAt)
  return {
    info, live, gridName, reportsToday, verificationsToday,
    todayDistanceM: trackLength(track.filter((p) => p[2] >= dayStart)),
    statusHistory: statusHistory(fixTimes, dayStart, now, thresholds),
  }
}

/** Metres along the track, fix to fix. */
export function trackLength(track: readonly TrackPoint[]): number {
  let total = 0
  for (let i = 1; i < track.length; i++) total += metresBetween([track[i - 1][0], track[i - 1][1]], [track[i][0], track[i][1]])
  return total
}
