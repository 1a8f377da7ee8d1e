// A fix stamped ahead of the server's clock comes from a phone with a wrong clock. Taken as it is, it
// becomes the inspector's latest fix: every true fix after it looks late and never moves the marker,
// and the silence is negative, so the marker stays "online" for years (issue #15).
//
// Refused, not clamped: a clamped fix would be stored with a time it never had (history and proof of
// presence would lie about when the inspector was there), and the answer should make someone fix the
// phone's clock. Traccar likewise filters out fixes from the future (its `filter.future` setting).
// Fixes older than the history kept are refused too (refuseExpiredFix).
import { InvalidInputError } from './position-ingest'

/** Phones sync their clocks by network time; a few minutes covers drift and buffered uploads. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60_000

export function refuseFutureFix(at: number, now: number, maxSkewMs: number, field: string): void {
  if (at <= now + maxSkewMs) return
  throw new InvalidInputError(field, `${timeText(at)} is ${describeAhead(at - now)} ahead of the server's clock `
    + `(${timeText(now)}); fixes more than ${Math.round(maxSkewMs / 1000)} s ahead are refused: correct the device's clock`)
}

/**
 * A fix older than the history kept (POSITION_RETENTION_DAYS) would be stored only to be dropped,
 * each distinct day of them creating a day table first: a device replaying a year of buffered fixes,
 * or a bad clock in the past, is refused the same way.
 */
export function refuseExpiredFix(at: number, now: number, retentionMs: number, field: string): void {
  if (at >= now - retentionMs) return
  throw new InvalidInputError(field, `${timeText(at)} is older than the ${Math.round(retentionMs / 86_400_000)} days of history kept `
    + `(POSITION_RETENTION_DAYS): correct the device's clock`)
}

function describeAhead(ms: number): string {
  if (ms < 3600_000) return `${Math.round(ms / 1000)} s`
  if (ms < 2 * 86_400_000) return `${Math.round(ms / 3600_000)} h`
  return `${Math.round(ms / 86_400_000)} days`
}

/** ISO-8601 where a Date can hold it; a time past ±275,760 years (a fuzzed or broken clock) as plain ms. */
function timeText(ms: number): string {
  const date = new Date(ms)
  return Number.isFinite(date.getTime()) ? date.toISOString() : `${ms} ms`
}
