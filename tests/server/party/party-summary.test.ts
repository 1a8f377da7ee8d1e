// The 党建引领 board's figures against a hand-sized set of organisations and projects: members counted
// once (the three lower levels), 一网格一支部 as n / d, and 办结率 / 群众满意率 worked out in the comments.
import { describe, expect, it } from 'vitest'
import type { PartyOrg, PartyOrgLevel, ProjectStep, SatisfactionLevel } from '../../../server/contract/party'
import { partySummary } from '../../../server/party/party-summary'
import type { ProjectRecord } from '../../../server/party/project-book'
import { smallTree } from '../evaluation/small-district'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = cst('2026-12-03T10:00:00')
const DAY = 86_400_000

const org = (code: string, level: PartyOrgLevel, areaCode: string, members: [number, number, number], vanguardPosts = 0, doubleReported = 0): PartyOrg => ({
  code, name: code, level, parentCode: null, areaCode, place: null, secretary: '书记',
  members: { employed: members[0], resident: members[1], stationed: members[2] }, vanguardPosts, doubleReported,
})

const ORGS = [
  org('S1-DGW', 'streetWorkCommittee', 'S1', [50, 50, 50]),     // committee: its members are the lower levels'; not counted
  org('C1-DDW', 'communityCommittee', 'C1', [20, 20, 20]),      // likewise
  org('G1-DZZ', 'gridGeneralBranch', 'G1', [6, 0, 2], 2, 4),
  org('G1-B01', 'estateBranch', 'G1', [3, 2, 1], 1, 6),
  org('G1-B01-G01', 'buildingGroup', 'G1', [0, 9, 0], 1, 2),
]

function project(id: string, step: ProjectStep, createdAt: number, deadlineAt: number, rating: SatisfactionLevel | null = null, gridCode = 'G1'): ProjectRecord {
  return {
    id, title: id, description: '', origin: 'own', caseId: null, branchCode: 'G1-B01', branchName: '支部', gridCode, leadMembers: [],
    step, createdAt, stepAt: createdAt, deadlineAt, rating, history: [],
  }
}

describe('the 党建引领 summary', () => {
  const projects = [
    project('p1', 'rated', cst('2026-03-01T09:00:00'), cst('2026-04-01T09:00:00'), 'satisfied'),
    project('p2', 'rated', cst('2026-05-01T09:00:00'), cst('2026-06-01T09:00:00'), 'basicallySatisfied'),
    project('p3', 'rated', cst('2026-07-01T09:00:00'), cst('2026-08-01T09:00:00'), 'neutral'),
    project('p4', 'delivered', cst('2026-09-01T09:00:00'), NOW - DAY),            // past its deadline, unrated: overdue
    project('p5', 'claimed', cst('2026-11-01T09:00:00'), NOW - 2 * DAY),          // overdue
    project('p6', 'assigned', cst('2026-12-01T09:00:00'), NOW + 10 * DAY),        // running, not yet due: not in 办结率
    project('p0', 'rated', cst('2025-11-01T09:00:00'), cst('2025-12-01T09:00:00'), 'dissatisfied'),   // last year: left out
    project('q1', 'rated', cst('2026-06-01T09:00:00'), cst('2026-07-01T09:00:00'), 'dissatisfied', 'G2'),  // another grid
  ]

  it('counts this year’s projects of the area by step and stage, with 办结率 and 群众满意率 worked by hand', () => {
    const s = partySummary({ orgs: ORGS, projects, tree: smallTree(), areaCode: 'C1', now: NOW })
    expect(s.projectsByStep).toEqual({ assigned: 1, claimed: 1, discussed: 0, decided: 0, delivered: 1, rated: 3 })
    expect(s.projectsByStage).toEqual({ branchAssigns: 1, membersLead: 1, teamDelivers: 1, residentsRate: 3 })
    // 办结率 = 已评议 / (已评议 + 逾期未评议) = 3 / (3 + 2): p6 runs and is not yet due.
    expect(s.closureRate).toEqual({ numerator: 3, denominator: 5 })
    // 群众满意率 = (满意 1 + 基本满意 0.8 + 一般 0.6) / 3 rated = 2.4 / 3 = 80 %.
    expect(s.satisfactionRate).toEqual({ numerator: 2.4, denominator: 3 })
    expect(s.recent.map((p) => p.id)).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1'])
    expect(s.recent.filter((p) => p.overdue).map((p) => p.id)).toEqual(['p5', 'p4'])
  })

  it('counts the members of the three lower levels once, and the grids with an organisation of all grids', () => {
    const s = partySummary({ orgs: ORGS, projects: [], tree: smallTree(), areaCode: 'D', now: NOW })
    expect(s.orgs).toEqual({ streetWorkCommittee: 1, communityCommittee: 1, gridGeneralBranch: 1, estateBranch: 1, buildingGroup: 1 })
    // 在职 6 + 3 + 0 = 9; 小区 0 + 2 + 9 = 11; 驻区 2 + 1 + 0 = 3; the committees' 150 and 60 not again.
    expect(s.members).toEqual({ employed: 9, resident: 11, stationed: 3, total: 23 })
    expect([s.vanguardPosts, s.doubleReported]).toEqual([4, 12])
    // G1 has organisations, G2 none: 1 of 2 grids.
    expect(s.gridsWithBranch).toEqual({ numerator: 1, denominator: 2 })
    expect(s.closureRate).toEqual({ numerator: 0, denominator: 0 })
  })
})
