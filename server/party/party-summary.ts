// The 党建引领 board's figures for an area: its organisations and members, the grids with a branch,
// this year's projects by step, the closure and satisfaction rates, the newest projects.
import type { EpochMs } from '../contract/domain'
import type { PartyOrg, PartyOrgLevel, PartySummary, ProjectStage, ProjectStep } from '../contract/party'
import { PARTY_ORG_LEVELS, PROJECT_LOOP, PROJECT_STAGE_OF, SATISFACTION_WEIGHTS } from '../contract/party'
import { gridCodesUnder } from '../domain/area-scope'
import type { AreaTree } from '../domain/area-tree'
import { CST_OFFSET_MS } from '../domain/china-time'
import { projectSummary, type ProjectRecord } from './project-book'

const RECENT = 10
/** The three levels that hold members (the committees above them are made of these members). */
const MEMBER_LEVELS: ReadonlySet<PartyOrgLevel> = new Set(['gridGeneralBranch', 'estateBranch', 'buildingGroup'])

/** Is the organisation's area at or under `areaCode`? */
export function orgUnder(tree: AreaTree, org: PartyOrg, areaCode: string): boolean {
  return tree.pathTo(org.areaCode).includes(areaCode)
}

export function yearStart(now: EpochMs): EpochMs {
  return Date.UTC(new Date(now + CST_OFFSET_MS).getUTCFullYear(), 0, 1) - CST_OFFSET_MS
}

export function partySummary(input: { orgs: readonly PartyOrg[]; projects: Iterable<ProjectRecord>; tree: AreaTree; areaCode: string; now: EpochMs }): PartySummary {
  const { tree, areaCode, now } = input
  const grids = gridCodesUnder(tree, areaCode)
  const orgs = Object.fromEntries(PARTY_ORG_LEVELS.map((l) => [l, 0])) as Record<PartyOrgLevel, number>
  const members = { employed: 0, resident: 0, stationed: 0, total: 0 }
  let vanguardPosts = 0, doubleReported = 0
  const gridsWithOrg = new Set<string>()
  for (const org of input.orgs) {
    if (!orgUnder(tree, org, areaCode)) continue
    orgs[org.level]++
    vanguardPosts += org.vanguardPosts
    doubleReported += org.doubleReported
    if (grids.has(org.areaCode)) gridsWithOrg.add(org.areaCode)
    if (!MEMBER_LEVELS.has(org.level)) continue
    members.employed += org.members.employed
    members.resident += org.members.resident
    members.stationed += org.members.stationed
  }
  members.total = members.employed + members.resident + members.stationed

  const since = yearStart(now)
  const projectsByStep = Object.fromEntries(PROJECT_LOOP.map((s) => [s, 0])) as Record<ProjectStep, number>
  const projectsByStage: Record<ProjectStage, number> = { branchAssigns: 0, membersLead: 0, teamDelivers: 0, residentsRate: 0 }
  const closureRate = { numerator: 0, denominator: 0 }
  const satisfactionRate = { numerator: 0, denominator: 0 }
  const taken: ProjectRecord[] = []
  for (const p of input.projects) {
    if (p.createdAt < since || p.createdAt > now || !grids.has(p.gridCode)) continue
    taken.push(p)
    projectsByStep[p.step]++
    projectsByStage[PROJECT_STAGE_OF[p.step]]++
    const rated = p.step === 'rated'
    if (rated || now > p.deadlineAt) closureRate.denominator++
    if (rated) closureRate.numerator++
    if (rated && p.rating) {
      satisfactionRate.denominator++
      satisfactionRate.numerator += SATISFACTION_WEIGHTS[p.rating]
    }
  }
  satisfactionRate.numerator = Math.round(satisfactionRate.numerator * 100) / 100
  const recent = taken.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).slice(0, RECENT).map((p) => projectSummary(p, now))
  return {
    at: now, areaCode, orgs, members, vanguardPosts, doubleReported,
    gridsWithBranch: { numerator: gridsWithOrg.size, denominator: grids.size },
    projectsByStep, projectsByStage, closureRate, satisfactionRate, recent,
  }
}
