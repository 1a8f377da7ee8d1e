// GET servicerequestupdates (mySociety's extension): what happened to citizens' cases in a window,
// read from the store, so a case closed and gone from memory still answers. FixMyStreet polls every
// 5 minutes with the last 2 hours, and nightly with the last 24 (conf/crontab-example:23-24), in UTC
// `Z` (GetServiceRequestUpdates.pm:23-37), and keeps an update only if its updated_datetime, in UTC,
// lies inside the window it asked for (UpdatesBase.pm:108-120).
//
// - No dates: the last 24 hours, as FixMyStreet's nightly catch-up asks (a client that sends none,
//   as FixMyStreet does for Bromley, wants what is recent; it drops what it has by update_id).
// - One date: the window reaches 90 days from it, the most one query may span (as GET requests,
//   GeoReport v2 spec `:513-517`).
// - At most 1,000 updates, oldest first: a client that gets 1,000 asks again from the last
//   updated_datetime and gets the rest (the boundary's repeats it drops by update_id); newest first
//   would lose the oldest for good.
import type { Request, Response } from 'express'
import type { EpochMs } from '../../contract/domain'
import { DAY_MS } from '../../domain/china-time'
import type { StoredCaseUpdate, WallStore } from '../../store/wall-store'
import { formatOf, sendList } from './format'
import { Open311Error } from './open311-errors'
import { isoCst } from './request-format'
import { parseW3cDateTime, restorePlus } from './w3c-date'
import { splitNote, STEP_STATUS, updateDescription, type UpdateStatus } from './update-status'

export const UPDATES_MAX_WINDOW_MS = 90 * DAY_MS
export const UPDATES_DEFAULT_WINDOW_MS = DAY_MS
export const UPDATES_MAX_RESULTS = 1000

type Query = Record<string, unknown>

/** A W3C date-time with its zone (the spec requires it, GeoReport v2 `:38-45`), as epoch ms; null when absent or empty; 400 naming the field otherwise. */
export function w3cDateTime(value: unknown, field: string): EpochMs | null {
  if (value == null || value === '') return null
  if (typeof value !== 'string') throw new Open311Error(400, field, 'must be given once')
  const raw = restorePlus(value.trim())
  const at = parseW3cDateTime(raw)
  if (at == null) {
    throw new Open311Error(400, field, `must be a W3C date-time with a time zone (2026-08-21T10:00:00Z or …+08:00), got ${raw.slice(0, 40)}`)
  }
  return at
}

export function updatesWindow(query: Query, now: EpochMs): [EpochMs, EpochMs] {
  const start = w3cDateTime(query.start_date, 'start_date')
  const end = w3cDateTime(query.end_date, 'end_date')
  const to = end ?? (start != null ? start + UPDATES_MAX_WINDOW_MS : now)
  const from = start ?? (end != null ? end - UPDATES_MAX_WINDOW_MS : now - UPDATES_DEFAULT_WINDOW_MS)
  if (to < from) throw new Open311Error(400, 'end_date', 'must not be before start_date')
  if (to - from > UPDATES_MAX_WINDOW_MS) throw new Open311Error(400, 'end_date', 'must be at most 90 days after start_date')
  return [from, to]
}

export interface RequestUpdate {
  update_id: string
  service_request_id: string
  status: UpdateStatus
  updated_datetime: string
  description: string
  /** null when the line has no photo (an empty element, as the ADAPTER writes it); a list when several. */
  media_url: string | string[] | null
}

/** Our id of a line: the case and its place in the case's history, stable and unique. */
export function updateId(caseId: string, seq: number): string {
  return `${caseId}-${seq}`
}

export function toRequestUpdate(line: StoredCaseUpdate): RequestUpdate {
  const { text, photos } = splitNote(line.note)
  const media = [...new Set([...(line.mediaUrl ? [line.mediaUrl] : []), ...photos])]
  return {
    update_id: updateId(line.caseId, line.seq),
    service_request_id: line.caseId,
    status: STEP_STATUS[line.step],
    updated_datetime: isoCst(line.at),
    description: updateDescription(line.action, text, line.department),
    media_url: media.length === 0 ? null : media.length === 1 ? media[0] : media,
  }
}

export async function findRequestUpdates(store: UpdatesStore, query: Query, now: EpochMs): Promise<RequestUpdate[]> {
  const [from, to] = updatesWindow(query, now)
  // updated_datetime is written in whole seconds (rounded down): a line at 10:00:00.700 asked for
  // from 10:00:00.500 would read as before the window, so the window starts on a whole second.
  const lines = await store.caseUpdates({ from: Math.ceil(from / 1000) * 1000, to, source: 'citizen', limit: UPDATES_MAX_RESULTS })
  return lines.map(toRequestUpdate)
}

export type UpdatesStore = Pick<WallStore, 'caseUpdates'>

/** GET /servicerequestupdates.{xml,json}: api_key and jurisdiction_id are the router's (open311-keys, jurisdiction). */
export function getRequestUpdates(store: UpdatesStore, now: () => EpochMs) {
  return async (req: Request, res: Response) => {
    const { format } = formatOf(req.path.slice(1))
    sendList(res, format, 'service_request_updates', 'request_update', await findRequestUpdates(store, req.query, now()))
  }
}
