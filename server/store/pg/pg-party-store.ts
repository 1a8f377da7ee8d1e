// The PartyStore over PostgreSQL for the leader: the organisations, projects and follow-ups are read
// once at open and kept in memory (the party service reads them synchronously, as from SQLite);
// every write goes to the leader's write queue, committed before any answer leaves (answer-after-commit).
import type { HotlineFollowUp } from '../../contract/evaluation'
import type { PartyOrg } from '../../contract/party'
import type { PartyStore } from '../../party/party-store'
import type { ProjectRecord } from '../../party/project-book'
import { LastIdOfDay } from './last-id-of-day'
import * as party from './pg-party'
import type { Sql } from './pg-pool'
import type { WriteQueue } from './pg-write-queue'

/** XM + yyyyMMdd. */
const PROJECT_DAY_PREFIX = 10

export async function openPgPartyStore(sql: Sql, queue: WriteQueue): Promise<PartyStore> {
  let orgs = await party.loadOrgs(sql)
  const projects = new Map((await party.loadProjects(sql)).map((p) => [p.id, structuredClone(p)]))
  const followUps = new Map((await party.loadFollowUps(sql)).map((f) => [f.caseId, f]))
  const lastIds = new LastIdOfDay(PROJECT_DAY_PREFIX)
  await lastIds.load(sql, 'party_projects')

  return {
    loadOrgs: () => orgs.map((o) => ({ ...o })),
    replaceOrgs(next: readonly PartyOrg[]) {
      const copy = structuredClone([...next])
      queue.append((tx) => party.replaceOrgs(tx, copy))
      orgs = copy
    },
    loadProjects: () => [...projects.values()].map((p) => structuredClone(p)),
    saveProject(record: ProjectRecord, transition) {
      // A copy: the book goes on changing its record after this returns, the queue commits later.
      const copy = structuredClone(record)
      const line = { ...transition }
      queue.append((tx) => party.saveProject(tx, copy, line))
      projects.set(copy.id, copy)
      lastIds.note(copy.id)
    },
    lastProjectIdOfDay: (day: string) => lastIds.last(`XM${day}`),
    loadFollowUps: () => [...followUps.values()].map((f) => ({ ...f })),
    saveFollowUp(followUp: HotlineFollowUp) {
      const copy = { ...followUp }
      queue.append((tx) => party.saveFollowUp(tx, copy))
      followUps.set(copy.caseId, copy)
    },
  }
}
