// 党建引领 in PostgreSQL, as the SQLite PartyStore keeps it (party/party-store.ts): the organisations
// (replaced whole, in import order), the 党员领办 projects with their history (a project's later
// changes touch its lead members, step and rating only) and each 12345 case's follow-up. Writes take
// the `Sql` of the caller's transaction; reads use any.
import type { HotlineFollowUp } from '../../contract/evaluation'
import type { PartyOrg, PartyOrgLevel, ProjectAction, ProjectStep, ProjectTransition, SatisfactionLevel } from '../../contract/party'
import type { ProjectRecord } from '../../party/project-book'
import type { Sql } from './pg-pool'

interface OrgRow {
  code: string; name: string; level: PartyOrgLevel; parent_code: string | null; area_code: string; place: string | null; secretary: string
  members_employed: number; members_resident: number; members_stationed: number; vanguard_posts: number; double_reported: number
}
interface ProjectRow {
  id: string; title: string; description: string; origin: 'case' | 'own'; case_id: string | null; branch_code: string; branch_name: string
  grid_code: string; lead_members: string[]; step: ProjectStep; created_at: number; step_at: number; deadline_at: number; rating: SatisfactionLevel | null
}
interface TransitionRow { project_id: string; seq: number; step: ProjectStep; action: ProjectAction | 'assign'; at: number; actor: string; note: string | null }
interface FollowUpRow { case_id: string; first_contact_at: number | null; resolved: number | null; satisfaction: SatisfactionLevel | null; updated_at: number }

export async function loadOrgs(sql: Sql): Promise<PartyOrg[]> {
  const { rows } = await sql.query<OrgRow>('SELECT * FROM party_orgs ORDER BY ord')
  return rows.map((r) => ({
    code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, areaCode: r.area_code, place: r.place, secretary: r.secretary,
    members: { employed: r.members_employed, resident: r.members_resident, stationed: r.members_stationed },
    vanguardPosts: r.vanguard_posts, doubleReported: r.double_reported,
  }))
}

/** Replaces every organisation (inside the caller's transaction), as arrays in one statement. */
export async function replaceOrgs(sql: Sql, orgs: readonly PartyOrg[]): Promise<void> {
  await sql.query('DELETE FROM party_orgs')
  if (orgs.length === 0) return
  const columns: unknown[][] = Array.from({ length: 13 }, () => [])
  orgs.forEach((o, i) => {
    [o.code, o.name, o.level, o.parentCode, o.areaCode, o.place, o.secretary, o.members.employed, o.members.resident,
      o.members.stationed, o.vanguardPosts, o.doubleReported, i].forEach((v, c) => columns[c].push(v))
  })
  await sql.query(`INSERT INTO party_orgs (code, name, level, parent_code, area_code, place, secretary, members_employed,
      members_resident, members_stationed, vanguard_posts, double_reported, ord)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
      $10::int[], $11::int[], $12::int[], $13::int[])`, columns)
}

/** Writes a project with the transition that changed it (inside the caller's transaction). */
export async function saveProject(sql: Sql, record: ProjectRecord, transition: ProjectTransition): Promise<void> {
  await sql.query(`INSERT INTO party_projects (id, title, description, origin, case_id, branch_code, branch_name, grid_code,
      lead_members, step, created_at, step_at, deadline_at, rating) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    ON CONFLICT (id) DO UPDATE SET lead_members = excluded.lead_members, step = excluded.step, step_at = excluded.step_at, rating = excluded.rating`,
  [record.id, record.title, record.description, record.origin, record.caseId, record.branchCode, record.branchName, record.gridCode,
    JSON.stringify(record.leadMembers), record.step, record.createdAt, record.stepAt, record.deadlineAt, record.rating])
  await sql.query(`INSERT INTO party_project_transitions (project_id, seq, step, action, at, actor, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [transition.projectId, record.history.length - 1, transition.step, transition.action, transition.at, transition.actor, transition.note])
}

/** The highest project id of a yyyyMMdd day (XM + day + number: the longest, then the greatest), or null. */
export async function lastProjectIdOfDay(sql: Sql, day: string): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM party_projects WHERE starts_with(id, $1)
    ORDER BY length(id) DESC, id COLLATE "C" DESC LIMIT 1`, [`XM${day}`])
  return rows[0]?.id ?? null
}

export async function loadProjects(sql: Sql): Promise<ProjectRecord[]> {
  const history = new Map<string, ProjectTransition[]>()
  const transitions = await sql.query<TransitionRow>('SELECT * FROM party_project_transitions ORDER BY project_id, seq')
  for (const t of transitions.rows) {
    const list = history.get(t.project_id) ?? []
    list.push({ projectId: t.project_id, step: t.step, action: t.action, at: t.at, actor: t.actor, note: t.note })
    history.set(t.project_id, list)
  }
  const { rows } = await sql.query<ProjectRow>('SELECT * FROM party_projects ORDER BY created_at, id COLLATE "C"')
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, origin: r.origin, caseId: r.case_id, branchCode: r.branch_code,
    branchName: r.branch_name, gridCode: r.grid_code, leadMembers: r.lead_members, step: r.step,
    createdAt: r.created_at, stepAt: r.step_at, deadlineAt: r.deadline_at, rating: r.rating, history: history.get(r.id) ?? [],
  }))
}

export async function loadFollowUps(sql: Sql): Promise<HotlineFollowUp[]> {
  const { rows } = await sql.query<FollowUpRow>('SELECT * FROM hotline_follow_ups')
  return rows.map((r) => ({
    caseId: r.case_id, firstContactAt: r.first_contact_at, resolved: r.resolved == null ? null : r.resolved === 1,
    satisfaction: r.satisfaction, updatedAt: r.updated_at,
  }))
}

export async function saveFollowUp(sql: Sql, f: HotlineFollowUp): Promise<void> {
  await sql.query(`INSERT INTO hotline_follow_ups (case_id, first_contact_at, resolved, satisfaction, updated_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (case_id) DO UPDATE SET first_contact_at = excluded.first_contact_at, resolved = excluded.resolved,
      satisfaction = excluded.satisfaction, updated_at = excluded.updated_at`,
  [f.caseId, f.firstContactAt, f.resolved == null ? null : f.resolved ? 1 : 0, f.satisfaction, f.updatedAt])
}
