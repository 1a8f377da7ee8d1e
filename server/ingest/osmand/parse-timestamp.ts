// Device timestamps as the OsmAnd/Traccar protocol allows them (Traccar's OsmAndProtocolDecoder):
// epoch seconds or milliseconds, ISO-8601, or `yyyy-MM-dd HH:mm:ss` (taken as UTC, as Traccar does).
import { InvalidInputError } from '../position-ingest'

/** Below this an epoch value is seconds (Traccar multiplies values under Integer.MAX_VALUE by 1000). */
const SECONDS_LIMIT = 2_147_483_647

export function parseTimestamp(raw: unknown, field: string, now: number): number {
  if (raw == null || raw === '') return now
  if (typeof raw === 'number') return epoch(raw, field)
  if (typeof raw !== 'string') throw new InvalidInputError(field, `must be a time, got ${typeof raw}`)
  if (/^\d+(\.\d+)?$/.test(raw)) return epoch(Number(raw), field)
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw
  // Date.parse alone is too lenient ("-5" is a year): insist on an ISO-8601 date-time shape.
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(at)) throw new InvalidInputError(field, `"${raw}" is not epoch seconds/milliseconds, ISO-8601 or yyyy-MM-dd HH:mm:ss`)
  return at
}

function epoch(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InvalidInputError(field, `must be a positive epoch time, got ${value}`)
  return value < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value)
}
