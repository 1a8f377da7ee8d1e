// What 党建引领 and the 12345 follow-ups keep for good: the organisations, the projects with their
// history, and each 12345 case's follow-up. Every method is one transaction. The SQLite implementation
// works on the wall store's own connection (store.party), its tables in the wall's migrations.
import { wholeMs } from '../store/rows'
import type Database from 'better-sqlite3'
import type { HotlineFollowUp } from '../contract/evaluation'
import type { PartyOrg, ProjectTransition } from '../contract/party'
import { StoreWriteError } from '../domain/store-write-error'
import {
  followUpFromRow, followUpValues, orgFromRow, orgValues, projectsFromRows, projectValues,
  type FollowUpRow, type OrgRow, type ProjectRow, type ProjectTransitionRow,
} from './party-rows'
import type { ProjectJournal, ProjectRecord } from './project-book'

export interface PartyStore extends ProjectJournal {
  loadOrgs(): PartyOrg[]
  /** Replaces every organisation (an import, or the demo's). */
  replaceOrgs(orgs: readonly PartyOrg[]): void
  loadProjects(): ProjectRecord[]
  loadFollowUps(): HotlineFollowUp[]
  saveFollowUp(followUp: HotlineFollowUp): void
}

export function createSqlitePartyStore(db: Database.Database): PartyStore {
  return new SqlitePartyStore(db)
}

class SqlitePartyStore implements PartyStore {
  private readonly upsertProject
  private readonly insertTransition
  private readonly upsertFollowUp

  constructor(private readonly db: Database.Database) {
    this.upsertProject = db.prepare(`INSERT INTO party_projects (id, title, description, origin, case_id, branch_code, branch_name, grid_code,
      lead_members, step, created_at, step_at, deadline_at, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET lead_members = excluded.lead_members, step = excluded.step, step_at = excluded.step_at, rating = excluded.rating`)
    this.insertTransition = db.prepare(`INSERT INTO party_project_transitions (project_id, seq, step, action, at, actor, note)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    this.upsertFollowUp = db.prepare(`INSERT INTO hotline_follow_ups (case_id, first_contact_at, resolved, satisfaction, updated_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (case_id) DO UPDATE SET first_contact_at = excluded.first_contact_at, resolved = excluded.resolved,
        satisfaction = excluded.satisfaction, updated_at = excluded.updated_at`)
  }

  loadOrgs(): PartyOrg[] {
    return (this.db.prepare('SELECT * FROM party_orgs ORDER BY ord').all() as OrgRow[]).map(orgFromRow)
  }

  replaceOrgs(orgs: readonly PartyOrg[]): void {
    const insert = this.db.prepare(`INSERT INTO party_orgs (code, name, level, parent_code, area_code, place, secretary, members_employed,
      members_resident, members_stationed, vanguard_posts, double_reported, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.write('the party organisations', () => {
      this.db.prepare('DELETE FROM party_orgs').run()
      orgs.forEach((o, i) => insert.run(...orgValues(o, i)))
    })
  }

  saveProject(record: ProjectRecord, transition: ProjectTransition): void {
    this.write(`project ${record.id}`, () => {
      this.upsertProject.run(...projectValues(record))
      this.insertTransition.run(transition.projectId, record.history.length - 1, transition.step, transition.action, wholeMs(transition.at), transition.actor, transition.note)
    })
  }

  lastProjectIdOfDay(day: string): string | null {
    // The longest, then the greatest: a day's 1000th project (XM…1000) sorts below its 999th as text.
    const row = this.db.prepare('SELECT id FROM party_projects WHERE id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 1').get(`XM${day}%`) as { id: string } | undefined
    return row?.id ?? null
  }

  loadProjects(): ProjectRecord[] {
    const transitions = this.db.prepare('SELECT * FROM party_project_transitions ORDER BY project_id, seq').all() as ProjectTransitionRow[]
    return projectsFromRows(this.db.prepare('SELECT * FROM party_projects ORDER BY created_at, id').all() as ProjectRow[], transitions)
  }

  loadFollowUps(): HotlineFollowUp[] {
    return (this.db.prepare('SELECT * FROM hotline_follow_ups').all() as FollowUpRow[]).map(followUpFromRow)
  }

  saveFollowUp(f: HotlineFollowUp): void {
    this.write(`the follow-up of case ${f.caseId}`, () => this.upsertFollowUp.run(...followUpValues(f)))
  }

  private write(what: string, work: () => void): void {
    try {
      this.db.transaction(work)()
    } catch (error) {
      throw new StoreWriteError(what, error)
    }
  }
}
