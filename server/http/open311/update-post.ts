// POST servicerequestupdates (mySociety's extension): a citizen's comment or photo, added to the
// case's story as a line that moves nothing (CaseBook.comment; the wall shows it as 市民补充).
// The fields are FixMyStreet's (perllib/Open311.pm:473-577) and open311-adapter's schema of them
// (Role/mySociety.pm:160-212): api_key, service_request_id, update_id, status, updated_datetime and
// description required; media_url one or several; name, email and phone ignored.
//
// - A citizen cannot move the loop: only the supervision centre does, after 核查. The status is read
//   for what the citizen says: OPEN or REOPEN on a closed case is FixMyStreet's "not fixed" (its
//   report went back to an open state, Open311.pm:484-511), FIXED or CLOSED on an open case its
//   "fixed" (marked by the user); either is written before their words, for the centre to act on.
// - update_id is FixMyStreet's own comment id (Open311.pm:534). It retries a failed send on its
//   next run (PostServiceRequestUpdates.pm:152-165), so the pair (case, update_id) is remembered with
//   the line it added, in the same transaction: a repeat adds nothing and answers the same id.
// - The line is stamped when it reaches us, not with updated_datetime (checked, then left): a
//   client's clock, or a retry hours later, must not put a comment before its report.
// - Names, e-mail and phone are personal data: the line's actor is 市民 and none of them is kept
//   (the report's contact details, stored apart, are how the centre calls back).
import type { Request, Response } from 'express'
import type { CaseRecord } from '../../domain/case-book'
import { isOpen } from '../../domain/case-workflow'
import type { District } from '../../domain/district'
import { oneAtATime } from '../../domain/one-at-a-time'
import { StoreWriteError } from '../../domain/store-write-error'
import type { WallStore } from '../../store/wall-store'
import { formatOf, sendList } from './format'
import { Open311Error } from './open311-errors'
import type { Body } from './request-input'
import { updateId, w3cDateTime } from './updates-query'

export type UpdatePostStore = Pick<WallStore, 'transaction' | 'clientUpdateSeq' | 'saveClientUpdateSeq'>

// The update_id check and the write it guards, one request at a time (the check awaits the store).
const serially = oneAtATime()

// open311-adapter's status_extended_upper (Role/mySociety.pm:353-373), without Bromley's own two.
const STATUSES = new Set([
  'UNCHANGED', 'OPEN', 'CLOSED', 'FIXED', 'IN_PROGRESS', 'PLANNED', 'ACTION_SCHEDULED', 'INVESTIGATING', 'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'INTERNAL_REFERRAL', 'CANCELLED', 'REOPEN', 'FOR_TRIAGE',
])

const DESCRIPTION_MAX = 4000
const MEDIA_MAX = 10

const bad = (field: string, problem: string) => new Open311Error(400, field, problem)

function required(body: Body, field: string, max: number): string {
  const value = body[field]
  if (value == null || value === '') throw bad(field, 'required')
  if (typeof value !== 'string' && typeof value !== 'number') throw bad(field, 'must be a single value')
  const text = String(value).trim()
  if (text === '') throw bad(field, 'required')
  if (text.length > max) throw bad(field, `must be at most ${max} characters`)
  return text
}

function status(body: Body): string {
  // Upper-case in the schema; FixMyStreet maps statuses case-insensitively, so we read them so too.
  const value = required(body, 'status', 40).toUpperCase()
  if (!STATUSES.has(value)) throw bad('status', `must be one of ${[...STATUSES].join(', ')}, got ${value.slice(0, 40)}`)
  return value
}

/** Every media_url, in order: one, repeated keys (FixMyStreet's multi_photos) or a JSON array. */
function mediaUrls(body: Body): string[] {
  const raw = body.media_url
  const values = raw == null ? [] : Array.isArray(raw) ? raw : [raw]
  if (values.length > MEDIA_MAX) throw bad('media_url', `at most ${MEDIA_MAX} photos`)
  return values.flatMap((value) => {
    if (typeof value !== 'string') throw bad('media_url', 'must be http(s) URLs')
    const text = value.trim()
    if (text === '') return []
    let url: URL | null = null
    try { url = new URL(text) } catch { url = null }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || text.length > 2048) {
      throw bad('media_url', `must be http(s) URLs of at most 2048 characters, got ${text.slice(0, 40)}`)
    }
    return [text]
  })
}

function description(body: Body, photos: readonly string[]): string {
  const value = body.description
  if (value == null) throw bad('description', 'required (the text of the update)')
  if (typeof value !== 'string') throw bad('description', 'must be a single value')
  // FixMyStreet's form encoding turns line breaks into CRLF (HTTP::Request::Common).
  const text = value.replace(/\r\n?/g, '\n').trim()
  if (text.length > DESCRIPTION_MAX) throw bad('description', `must be at most ${DESCRIPTION_MAX} characters`)
  if (text === '' && photos.length === 0) throw bad('description', 'must not be empty unless a media_url is given')
  return text
}

/** What the citizen says, with what their status says of the case before it. */
function commentNote(record: CaseRecord, said: string, text: string, photos: readonly string[]): string | null {
  const reopened = !isOpen(record.step) && (said === 'OPEN' || said === 'REOPEN')
  const fixed = isOpen(record.step) && (said === 'FIXED' || said === 'CLOSED')
  const prefix = reopened ? '市民反映问题仍未解决' : fixed ? '市民反映问题已解决' : null
  // The first photo is the line's mediaUrl; the others go in the note as the workflow writes photos.
  const parts = [prefix && text ? `${prefix}：${text}` : prefix ?? text, ...photos.slice(1).map((url) => `照片：${url}`)]
  return parts.filter(Boolean).join('；') || null
}

/** Adds the comment (once per client update_id); our update id. */
export async function addRequestUpdate(district: District, store: UpdatePostStore, body: Body): Promise<string> {
  const caseId = required(body, 'service_request_id', 40)
  const clientUpdateId = required(body, 'update_id', 100)
  w3cDateTime(required(body, 'updated_datetime', 40), 'updated_datetime')
  const said = status(body)
  const photos = mediaUrls(body)
  const text = description(body, photos)
  // Also a case closed long ago, which memory has let go: citizens say "still not fixed" then too.
  return serially(async () => {
    const record = await district.cases.find(caseId)
    if (!record) throw new Open311Error(404, 'service_request_id', `no request ${caseId.slice(0, 40)}`)
    const known = await store.clientUpdateSeq(caseId, clientUpdateId)
    if (known != null) return updateId(caseId, known)
    // The line's seq is its place in the history (SqliteStore.saveCase writes history.length - 1).
    const seq = record.history.length
    try {
      store.transaction(() => {
        store.saveClientUpdateSeq(caseId, clientUpdateId, seq)
        district.cases.comment(record, {
          at: district.clock.now(), actor: '市民', note: commentNote(record, said, text, photos), mediaUrl: photos[0] ?? null,
        })
      })
    } catch (error) {
      throw error instanceof StoreWriteError ? error : new StoreWriteError(`case ${caseId} (comment)`, error)
    }
    return updateId(caseId, seq)
  })
}

export function postRequestUpdate(district: District, store: UpdatePostStore) {
  return async (req: Request, res: Response) => {
    const { format } = formatOf(req.path.slice(1))
    if (req.body === undefined && req.get('content-type')) {
      throw new Open311Error(415, 'body', 'send application/x-www-form-urlencoded or application/json')
    }
    const body = (req.body ?? {}) as Body
    if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'body', 'must be a JSON object')
    const id = await addRequestUpdate(district, store, body)
    sendList(res, format, 'service_request_updates', 'request_update', [{ update_id: id }])
  }
}
