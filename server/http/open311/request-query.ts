// GET /requests.json: which cases a query asks for. service_request_id (a comma list) overrides
// every other filter; otherwise service_code, status and a date window of at most 90 days on
// requested_datetime (default: the last 90 days of domain time). Newest first, at most 1000.
import type { EpochMs } from '../../contract/domain'
import type { CaseRecord } from '../../domain/case-book'
import { findCategory } from '../../domain/categories'
import { isOpen } from '../../domain/case-workflow'
import { DAY_MS } from '../../domain/china-time'
import type { District } from '../../domain/district'
import { Open311Error } from './open311-errors'

export const MAX_WINDOW_MS = 90 * DAY_MS
export const MAX_RESULTS = 1000

type Query = Record<string, unknown>

function single(query: Query, field: string): string | null {
  const raw = query[field]
  if (raw == null || raw === '') return null
  if (typeof raw !== 'string') throw new Open311Error(400, field, 'must be given once (a comma-separated list where lists are allowed)')
  return raw.trim()
}

function list(query: Query, field: string): string[] | null {
  const raw = single(query, field)
  return raw == null ? null : raw.split(',').map((s) => s.trim()).filter(Boolean)
}

/** ISO 8601; a time without an offset is read as China Standard Time, a bare date as its 00:00. */
function date(query: Query, field: string): EpochMs | null {
  // An unencoded '+' in a query string arrives as a space: '…T09:40:00 08:00'.
  const raw = single(query, field)?.replace(/ (\d{2}:?\d{2})$/, '+$1')
  if (raw == null) return null
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00+08:00`
    : /T[\d:.]+$/.test(raw) ? `${raw}+08:00` : raw
  const at = /^\d{4}-\d{2}-\d{2}T/.test(zoned) ? Date.parse(zoned) : NaN
  if (Number.isNaN(at)) throw new Open311Error(400, field, `must be an ISO 8601 date-time, got ${raw.slice(0, 40)}`)
  return at
}

function dateWindow(query: Query, now: EpochMs): [EpochMs, EpochMs] {
  const start = date(query, 'start_date')
  const end = date(query, 'end_date')
  const from = start ?? (end ?? now) - MAX_WINDOW_MS
  const to = end ?? (start != null ? start + MAX_WINDOW_MS : now)
  if (to < from) throw new Open311Error(400, 'end_date', 'must not be before start_date')
  if (to - from > MAX_WINDOW_MS) throw new Open311Error(400, 'end_date', 'must be at most 90 days after start_date')
  return [from, to]
}

function statuses(query: Query): Set<string> | null {
  const wanted = list(query, 'status')
  const wrong = wanted?.find((s) => s !== 'open' && s !== 'closed')
  if (wrong) throw new Open311Error(400, 'status', `must be open or closed, got ${wrong.slice(0, 20)}`)
  return wanted ? new Set(wanted) : null
}

function serviceCodes(query: Query): Set<string> | null {
  const codes = list(query, 'service_code')
  const unknown = codes?.find((c) => !findCategory(c))
  if (unknown) throw new Open311Error(400, 'service_code', `unknown service ${unknown.slice(0, 20)}`)
  return codes ? new Set(codes) : null
}

export function findRequests(district: District, query: Query): CaseRecord[] {
  const ids = list(query, 'service_request_id')
  if (ids) return ids.slice(0, MAX_RESULTS).flatMap((id) => district.cases.get(id) ?? [])
  const [from, to] = dateWindow(query, district.clock.now())
  const codes = serviceCodes(query)
  const wanted = statuses(query)
  const found: CaseRecord[] = []
  for (const c of district.cases.all()) {
    if (c.reportedAt < from || c.reportedAt > to) continue
    if (codes && !codes.has(c.categoryCode)) continue
    if (wanted && !wanted.has(isOpen(c.step) ? 'open' : 'closed')) continue
    found.push(c)
  }
  return found.sort((a, b) => b.reportedAt - a.reportedAt).slice(0, MAX_RESULTS)
}
