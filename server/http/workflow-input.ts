// The body of POST /api/cases/:id/actions, checked field by field: a refusal names the field.
import type { CaseAction } from '../contract/domain'
import { TRANSITIONS } from '../domain/case-workflow'
import { InvalidInputError } from '../ingest/position-ingest'

export interface ActionRequest {
  action: CaseAction
  note: string | null
  department?: string
}

const ACTIONS = Object.keys(TRANSITIONS) as CaseAction[]

function optionalText(body: Record<string, unknown>, field: string, max: number): string | null {
  const value = body[field]
  if (value == null) return null
  if (typeof value !== 'string') throw new InvalidInputError(field, 'must be a string')
  if (value.length > max) throw new InvalidInputError(field, `must be at most ${max} characters`)
  return value.trim() === '' ? null : value.trim()
}

function photoUrl(body: Record<string, unknown>, action: CaseAction): string | null {
  const value = optionalText(body, 'photoUrl', 2048)
  if (value == null) return null
  if (action !== 'handle') throw new InvalidInputError('photoUrl', 'goes only with handle')
  const url = URL.canParse(value) ? new URL(value) : null
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InvalidInputError('photoUrl', 'must be an http(s) URL')
  return url.href
}

function department(body: Record<string, unknown>, action: CaseAction): string | undefined {
  const value = optionalText(body, 'department', 60)
  if (action === 'dispatch' && value == null) throw new InvalidInputError('department', 'required to dispatch: the department that will handle the case')
  if (action !== 'dispatch' && value != null) throw new InvalidInputError('department', 'goes only with dispatch')
  return value ?? undefined
}

export function parseActionBody(body: unknown): ActionRequest {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidInputError('body', 'must be a JSON object (Content-Type: application/json)')
  }
  const fields = body as Record<string, unknown>
  const action = fields.action
  if (typeof action !== 'string' || !ACTIONS.includes(action as CaseAction)) {
    throw new InvalidInputError('action', `must be one of ${ACTIONS.join(', ')}`)
  }
  const act = action as CaseAction
  const note = optionalText(fields, 'note', 1000)
  // The case book keeps no photos: the handling photo's link goes into the transition's note.
  const photo = photoUrl(fields, act)
  const fullNote = photo ? [note, `照片：${photo}`].filter(Boolean).join('；') : note
  return { action: act, note: fullNote, department: department(fields, act) }
}

export interface LocateRequest {
  lng: number
  lat: number
  note: string | null
}

/** `{ "action": "locate", "lng", "lat", "note"? }`: where a case reported by address only really is (WGS-84). */
export function isLocateBody(body: unknown): boolean {
  return body != null && typeof body === 'object' && (body as Record<string, unknown>).action === 'locate'
}

export function parseLocateBody(body: Record<string, unknown>): LocateRequest {
  const coordinate = (field: 'lng' | 'lat', limit: number): number => {
    const value = body[field]
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
      throw new InvalidInputError(field, `required to locate: decimal degrees in [-${limit}, ${limit}] (WGS-84)`)
    }
    return value
  }
  return { lng: coordinate('lng', 180), lat: coordinate('lat', 90), note: optionalText(body, 'note', 1000) }
}
