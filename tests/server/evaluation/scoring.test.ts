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

  it('puts nobody on the red list when nobody reaches B', () => {
    expect(rank('grid', [s('a', 79), s('b', 50)]).redList).toEqual([])
  })
})
