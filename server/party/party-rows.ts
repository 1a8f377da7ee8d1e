// Row ↔ object mapping for party organisations, 党员领办 projects and 12345 follow-ups, shared by the
// SQLite and the PostgreSQL stores (0/1 flags; JSON read and written as text).
import { wholeMs } from '../store/rows'
import type { HotlineFollowUp } from '../contract/evaluation'
import type { PartyOrg, PartyOrgLevel, ProjectAction, ProjectStep, ProjectTransition, SatisfactionLevel } from '../contract/party'
import type { ProjectRecord } from './project-book'

export interface OrgRow {
  code: string; name: string; level: PartyOrgLevel; parent_code: string | null; area_code: string; place: string | null; secretary: string
  members_employed: number; members_resident: number; members_stationed: number; vanguard_posts: number; double_reported: number
}

export interface ProjectRow {
  id: string; title: string; description: string; origin: 'case' | 'own'; case_id: string | null; branch_code: string; branch_name: string
  grid_code: string; lead_members: string; step: ProjectStep; created_at: number; step_at: number; deadline_at: number; rating: SatisfactionLevel | null
}

export interface ProjectTransitionRow { project_id: string; seq: number; step: ProjectStep; action: ProjectAction | 'assign'; at: number; actor: string; note: string | null }

export interface FollowUpRow { case_id: string; first_contact_at: number | null; resolved: number | null; satisfaction: SatisfactionLevel | null; updated_at: number }

export function orgFromRow(r: OrgRow): PartyOrg {
  return {
    code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, areaCode: r.area_code, place: r.place, secretary: r.secretary,
    members: { employed: r.members_employed, resident: r.members_resident, stationed: r.members_stationed },
    vanguardPosts: r.vanguard_posts, doubleReported: r.double_reported,
  }
}

/** An organisation's columns in table order, then its place in the import. */
export function orgValues(o: PartyOrg, ord: number): unknown[] {
  return [o.code, o.name, o.level, o.parentCode, o.areaCode, o.place, o.secretary, o.members.employed, o.members.resident,
    o.members.stationed, o.vanguardPosts, o.doubleReported, ord]
}

/** A project's columns in table order (lead members as JSON text). */
export function projectValues(r: ProjectRecord): unknown[] {
  return [r.id, r.title, r.description, r.origin, r.caseId, r.branchCode, r.branchName, r.gridCode, JSON.stringify(r.leadMembers),
    r.step, wholeMs(r.createdAt), wholeMs(r.stepAt), wholeMs(r.deadlineAt), r.rating]
}

/** Projects with their histories (transitions in project, seq order). */
export function projectsFromRows(rows: readonly ProjectRow[], transitions: readonly ProjectTransitionRow[]): ProjectRecord[] {
  const history = new Map<string, ProjectTransition[]>()
  for (const t of transitions) {
    const list = history.get(t.project_id) ?? []
    list.push({ projectId: t.project_id, step: t.step, action: t.action, at: t.at, actor: t.actor, note: t.note })
    history.set(t.project_id, list)
  }
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, origin: r.origin, caseId: r.case_id, branchCode: r.branch_code,
    branchName: r.branch_name, gridCode: r.grid_code, leadMembers: JSON.parse(r.lead_members) as string[], step: r.step,
    createdAt: r.created_at, stepAt: r.step_at, deadlineAt: r.deadline_at, rating: r.rating, history: history.get(r.id) ?? [],
  }))
}

export function followUpFromRow(r: FollowUpRow): HotlineFollowUp {
  return { caseId: r.case_id, firstContactAt: r.first_contact_at, resolved: r.resolved == null ? null : r.resolved === 1, satisfaction: r.satisfaction, updatedAt: r.updated_at }
}

/** A follow-up's columns in table order. */
export function followUpValues(f: HotlineFollowUp): unknown[] {
  return [f.caseId, wholeMs(f.firstContactAt), f.resolved == null ? null : f.resolved ? 1 : 0, f.satisfaction, wholeMs(f.updatedAt)]
}
