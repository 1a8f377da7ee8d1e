// An inspector's day as online / stale / offline periods, judged from the gaps between their stored
// fixes by the same silence rule as the live status (statusBySilence): after a fix they are online
// for staleAfter, stale until offlineAfter, then offline until the next fix.
import type { StatusPeriod } from '../contract/detail'
import type { EpochMs, InspectorStatus } from '../contract/domain'
import type { SilenceThresholds } from './inspector-registry'

/**
 * The periods covering [from, to], oldest first, adjacent ones of one status merged. `fixTimes`
 * ascending; pass fixes from `from - offlineAfterMs` on so the status at `from` is known.
 */
export function statusHistory(fixTimes: readonly EpochMs[], from: EpochMs, to: EpochMs, thresholds: SilenceThresholds): StatusPeriod[] {
  const periods: StatusPeriod[] = []
  const add = (status: InspectorStatus, start: EpochMs, end: EpochMs) => addPeriod(periods, status, Math.max(start, from), Math.min(end, to))
  let last: EpochMs | null = null
  for (const at of fixTimes) {
    if (at > to) break
    silenceUntil(add, last, at, thresholds)
    last = at
  }
  silenceUntil(add, last, to, thresholds)
  return periods
}

type Add = (status: InspectorStatus, start: EpochMs, end: EpochMs) => void

/** The statuses from the fix at `last` until `until` (the next fix, or the end). */
function silenceUntil(add: Add, last: EpochMs | null, until: EpochMs, { staleAfterMs, offlineAfterMs }: SilenceThresholds): void {
  if (last == null) return add('offline', -Infinity, until)
  add('online', last, Math.min(until, last + staleAfterMs))
  add('stale', last + staleAfterMs, Math.min(until, last + offlineAfterMs))
  add('offline', last + offlineAfterMs, until)
}

function addPeriod(periods: StatusPeriod[], status: InspectorStatus, from: EpochMs, to: EpochMs): void {
  if (to <= from) return
  const previous = periods.at(-1)
  if (previous && previous.status === status && previous.to >= from) previous.to = Math.max(previous.to, to)
  else periods.push({ status, from, to })
}
