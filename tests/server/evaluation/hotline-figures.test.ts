import { describe, expect, it } from 'vitest'
import type { CaseAction, CaseSource } from '../../../server/contract/domain'
import type { HotlineFollowUp, SatisfactionLevel } from '../../../server/contract/evaluation'
import { CaseBook } from '../../../server/domain/case-book'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import { hotlineFigures } from '../../../server/evaluation/hotline-figures'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const MONDAY = cst('2026-11-30T09:00:00')
const MIN = 60_000
const LOOP: CaseAction[] = ['accept', 'file', 'dispatch', 'handle', 'verify', 'close']

interface Spec { source?: CaseSource; actions: CaseAction[]; contactAfter?: number; resolved?: boolean; satisfaction?: SatisfactionLevel; grid?: string }

function figures(specs: Spec[], now: number, grids: Set<string> | null = null) {
  const book = new CaseBook(DEFAULT_CALENDAR)
  const followUps = new Map<string, HotlineFollowUp>()
  for (const s of specs) {
    const r = book.report({ categoryCode: 'E0102', source: s.source ?? 'hotline', gridCode: s.grid ?? 'G1', lng: 0, lat: 0, description: '', reporterId: null, at: MONDAY, actor: '12345' })
    s.actions.forEach((a, i) => book.act(r.id, a, { at: MONDAY + (i + 1) * MIN, actor: 'x' }))
    followUps.set(r.id, {
      caseId: r.id, firstContactAt: s.contactAfter == null ? null : MONDAY + s.contactAfter * MIN,
      resolved: s.resolved ?? null, satisfaction: s.satisfaction ?? null, updatedAt: MONDAY,
    })
  }
  return hotlineFigures({ cases: book.all(), followUps, period: 'today', from: cst('2026-11-30T00:00:00'), to: now, areaCode: 'D', grids })
}

describe('12345 figures', () => {
  const cases: Spec[] = [
    { actions: LOOP, contactAfter: 30, resolved: true, satisfaction: 'satisfied' },            // 办结; contacted in time
    { actions: LOOP, contactAfter: 90, resolved: true, satisfaction: 'basicallySatisfied' },   // 办结; in time (≤ 120)
    { actions: LOOP, contactAfter: 150, resolved: false, satisfaction: 'neutral' },            // 办结; contacted late
    { actions: LOOP, contactAfter: 10, resolved: true, satisfaction: 'dissatisfied' },         // 办结
    { actions: LOOP, contactAfter: 10 },                                                       // 办结, not yet asked
    { actions: ['accept', 'file'], contactAfter: 20 },                                         // 在办
    { actions: ['accept'] },                                                                   // 在办, never contacted (past 120 at 12:00)
    { actions: ['accept', 'cancel'], contactAfter: 5 },                                        // cancelled: not 受理
    { source: 'inspector', actions: LOOP },                                                    // not 12345
  ]

  it('counts 受理 / 在办 / 办结 and the three rates with their numerators and denominators', () => {
    const f = figures(cases, cst('2026-11-30T12:00:00'))
    expect([f.received, f.inProgress, f.completed]).toEqual([7, 2, 5])
    // Contacted within 120 min: cases 1, 2, 4, 5, 6 → 5; of 7 (all contacted or past 120 min by 12:00).
    expect(f.firstContactRate).toEqual({ numerator: 5, denominator: 7 })
    // Asked whether solved: cases 1–4; solved: 1, 2, 4.
    expect(f.resolutionRate).toEqual({ numerator: 3, denominator: 4 })
    // 满意 1 + 基本满意 0.8 + 一般 0.6 + 不满意 0 = 2.4, over 4 rated.
    expect(f.satisfactionRate).toEqual({ numerator: 2.4, denominator: 4 })
    expect(f.satisfactionCounts).toEqual({ satisfied: 1, basicallySatisfied: 1, neutral: 1, dissatisfied: 1 })
    expect(f.recentCaseIds).toHaveLength(7)
  })

  it('does not count an uncontacted case against 先行联系率 while its 120 minutes run', () => {
    const f = figures([{ actions: ['accept'] }, { actions: ['accept'], contactAfter: 5 }], MONDAY + 60 * MIN)
    expect(f.firstContactRate).toEqual({ numerator: 1, denominator: 1 })
  })

  it('weighs 满意 1, 基本满意 0.8, 一般 0.6, 不满意 0 over the 办结 cases rated, the sum kept exact', () => {
    // 满意 2 × 1 + 基本满意 3 × 0.8 + 一般 1 × 0.6 + 不满意 1 × 0 = 2 + 2.4 + 0.6 = 5 over 7 rated → 71.4 %.
    // (Floating point adds 0.8 + 0.8 + 0.8 + 0.6 to 3.0000000000000004: the figure says 5, not 5.000…1.)
    const rated = (satisfaction: SatisfactionLevel): Spec => ({ actions: LOOP, contactAfter: 5, resolved: true, satisfaction })
    const f = figures([
      rated('satisfied'), rated('basicallySatisfied'), rated('basicallySatisfied'), rated('neutral'), rated('basicallySatisfied'),
      rated('dissatisfied'), rated('satisfied'),
      // An open case's early answer is not counted: 满意率 is of 办结 cases.
      { actions: ['accept', 'file'], contactAfter: 5, satisfaction: 'dissatisfied', resolved: false },
    ], MONDAY + 60 * MIN)
    expect(f.satisfactionRate).toEqual({ numerator: 5, denominator: 7 })
    expect(f.satisfactionCounts).toEqual({ satisfied: 2, basicallySatisfied: 3, neutral: 1, dissatisfied: 1 })
    expect(f.resolutionRate).toEqual({ numerator: 7, denominator: 7 })
    expect([f.received, f.inProgress, f.completed]).toEqual([8, 1, 7])
  })

  it('counts 先行联系 at exactly 120 minutes as in time, at 121 as late', () => {
    const f = figures([{ actions: ['accept'], contactAfter: 120 }, { actions: ['accept'], contactAfter: 121 }], MONDAY + 180 * MIN)
    expect(f.firstContactRate).toEqual({ numerator: 1, denominator: 2 })
  })

  it('leaves out 12345 cases reported before the period, and lists the newest first', () => {
    const book = new CaseBook(DEFAULT_CALENDAR)
    const at = [cst('2026-11-29T23:59:00'), MONDAY, MONDAY + 30 * MIN]
    const ids = at.map((t) => book.report({ categoryCode: 'E0102', source: 'hotline', gridCode: 'G1', lng: 0, lat: 0, description: '', reporterId: null, at: t, actor: '12345' }).id)
    const f = hotlineFigures({ cases: book.all(), followUps: new Map(), period: 'today', from: cst('2026-11-30T00:00:00'), to: MONDAY + 60 * MIN, areaCode: 'D', grids: null })
    expect(f.received).toBe(2)
    expect(f.recentCaseIds).toEqual([ids[2], ids[1]])
    // Neither was called back, and at 10:00 neither has been waiting 120 minutes: 先行联系率 judges none yet.
    expect(f.firstContactRate).toEqual({ numerator: 0, denominator: 0 })
  })

  it('keeps to the area’s grids', () => {
    const f = figures([{ actions: LOOP, grid: 'G1' }, { actions: LOOP, grid: 'G2' }], MONDAY + 60 * MIN, new Set(['G2']))
    expect(f.received).toBe(1)
  })
})
