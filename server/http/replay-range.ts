// The time range of a replay request: `from` and `to` as epoch ms or ISO-8601, by default today
// (00:00 CST, domain time) until now; at most 48 hours, so one request cannot read a month of history.
import type { Request } from 'express'
import { cstDayStart } from '../domain/china-time'
import { parseTimestamp } from '../ingest/osmand/parse-timestamp'
import { InvalidInputError } from '../ingest/position-ingest'

export const MAX_REPLAY_RANGE_MS = 48 * 3600_000

export interface TimeRange {
  from: number
  to: number
}

/** Throws InvalidInputError naming `from` or `to`. */
export function replayRange(req: Request, now: number): TimeRange {
  const to = parseTimestamp(queryValue(req, 'to'), 'to', now)
  const from = parseTimestamp(queryValue(req, 'from'), 'from', cstDayStart(to))
  if (to < from) throw new InvalidInputError('to', 'must not be before from')
  if (to - from > MAX_REPLAY_RANGE_MS) throw new InvalidInputError('to', `the range may span at most 48 hours, got ${((to - from) / 3600_000).toFixed(1)} h`)
  return { from, to }
}

function queryValue(req: Request, name: string): unknown {
  const value = req.query[name]
  if (Array.isArray(value)) throw new InvalidInputError(name, 'give it once')
  return value
}
