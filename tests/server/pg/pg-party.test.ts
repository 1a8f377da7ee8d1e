// 党建引领 in a real PostgreSQL 15 + PostGIS, beside the SQLite PartyStore: the demo district's party
// organisations, 党员领办 projects moved through the loop by the real project book, and 12345
// follow-ups give the same answers; a day's 1000th project id follows its 999th.
import path from 'node:path'
import type pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProjectAction, ProjectTransition } from '../../../server/contract/party'
import { loadAreaFeatures } from '../../../server/areas/load-areas'
import { AreaTree } from '../../../server/domain/area-tree'
import { demoPartyOrgs } from '../../../server/party/demo-party'
import { ProjectBook, type ProjectRecord } from '../../../server/party/project-book'
import * as pgParty from '../../../server/store/pg/pg-party'
import type { WallStore } from '../../../server/store/wall-store'
import { pgBesideSqlite } from '../../helpers/pg-beside-sqlite'

const MIN = 60_000
const MONDAY = Date.parse('2026-11-30T09:00:00+08:00')
const tree = new AreaTree(loadAreaFeatures(path.resolve('server/demo-district/data/areas.geojson')))
const orgs = demoPartyOrgs(tree, new Map(), 7)

/** The project book's writes, copied as they were made. */
function projectWrites(): { record: ProjectRecord; transition: ProjectTransition }[] {
  const writes: { record: ProjectRecord; transition: ProjectTransition }[] = []
  const book = new ProjectBook({ saveProject: (record, transition) => { writes.push(structuredClone({ record, transition })) }, lastProjectIdOfDay: () => null })
  const branches = orgs.filter((o) => o.level === 'gridGeneralBranch')
  const loop: ProjectAction[] = ['claim', 'discuss', 'decide', 'deliver', 'rate']
  for (let i = 0; i < 12; i++) {
    const branch = branches[i % branches.length]
    const at = MONDAY + i * 30 * MIN + (i >= 8 ? 24 * 60 * MIN : 0)
    const p = book.create({
      title: `第${i}个领办项目`, description: '楼道堆物清理', caseId: i % 3 === 0 ? `2026113000${10 + i}` : null, branchCode: branch.code,
      branchName: branch.name, gridCode: branch.areaCode, deadlineAt: at + 7 * 24 * 60 * MIN, at, actor: '支部书记', note: i % 2 ? '居民说事会提出' : null,
    })
    loop.slice(0, i % 6).forEach((action, k) => book.act(p.id, action, {
      at: at + (k + 1) * 60 * MIN, actor: '党员', note: null,
      ...(action === 'claim' ? { leadMembers: ['林党员', '陈党员'] } : {}),
      ...(action === 'rate' ? { rating: i % 2 ? 'satisfied' as const : 'basicallySatisfied' as const } : {}),
    }))
  }
  return writes
}

const stores = pgBesideSqlite('pg-party')
let pool: pg.Pool
let sqlite: WallStore

beforeAll(async () => {
  ({ pool, sqlite } = stores.get())
})

describe('党建引领 in PostgreSQL, beside SQLite', () => {
  it('keeps the demo district\'s five-level chain in import order', async () => {
    expect(new Set(orgs.map((o) => o.level)).size).toBe(5)
    sqlite.party.replaceOrgs(orgs)
    await pgParty.replaceOrgs(pool, orgs)
    expect(await pgParty.loadOrgs(pool)).toEqual(sqlite.party.loadOrgs())
    expect(await pgParty.loadOrgs(pool)).toEqual(orgs)
    await pgParty.replaceOrgs(pool, orgs.slice(0, 3))
    expect(await pgParty.loadOrgs(pool)).toHaveLength(3)
  })

  it('keeps projects through the loop with their history, lead members and ratings', async () => {
    const writes = projectWrites()
    expect(new Set(writes.map((w) => w.transition.action))).toEqual(new Set(['assign', 'claim', 'discuss', 'decide', 'deliver', 'rate']))
    for (const { record, transition } of writes) {
      sqlite.party.saveProject(record, transition)
      await pgParty.saveProject(pool, record, transition)
    }
    const projects = await pgParty.loadProjects(pool)
    expect(projects).toEqual(sqlite.party.loadProjects())
    expect(projects.find((p) => p.rating === 'satisfied')?.leadMembers).toEqual(['林党员', '陈党员'])
    for (const day of ['20261130', '20261201', '20261202']) expect(await pgParty.lastProjectIdOfDay(pool, day)).toBe(sqlite.party.lastProjectIdOfDay(day))
  })

  it('finds a day\'s 1000th project id after its 999th, in both stores', async () => {
    const [first] = projectWrites()
    for (const id of ['XM20261203999', 'XM202612031000']) {
      const record = { ...first.record, id }
      const transition = { ...first.transition, projectId: id }
      sqlite.party.saveProject(record, transition)
      await pgParty.saveProject(pool, record, transition)
    }
    expect(await pgParty.lastProjectIdOfDay(pool, '20261203')).toBe('XM202612031000')
    expect(sqlite.party.lastProjectIdOfDay('20261203')).toBe('XM202612031000')
  })

  it('keeps each 12345 case\'s follow-up, the newest replacing the last', async () => {
    const followUps = [
      { caseId: '202611300011', firstContactAt: MONDAY + 20 * MIN, resolved: null, satisfaction: null, updatedAt: MONDAY + 20 * MIN },
      { caseId: '202611300012', firstContactAt: null, resolved: false, satisfaction: 'neutral' as const, updatedAt: MONDAY + 30 * MIN },
      { caseId: '202611300011', firstContactAt: MONDAY + 20 * MIN, resolved: true, satisfaction: 'satisfied' as const, updatedAt: MONDAY + 90 * MIN },
    ]
    for (const f of followUps) {
      sqlite.party.saveFollowUp(f)
      await pgParty.saveFollowUp(pool, f)
    }
    const byCase = <T extends { caseId: string }>(list: T[]) => [...list].sort((a, b) => a.caseId.localeCompare(b.caseId))
    expect(byCase(await pgParty.loadFollowUps(pool))).toEqual(byCase(sqlite.party.loadFollowUps()))
    expect(byCase(await pgParty.loadFollowUps(pool))[0]).toEqual(followUps[2])
  })
})
