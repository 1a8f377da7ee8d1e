import { describe, expect, it } from 'vitest'
import type { IndicatorValue, SubjectScore } from '../../../server/contract/evaluation'
import { gradeOf, rank, scoreOf } from '../../../server/evaluation/scoring'

const v = (id: IndicatorValue['id'], numerator: number, denominator: number): IndicatorValue =>
  ({ id, numerator, denominator, value: denominator === 0 ? null : numerator / denominator })

describe('score', () => {
  it('is the weighted mean of the indicators with cases, 返工率 as 1 − value', () => {
    // 按期处置率 15 × 0.8 + 返工率 10 × (1 − 0.25) + 有效上报率 (no cases: left out) → (12 + 7.5) / 25 = 78 %.
    expect(scoreOf([v('onTimeHandle', 4, 5), v('rework', 1, 4), v('validReport', 0, 0)])).toBe(78)
  })

  it('weighs all eleven indicators as indicators.ts does (weights 10 5 5 5 5 15 10 5 15 15 10)', () => {
    // 有效上报 10 × 9/10 = 9; 受理 5 × 1 = 5; 核实 5 × 1/2 = 2.5; 立案 5 × 1 = 5; 派遣 5 × 3/4 = 3.75;
    // 处置 15 × 4/5 = 12; 核查 10 × 1 = 10; 结案(按时) 5 × 0 = 0; 结案率 15 × 1 = 15; 按期结案 15 × 3/5 = 9;
    // 返工 10 × (1 − 1/5) = 8. Σ = 79.25 of 100 → 79.3 (C).
    const all = [v('validReport', 9, 10), v('onTimeAccept', 2, 2), v('onTimeVerify', 1, 2), v('onTimeFile', 4, 4), v('onTimeDispatch', 3, 4),
      v('onTimeHandle', 4, 5), v('onTimeCheck', 5, 5), v('onTimeClose', 0, 3), v('closure', 5, 5), v('onTimeClosure', 3, 5), v('rework', 1, 5)]
    expect(scoreOf(all)).toBe(79.3)
    expect(gradeOf(scoreOf(all))).toBe('C')
  })

  it('rounds to one decimal and is null without any case', () => {
    expect(scoreOf([v('onTimeDispatch', 2, 3)])).toBe(66.7)
    expect(scoreOf([v('onTimeDispatch', 0, 0)])).toBeNull()
  })
})

describe('grades at the thresholds (A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, E below)', () => {
  it.each([
    [100, 'A'], [90, 'A'], [89.9, 'B'], [80, 'B'], [79.9, 'C'], [70, 'C'], [69.9, 'D'], [60, 'D'], [59.9, 'E'], [0, 'E'],
  ] as const)('%s → %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade)
  })

  it('has no grade without a score', () => {
    expect(gradeOf(null)).toBeNull()
  })
})

describe('ranking', () => {
  const s = (id: string, score: number | null, caseCount = 1): SubjectScore =>
    ({ kind: 'grid', id, name: id, indicators: [], score, grade: gradeOf(score), rank: null, caseCount })

  it('orders best first, ranks from 1, unscored last; red list A/B from the top, black list D/E from the bottom', () => {
    const r = rank('grid', [s('a', 95), s('b', 55), s('c', 82), s('d', null), s('e', 65), s('f', 75), s('g', 91), s('h', 85)])
    expect(r.entries.map((e) => [e.id, e.rank])).toEqual([['a', 1], ['g', 2], ['h', 3], ['c', 4], ['f', 5], ['e', 6], ['b', 7], ['d', null]])
    expect(r.redList).toEqual(['a', 'g', 'h'])
    expect(r.blackList).toEqual(['b', 'e'])
  })

  it('breaks a tie by the number of cases behind the score', () => {
    const r = rank('grid', [s('few', 90, 2), s('many', 90, 30)])
    expect(r.entries.map((e) => e.id)).toEqual(['many', 'few'])
  })

  it('lists at most 3 on each list, the black list worst first; a C or an unscored subject is on neither', () => {
    // Scores 98 A, 93 A, 91 A, 90 A, 75 C, 61 D, 59 E, 40 E, 12 E, unscored.
    const r = rank('grid', [s('c1', 75), s('a1', 98), s('e3', 12), s('a4', 90), s('d1', 61), s('a2', 93), s('e1', 59), s('a3', 91), s('e2', 40), s('none', null)])
    expect(r.redList).toEqual(['a1', 'a2', 'a3'])        // the top three A/B; a4 (90, A) is fourth
    expect(r.blackList).toEqual(['e3', 'e2', 'e1'])      // the bottom three D/E, worst first; d1 (61) is fourth
    expect([...r.redList, ...r.blackList]).not.toContain('c1')
    expect([...r.redList, ...r.blackList]).not.toContain('none')
  })

  it('puts a D on the black list (D ≥ 60 is not a pass), and nobody there when all are C or better', () => {
    expect(rank('grid', [s('a', 85), s('b', 60)]).blackList).toEqual(['b'])
    expect(rank('grid', [s('a', 85), s('b', 70)]).blackList).toEqual([])
  })

  it('puts nobody on the red list when nobody reaches B', () => {
    expect(rank('grid', [s('a', 79), s('b', 50)]).redList).toEqual([])
  })
})
