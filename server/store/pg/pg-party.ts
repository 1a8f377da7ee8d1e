// 党建引领 in PostgreSQL, as the SQLite PartyStore keeps it (party/party-store.ts): the organisations
// (replaced whole, in import order), the 党员领办 projects with their history (a project's later
// changes touch its lead members, step and rating only) and each 12345 case's follow-up. Writes take
// the `Sql` of the caller's transaction; reads use any.
import { wholeMs } from '../rows'
import type { HotlineFollowUp } from '../../contract/evaluation'
import type { PartyOrg, ProjectTransition } from '../../contract/party'
import {
  followUpFromRow, followUpValues, orgFromRow, orgValues, projectsFromRows, projectValues,
  type FollowUpRow, type OrgRow, type ProjectRow, type ProjectTransitionRow,
} from '../../party/party-rows'
import type { ProjectRecord } from '../../party/project-book'
import { toColumns } from './pg-columns'
import type { Sql } from './pg-pool'

export async function loadOrgs(sql: Sql): Promise<PartyOrg[]> {
  const { rows } = await sql.query<OrgRow>('SELECT * FROM party_orgs ORDER BY ord')
  return rows.map(orgFromRow)
}

/** Replaces every organisation (inside the caller's transaction), as arrays in one statement. */
export async function replaceOrgs(sql: Sql, orgs: readonly PartyOrg[]): Promise<void> {
  await sql.query('DELETE FROM party_orgs')
  if (orgs.length === 0) return
  await sql.query(`INSERT INTO party_orgs (code, name, level, parent_code, area_code, place, secretary, members_employed,
      members_resident, members_stationed, vanguard_posts, double_reported, ord)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
      $10::int[], $11::int[], $12::int[], $13::int[])`, toColumns(orgs.map(orgValues), 13))
}

/** Writes a project with the transition that changed it (inside the caller's transaction). */
export async function saveProject(sql: Sql, record: ProjectRecord, transition: ProjectTransition): Promise<void> {
  await sql.query(`INSERT INTO party_projects (id, title, description, origin, case_id, branch_code, branch_name, grid_code,
      lead_members, step, created_at, step_at, deadline_at, rating) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    ON CONFLICT (id) DO UPDATE SET lead_members = excluded.lead_members, step = excluded.step, step_at = excluded.step_at, rating = excluded.rating`,
  projectValues(record))
  await sql.query(`INSERT INTO party_project_transitions (project_id, seq, step, action, at, actor, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [transition.projectId, record.history.length - 1, transition.step, transition.action, wholeMs(transition.at), transition.actor, transition.note])
}

/** The highest project id of a yyyyMMdd day (XM + day + number: the longest, then the greatest), or null. */
export async function lastProjectIdOfDay(sql: Sql, day: string): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM party_projects WHERE starts_with(id, $1)
    ORDER BY length(id) DESC, id COLLATE "C" DESC LIMIT 1`, [`XM${day}`])
  return rows[0]?.id ?? null
}

export async function loadProjects(sql: Sql): Promise<ProjectRecord[]> {
  const transitions = await sql.query<ProjectTransitionRow>('SELECT * FROM party_project_transitions ORDER BY project_id, seq')
  const { rows } = await sql.query<ProjectRow>(`SELECT id, title, description, origin, case_id, branch_code, branch_name, grid_code,
    lead_members::text AS lead_members, step, created_at, step_at, deadline_at, rating FROM party_projects ORDER BY created_at, id COLLATE "C"`)
  return projectsFromRows(rows, transitions.rows)
}

export async function loadFollowUps(sql: Sql): Promise<HotlineFollowUp[]> {
  const { rows } = await sql.query<FollowUpRow>('SELECT * FROM hotline_follow_ups')
  return rows.map(followUpFromRow)
}

export async function saveFollowUp(sql: Sql, f: HotlineFollowUp): Promise<void> {
  await sql.query(`INSERT INTO hotline_follow_ups (case_id, first_contact_at, resolved, satisfaction, updated_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (case_id) DO UPDATE SET first_contact_at = excluded.first_contact_at, resolved = excluded.resolved,
      satisfaction = excluded.satisfaction, updated_at = excluded.updated_at`,
  followUpValues(f))
}
