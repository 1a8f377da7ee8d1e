// GET requests: which cases a query asks for, read from the store (memory forgets closed cases after
// 8 days; a client polling an old request must still find it). service_request_id (a comma list)
// overrides every other filter, as the spec says; otherwise service_code and status (comma lists,
// spaces trimmed) and a window of at most 90 days on requested_datetime (default: the last 90 days
// of domain time). Newest first, at most 1000 (GeoReport v2, GET Service Requests).
import type { CaseStep, EpochMs } from '../../contract/domain'
import { CASE_LOOP } from '../../contract/domain'
import type { CaseRecord } from '../../domain/case-book'
import { findCategory } from '../../domain/categories'
import { isOpen } from '../../domain/case-workflow'
import { DAY_MS } from '../../domain/china-time'
import type { District } from '../../domain/district'
import { Open311Error } from './open311-errors'
import { parseW3cDateOrDay, restorePlus } from './w3c-date'

export const MAX_WINDOW_MS = 90 * DAY_MS
export const MAX_RESULTS = 1000

type Query = Record<string, unknown>

const bad = (field: string, problem: string) => new Open311Error(400, field, problem)

function single(query: Query, field: string): string | null {
  const raw = query[field]
  if (raw == null || raw === '') return null
  if (typeof raw !== 'string') throw bad(field, 'must be given once')
  return raw.trim()
}

/** A comma list; a repeated key (status=open&status=closed) adds to it. */
function list(query: Query, field: string): string[] | null {
  const raw = query[field]
  if (raw == null || raw === '') return null
  const parts = Array.isArray(raw) ? raw : [raw]
  if (!parts.every((p) => typeof p === 'string')) throw bad(field, 'must be a comma-separated list')
  const items = parts.flatMap((p: string) => p.split(',')).map((s) => s.trim()).filter(Boolean)
  return items.length > 0 ? items : null
}

// W3C-DTF (the spec: "Must use w3 format, eg 2010-01-01T00:00:00Z"): a time needs its zone, Z or ±hh:mm.
function date(query: Query, field: string): EpochMs | null {
  const given = single(query, field)
  if (given == null) return null
  const at = parseW3cDateOrDay(restorePlus(given))
  if (at == null) throw bad(field, 'must be a W3C date-time with a time zone (Z or ±hh:mm), e.g. 2026-11-01T00:00:00Z')
  return at
}

function dateWindow(query: Query, now: EpochMs): [EpochMs, EpochMs] {
  const start = date(query, 'start_date')
  const end = date(query, 'end_date')
  const from = start ?? (end ?? now) - MAX_WINDOW_MS
  const to = end ?? (start != null ? start + MAX_WINDOW_MS : now)
  if (to < from) throw bad('end_date', 'must not be before start_date')
  if (to - from > MAX_WINDOW_MS) throw bad('end_date', 'must be at most 90 days after start_date')
  return [from, to]
}

const ALL_STEPS: readonly CaseStep[] = [...CASE_LOOP, 'cancelled']

/** open: any step before 结案; closed: 结案 and 不予立案. */
function steps(query: Query): CaseStep[] | undefined {
  const wanted = list(query, 'status')?.map((s) => s.toLowerCase())
  if (!wanted) return undefined
  const wrong = wanted.find((s) => s !== 'open' && s !== 'closed')
  if (wrong) throw bad('status', `must be open or closed, got ${wrong.slice(0, 20)}`)
  return ALL_STEPS.filter((step) => wanted.includes(isOpen(step) ? 'open' : 'closed'))
}

function serviceCodes(query: Query): string[] | undefined {
  const codes = list(query, 'service_code')
  const unknown = codes?.find((c) => !findCategory(c))
  if (unknown) throw bad('service_code', `unknown service ${unknown.slice(0, 20)}`)
  return codes ?? undefined
}

function requestIds(query: Query): string[] | null {
  const ids = list(query, 'service_request_id')
  if (!ids) return null
  if (ids.length > MAX_RESULTS) throw bad('service_request_id', `at most ${MAX_RESULTS} ids`)
  const long = ids.find((id) => id.length > 40)
  if (long) throw bad('service_request_id', `not a request id: ${long.slice(0, 40)}…`)
  return [...new Set(ids)]
}

export async function findRequests(district: District, query: Query): Promise<CaseRecord[]> {
  const ids = requestIds(query)
  if (ids) {
    // In the order asked for, as clients match them back to their own reports.
    const found = new Map((await district.cases.findCases({ ids, limit: MAX_RESULTS })).map((c) => [c.id, c]))
    return ids.flatMap((id) => found.get(id) ?? [])
  }
  const [reportedFrom, reportedTo] = dateWindow(query, district.clock.now())
  return district.cases.findCases({
    categoryCodes: serviceCodes(query), steps: steps(query), reportedFrom, reportedTo, limit: MAX_RESULTS,
  })
}

/** GET requests/{id}: from the store too; 404 when it has none. */
export async function findRequest(district: District, id: string): Promise<CaseRecord> {
  const [record] = id.length <= 40 ? await district.cases.findCases({ ids: [id], limit: 1 }) : []
  if (!record) throw new Open311Error(404, 'service_request_id', `no request ${id.slice(0, 40)}`)
  return record
}
