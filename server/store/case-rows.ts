// Row ↔ object mapping for cases and their transitions.
import { wholeMs } from './rows'
import type { CaseHistoryAction, CaseSource, CaseStep, CaseTransition, DeadlineState } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'
import type { ReporterContact } from '../domain/reporter-contact'
import type { StoredCaseUpdate } from './wall-store'

export interface CaseRow {
  id: string
  category_code: string
  source: CaseSource
  grid_code: string
  /** 0, 0 with located = 0 for a case not placed yet (the columns are NOT NULL; the domain sees null). */
  lng: number
  lat: number
  located: 0 | 1
  description: string
  media_url: string | null
  /** JSON array of every photo; null for none. */
  media_urls: string | null
  /** JSON object of the Open311 attributes; null for none. */
  attributes: string | null
  address: string | null
  step: CaseStep
  reported_at: number
  step_at: number
  due_at: number | null
  step_limit_minutes: number | null
  deadline: DeadlineState
  rework_count: number
  reporter_id: number | null
  department: string | null
  furthest: number
  handle_due_at: number | null
  handled_at: number | null
  closed_at: number | null
}

export interface TransitionRow {
  case_id: string
  seq: number
  step: CaseStep
  action: CaseHistoryAction
  at: number
  actor: string
  note: string | null
  media_url: string | null
}

export function caseParams(r: CaseRecord): CaseRow {
  return {
    id: r.id, category_code: r.categoryCode, source: r.source, grid_code: r.gridCode,
    lng: r.lng ?? 0, lat: r.lat ?? 0, located: r.lng != null && r.lat != null ? 1 : 0,
    description: r.description, media_url: r.mediaUrl, media_urls: r.mediaUrls.length > 0 ? JSON.stringify(r.mediaUrls) : null,
    attributes: r.attributes ? JSON.stringify(r.attributes) : null, address: r.address, step: r.step, reported_at: wholeMs(r.reportedAt), step_at: wholeMs(r.stepAt),
    due_at: wholeMs(r.dueAt), step_limit_minutes: r.stepLimitMinutes, deadline: r.deadline, rework_count: r.reworkCount,
    reporter_id: r.reporterId, department: r.department, furthest: r.furthest, handle_due_at: wholeMs(r.handleDueAt),
    handled_at: wholeMs(r.handledAt), closed_at: wholeMs(r.closedAt),
  }
}

export function caseFromRow(r: CaseRow, transitions: TransitionRow[]): CaseRecord {
  const history: CaseTransition[] = transitions.map((t) => ({
    caseId: t.case_id, step: t.step, action: t.action, at: t.at, actor: t.actor, note: t.note, ...(t.media_url ? { mediaUrl: t.media_url } : {}),
  }))
  return {
    id: r.id, categoryCode: r.category_code, source: r.source, gridCode: r.grid_code,
    lng: r.located ? r.lng : null, lat: r.located ? r.lat : null,
    description: r.description, mediaUrl: r.media_url, step: r.step, reportedAt: r.reported_at, stepAt: r.step_at,
    mediaUrls: r.media_urls ? JSON.parse(r.media_urls) as string[] : [],
    attributes: r.attributes ? JSON.parse(r.attributes) as Record<string, string | string[]> : null, address: r.address,
    dueAt: r.due_at, stepLimitMinutes: r.step_limit_minutes, deadline: r.deadline, reworkCount: r.rework_count,
    reporterId: r.reporter_id, department: r.department, furthest: r.furthest, handleDueAt: r.handle_due_at,
    handledAt: r.handled_at, closedAt: r.closed_at, history,
  }
}

export interface ReporterRow {
  case_id: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  email: string | null
  account_id: string | null
  device_id: string | null
  legacy_text: string | null
}

export function reporterFromRow(r: ReporterRow): ReporterContact & { legacyText: string | null } {
  return {
    firstName: r.first_name, lastName: r.last_name, phone: r.phone, email: r.email,
    accountId: r.account_id, deviceId: r.device_id, legacyText: r.legacy_text,
  }
}

/** Transitions (in case, seq order) grouped by case. */
export function transitionsByCase(rows: readonly TransitionRow[]): Map<string, TransitionRow[]> {
  const byCase = new Map<string, TransitionRow[]>()
  for (const t of rows) {
    const lines = byCase.get(t.case_id)
    if (lines) lines.push(t)
    else byCase.set(t.case_id, [t])
  }
  return byCase
}

/** A line of a case's history with the case's department (Open311 servicerequestupdates). */
export function caseUpdateFromRow(t: TransitionRow & { department: string | null }): StoredCaseUpdate {
  return { caseId: t.case_id, seq: t.seq, step: t.step, action: t.action, at: t.at, actor: t.actor, note: t.note, mediaUrl: t.media_url, department: t.department }
}
