import { describe, expect, it } from 'vitest'
import type { CaseStep, CaseSummary } from '../../../server/contract/domain'
import { CASE_CATEGORIES } from '../../../server/domain/categories'
import { communityDisputes, DISPUTE_CODE_PREFIX, MEDIATION_BY_STEP } from '../../../client/community/disputes'

const dispute = (id: string, step: CaseStep, gridCode: string, reportedAt: number, categoryCode = 'E0701'): CaseSummary => ({
  id, categoryCode, source: 'inspector', gridCode, lng: 119.36, lat: 26.07, description: '', step, reportedAt, stepAt: reportedAt,
  dueAt: null, deadline: 'none', reworkCount: 0, reporterId: null, department: null,
})

describe('矛盾纠纷 and their mediation state', () => {
  it('finds every subclass of the catalogue\'s 矛盾纠纷 major class by its code prefix, and nothing else', () => {
    const disputes = CASE_CATEGORIES.filter((c) => c.code.startsWith(DISPUTE_CODE_PREFIX))
    expect(disputes.map((c) => c.name)).toEqual(['邻里纠纷', '物业纠纷', '家庭纠纷'])
    expect(new Set(disputes.map((c) => c.major))).toEqual(new Set(['矛盾纠纷']))
    expect(CASE_CATEGORIES.filter((c) => c.major === '矛盾纠纷')).toHaveLength(disputes.length)
  })

  it('reads the mediation state from the step: 调解中 once dispatched, 待回访 once handled', () => {
    expect(MEDIATION_BY_STEP.accepted).toBe('pending')
    expect(MEDIATION_BY_STEP.filed).toBe('registered')
    expect(MEDIATION_BY_STEP.dispatched).toBe('mediating')
    expect(MEDIATION_BY_STEP.handled).toBe('mediated')
    expect(MEDIATION_BY_STEP.closed).toBe('resolved')
  })

  it('keeps the community\'s disputes only, longest waiting first, counted by state', () => {
    const grids = new Set(['g1', 'g2'])
    const open = [
      dispute('a', 'dispatched', 'g1', 300), dispute('b', 'filed', 'g2', 100), dispute('c', 'dispatched', 'elsewhere', 50),
      dispute('d', 'handled', 'g1', 200, 'E0703'), dispute('e', 'dispatched', 'g1', 10, 'E0101'),
    ]
    const { cases, byState } = communityDisputes(open, grids)
    expect(cases.map((c) => c.id)).toEqual(['b', 'd', 'a'])
    expect(byState).toMatchObject({ pending: 0, registered: 1, mediating: 1, mediated: 1, resolved: 0 })
  })
})
