// Today's online / stale / offline periods as segments of a 24-hour bar, in percent of the day.
import type { StatusPeriod } from '../../server/contract/detail'
import type { EpochMs, InspectorStatus } from '../../server/contract/domain'

const CST_OFFSET_MS = 8 * 3600_000
export const DAY_MS = 86_400_000
/** Hour labels under the bar. */
export const HOUR_TICKS = [0, 6, 12, 18, 24] as const

export interface StatusSegment {
  status: InspectorStatus
  /** Percent of the day from 00:00 to the start of the segment. */
  left: number
  /** Percent of the day the segment lasts. */
  width: number
}

/** Epoch ms of 00:00 CST on the day containing `at` (the server's "today"). */
export function cstDayStart(at: EpochMs): EpochMs {
  return Math.floor((at + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS
}

/** Where `at` falls on the bar, 0–100. */
export function dayPercent(at: EpochMs, dayStart: EpochMs): number {
  return Math.min(100, Math.max(0, ((at - dayStart) / DAY_MS) * 100))
}

/** Periods clipped to the day; empty ones dropped. The bar stays blank where there is no period (the future). */
export function buildStatusSegments(periods: readonly StatusPeriod[], dayStart: EpochMs): StatusSegment[] {
  const segments: StatusSegment[] = []
  for (const p of periods) {
    const left = dayPercent(p.from, dayStart)
    const right = dayPercent(p.to, dayStart)
    if (right > left) segments.push({ status: p.status, left, width: right - left })
  }
  return segments
}
