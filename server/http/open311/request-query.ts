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
import { CST_OFFSET_MS, DAY_MS } from '../../domain/china-time'
import type { District } from '../../domain/district'
import { Open311Error } from './open311-errors'

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
const W3C_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/
const W3C_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Epoch ms of a calendar time given in UTC, or NaN when a field is out of range (2026-02-30, 24:00). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const at = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(at)
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s ? at : NaN
}

/** A W3C date-time with its zone; a bare date is that day's 00:00 in China Standard Time. */
export function w3cDate(raw: string): EpochMs | null {
  const day = W3C_DAY.exec(raw)
  if (day) {
    const at = utc(Number(day[1]), Number(day[2]), Number(day[3]))
    return Number.isNaN(at) ? null : at - CST_OFFSET_MS
  }
  const m = W3C_TIME.exec(raw)
  if (!m) return null
  const local = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
  const offsetH = Number(m[10] ?? 0)
  const offsetM = Number(m[11] ?? 0)
  if (Number.isNaN(local) || offsetH > 14 || offsetM > 59) return null
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000
  return local + fraction - offset
}

function date(query: Query, field: string): EpochMs | null {
  // An unencoded '+' in a query string arrives as a space: '…T09:40:00 08:00'.
  const raw = single(query, field)?.replace(/ (\d{2}:\d{2})$/, '+$1')
  if (raw == null) return null
  const at = w3cDate(raw)
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

export function findRequests(district: District, query: Query): CaseRecord[] {
  const ids = requestIds(query)
  if (ids) {
    // In the order asked for, as clients match them back to their own reports.
    const found = new Map(district.cases.findCases({ ids, limit: MAX_RESULTS }).map((c) => [c.id, c]))
    return ids.flatMap((id) => found.get(id) ?? [])
  }
  const [reportedFrom, reportedTo] = dateWindow(query, district.clock.now())
  return district.cases.findCases({
    categoryCodes: serviceCodes(query), steps: steps(query), reportedFrom, reportedTo, limit: MAX_RESULTS,
  })
}

/** GET requests/{id}: from the store too; 404 when it has none. */
export function findRequest(district: District, id: string): CaseRecord {
  const [record] = id.length <= 40 ? district.cases.findCases({ ids: [id], limit: 1 }) : []
  if (!record) throw new Open311Error(404, 'service_request_id', `no request ${id.slice(0, 40)}`)
  return record
}
