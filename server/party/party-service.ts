// 党建引领's live state beside the district: the organisations (from the store, an import, or the
// demo's), the projects' book, and the 12345 follow-ups, each written to the store before memory.
import type { HotlineFollowUp } from '../contract/evaluation'
import type { PartyOrg } from '../contract/party'
import type { District } from '../domain/district'
import type { PartyStore } from './party-store'
import { ProjectBook } from './project-book'

export class PartyService {
  private orgList: PartyOrg[]
  private byCode: Map<string, PartyOrg>
  readonly projects: ProjectBook
  private readonly followUpMap: Map<string, HotlineFollowUp>

  constructor(readonly district: District, readonly store: PartyStore) {
    this.orgList = store.loadOrgs()
    this.byCode = new Map(this.orgList.map((o) => [o.code, o]))
    this.projects = new ProjectBook(store, store.loadProjects())
    this.followUpMap = new Map(store.loadFollowUps().map((f) => [f.caseId, f]))
  }

  orgs(): readonly PartyOrg[] {
    return this.orgList
  }

  org(code: string): PartyOrg | undefined {
    return this.byCode.get(code)
  }

  /** Replaces every organisation: stored first (one transaction), then in memory. */
  replaceOrgs(orgs: readonly PartyOrg[]): void {
    this.store.replaceOrgs(orgs)
    this.orgList = [...orgs]
    this.byCode = new Map(orgs.map((o) => [o.code, o]))
  }

  followUps(): ReadonlyMap<string, HotlineFollowUp> {
    return this.followUpMap
  }

  saveFollowUp(followUp: HotlineFollowUp): void {
    this.store.saveFollowUp(followUp)
    this.followUpMap.set(followUp.caseId, followUp)
  }
}
