// The bodies of POST /api/party/projects and …/actions, checked field by field: a refusal names the
// field (InvalidInputError → 400).
import type { EpochMs } from '../contract/domain'
import type { ProjectAction, SatisfactionLevel } from '../contract/party'
import { SATISFACTION_WEIGHTS } from '../contract/party'
import { InvalidInputError } from '../ingest/position-ingest'
import { PROJECT_ACTIONS } from './project-workflow'

type Body = Record<string, unknown>

export function objectBody(body: unknown): Body {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidInputError('body', 'must be a JSON object (Content-Type: application/json)')
  }
  return body as Body
}

export function text(body: Body, field: string, max: number, required: true): string
export function text(body: Body, field: string, max: number, required?: false): string | null
export function text(body: Body, field: string, max: number, required = false): string | null {
  const value = body[field]
  if (value == null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new InvalidInputError(field, 'is required')
    return null
  }
  if (typeof value !== 'string') throw new InvalidInputError(field, 'must be a string')
  if (value.length > max) throw new InvalidInputError(field, `must be at most ${max} characters`)
  return value.trim()
}

/** Epoch ms or an ISO 8601 date-time with its offset. */
export function time(body: Body, field: string): EpochMs | null {
  const value = body[field]
  if (value == null) return null
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value)
  throw new InvalidInputError(field, 'must be epoch milliseconds or an ISO 8601 date-time with its offset (2026-12-31T17:00:00+08:00)')
}

export function satisfaction(body: Body, field: string): SatisfactionLevel | null {
  const value = body[field]
  if (value == null) return null
  if (typeof value !== 'string' || !(value in SATISFACTION_WEIGHTS)) {
    throw new InvalidInputError(field, `must be one of ${Object.keys(SATISFACTION_WEIGHTS).join(', ')}`)
  }
  return value as SatisfactionLevel
}

export interface NewProjectRequest {
  title: string
  description: string
  branchCode: string
  caseId: string | null
  deadlineAt: EpochMs
  note: string | null
}

export function parseNewProject(raw: unknown, now: EpochMs): NewProjectRequest {
  const body = objectBody(raw)
  const title = text(body, 'title', 80, true)
  const description = text(body, 'description', 2000) ?? ''
  const branchCode = text(body, 'branchCode', 80, true)
  const caseId = text(body, 'caseId', 40)
  const deadlineAt = time(body, 'deadlineAt')
  if (deadlineAt == null) throw new InvalidInputError('deadlineAt', 'is required: when the project must be done')
  if (deadlineAt <= now) throw new InvalidInputError('deadlineAt', 'must be in the future')
  return { title, description, branchCode, caseId, deadlineAt, note: text(body, 'note', 500) }
}

export interface ProjectActionRequest {
  action: ProjectAction
  note: string | null
  leadMembers?: string[]
  rating?: SatisfactionLevel
}

export const MAX_LEAD_MEMBERS = 10

export function parseProjectAction(raw: unknown): ProjectActionRequest {
  const body = objectBody(raw)
  const action = body.action
  if (typeof action !== 'string' || !(PROJECT_ACTIONS as string[]).includes(action)) {
    throw new InvalidInputError('action', `must be one of ${PROJECT_ACTIONS.join(', ')}`)
  }
  const request: ProjectActionRequest = { action: action as ProjectAction, note: text(body, 'note', 500) }
  const members = body.leadMembers
  if (action === 'claim') {
    if (!Array.isArray(members) || members.length === 0 || members.length > MAX_LEAD_MEMBERS
      || members.some((m) => typeof m !== 'string' || m.trim() === '' || m.length > 20)) {
      throw new InvalidInputError('leadMembers', `required to claim: 1–${MAX_LEAD_MEMBERS} names of the leading party members (each ≤ 20 characters)`)
    }
    request.leadMembers = members.map((m: string) => m.trim())
  } else if (members != null) {
    throw new InvalidInputError('leadMembers', 'goes only with claim')
  }
  const rating = satisfaction(body, 'rating')
  if (action === 'rate' && rating == null) throw new InvalidInputError('rating', `required to rate: one of ${Object.keys(SATISFACTION_WEIGHTS).join(', ')}`)
  if (action !== 'rate' && rating != null) throw new InvalidInputError('rating', 'goes only with rate')
  if (rating) request.rating = rating
  return request
}
