// What 党建引领 and the 12345 follow-ups keep for good: the organisations, the projects with their
// history, and each 12345 case's follow-up. Every method is one transaction. The SQLite implementation
// works on the wall store's own connection (store.party), its tables in the wall's migrations.
import type Database from 'better-sqlite3'
import type { HotlineFollowUp } from '../contract/evaluation'
import type { PartyOrg, PartyOrgLevel, ProjectAction, ProjectStep, ProjectTransition, SatisfactionLevel } from '../contract/party'
import { StoreWriteError } from '../domain/store-write-error'
import type { ProjectJournal, ProjectRecord } from './project-book'

export interface PartyStore extends ProjectJournal {
  loadOrgs(): PartyOrg[]
  /** Replaces every organisation (an import, or the demo's). */
  replaceOrgs(orgs: readonly PartyOrg[]): void
  loadProjects(): ProjectRecord[]
  loadFollowUps(): HotlineFollowUp[]
  saveFollowUp(followUp: HotlineFollowUp): void
}

interface OrgRow {
  code: string; name: string; level: PartyOrgLevel; parent_code: string | null; area_code: string; place: string | null; secretary: string
  members_employed: number; members_resident: number; members_stationed: number; vanguard_posts: number; double_reported: number
}

interface ProjectRow {
  id: string; title: string; description: string; origin: 'case' | 'own'; case_id: string | null; branch_code: string; branch_name: string
  grid_code: string; lead_members: string; step: ProjectStep; created_at: number; step_at: number; deadline_at: number; rating: SatisfactionLevel | null
}

interface TransitionRow { project_id: string; seq: number; step: ProjectStep; action: ProjectAction | 'assign'; at: number; actor: string; note: string | null }

interface FollowUpRow { case_id: string; first_contact_at: number | null; resolved: number | null; satisfaction: SatisfactionLevel | null; updated_at: number }

export function createSqlitePartyStore(db: Database.Database): PartyStore {
  return new SqlitePartyStore(db)
}

class SqlitePartyStore implements PartyStore {
  private readonly upsertProject
  private readonly insertTransition
  private readonly upsertFollowUp

  constructor(private readonly db: Database.Database) {
    this.upsertProject = db.prepare(`INSERT INTO party_projects (id, title, description, origin, case_id, branch_code, branch_name, grid_code,
      lead_members, step, created_at, step_at, deadline_at, rating) VALUES (@id, @title, @description, @origin, @case_id, @branch_code, @branch_name,
      @grid_code, @lead_members, @step, @created_at, @step_at, @deadline_at, @rating)
      ON CONFLICT (id) DO UPDATE SET lead_members = excluded.lead_members, step = excluded.step, step_at = excluded.step_at, rating = excluded.rating`)
    this.insertTransition = db.prepare(`INSERT INTO party_project_transitions (project_id, seq, step, action, at, actor, note)
      VALUES (@project_id, @seq, @step, @action, @at, @actor, @note)`)
    this.upsertFollowUp = db.prepare(`INSERT INTO hotline_follow_ups (case_id, first_contact_at, resolved, satisfaction, updated_at)
      VALUES (@case_id, @first_contact_at, @resolved, @satisfaction, @updated_at)
      ON CONFLICT (case_id) DO UPDATE SET first_contact_at = excluded.first_contact_at, resolved = excluded.resolved,
        satisfaction = excluded.satisfaction, updated_at = excluded.updated_at`)
  }

  loadOrgs(): PartyOrg[] {
    return (this.db.prepare('SELECT * FROM party_orgs ORDER BY ord').all() as OrgRow[]).map((r) => ({
      code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, areaCode: r.area_code, place: r.place, secretary: r.secretary,
      members: { employed: r.members_employed, resident: r.members_resident, stationed: r.members_stationed },
      vanguardPosts: r.vanguard_posts, doubleReported: r.double_reported,
    }))
  }

  replaceOrgs(orgs: readonly PartyOrg[]): void {
    const insert = this.db.prepare(`INSERT INTO party_orgs (code, name, level, parent_code, area_code, place, secretary, members_employed,
      members_resident, members_stationed, vanguard_posts, double_reported, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.write('the party organisations', () => {
      this.db.prepare('DELETE FROM party_orgs').run()
      orgs.forEach((o, i) => insert.run(o.code, o.name, o.level, o.parentCode, o.areaCode, o.place, o.secretary,
        o.members.employed, o.members.resident, o.members.stationed, o.vanguardPosts, o.doubleReported, i))
    })
  }

  saveProject(record: ProjectRecord, transition: ProjectTransition): void {
    this.write(`project ${record.id}`, () => {
      this.upsertProject.run({
        id: record.id, title: record.title, description: record.description, origin: record.origin, case_id: record.caseId,
        branch_code: record.branchCode, branch_name: record.branchName, grid_code: record.gridCode, lead_members: JSON.stringify(record.leadMembers),
        step: record.step, created_at: record.createdAt, step_at: record.stepAt, deadline_at: record.deadlineAt, rating: record.rating,
      })
      this.insertTransition.run({ ...transition, project_id: transition.projectId, seq: record.history.length - 1 })
    })
  }

  lastProjectIdOfDay(day: string): string | null {
    // The longest, then the greatest: a day's 1000th project (XM…1000) sorts below its 999th as text.
    const row = this.db.prepare('SELECT id FROM party_projects WHERE id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 1').get(`XM${day}%`) as { id: string } | undefined
    return row?.id ?? null
  }

  loadProjects(): ProjectRecord[] {
    const history = new Map<string, ProjectTransition[]>()
    for (const t of this.db.prepare('SELECT * FROM party_project_transitions ORDER BY project_id, seq').all() as TransitionRow[]) {
      const list = history.get(t.project_id) ?? []
      list.push({ projectId: t.project_id, step: t.step, action: t.action, at: t.at, actor: t.actor, note: t.note })
      history.set(t.project_id, list)
    }
    return (this.db.prepare('SELECT * FROM party_projects ORDER BY created_at, id').all() as ProjectRow[]).map((r) => ({
      id: r.id, title: r.title, description: r.description, origin: r.origin, caseId: r.case_id, branchCode: r.branch_code,
      branchName: r.branch_name, gridCode: r.grid_code, leadMembers: JSON.parse(r.lead_members) as string[], step: r.step,
      createdAt: r.created_at, stepAt: r.step_at, deadlineAt: r.deadline_at, rating: r.rating, history: history.get(r.id) ?? [],
    }))
  }

  loadFollowUps(): HotlineFollowUp[] {
    return (this.db.prepare('SELECT * FROM hotline_follow_ups').all() as FollowUpRow[]).map((r) => ({
      caseId: r.case_id, firstContactAt: r.first_contact_at, resolved: r.resolved == null ? null : r.resolved === 1,
      satisfaction: r.satisfaction, updatedAt: r.updated_at,
    }))
  }

  saveFollowUp(f: HotlineFollowUp): void {
    this.write(`the follow-up of case ${f.caseId}`, () => this.upsertFollowUp.run({
      case_id: f.caseId, first_contact_at: f.firstContactAt, resolved: f.resolved == null ? null : f.resolved ? 1 : 0,
      satisfaction: f.satisfaction, updated_at: f.updatedAt,
    }))
  }

  private write(what: string, work: () => void): void {
    try {
      this.db.transaction(work)()
    } catch (error) {
      throw new StoreWriteError(what, error)
    }
  }
}
