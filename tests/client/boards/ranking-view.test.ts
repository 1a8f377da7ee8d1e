import { describe, expect, it } from 'vitest'
import type { EvaluationReport, IndicatorValue, Ranking, SubjectKind, SubjectScore } from '../../../server/contract/evaluation'
import { countedIndicators, findSubject, indicatorText, parseDrillKind, postSections, rankingRows, regionKindsBelow, regionSections } from '../../../client/boards/ranking-view'

const indicator = (id: IndicatorValue['id'], numerator: number, denominator: number): IndicatorValue =>
  ({ id, numerator, denominator, value: denominator > 0 ? numerator / denominator : null })

function subject(kind: SubjectKind, id: string, score: number | null, rank: number | null): SubjectScore {
  return { kind, id, name: `n-${id}`, indicators: [indicator('closure', 9, 10)], score, grade: score == null ? null : score >= 90 ? 'A' : 'E', rank, caseCount: 10 }
}

function ranking(kind: SubjectKind, entries: SubjectScore[], redList: string[] = [], blackList: string[] = []): Ranking {
  return { kind, entries, redList, blackList }
}

describe('ranking board rows', () => {
  it('ranks the level below the focus, and the next one while there is one', () => {
    expect(regionKindsBelow('district')).toEqual(['street', 'community'])
    expect(regionKindsBelow(undefined)).toEqual(['street', 'community'])
    expect(regionKindsBelow('street')).toEqual(['community', 'grid'])
    expect(regionKindsBelow('community')).toEqual(['grid'])
    expect(regionKindsBelow('grid')).toEqual(['grid'])
  })

  it('fills the region panel: the upper level whole, the lower one in the rows left', () => {
    const streets = ranking('street', [subject('street', 's1', 95, 1), subject('street', 's2', 60, 2)])
    const communities = ranking('community', Array.from({ length: 14 }, (_, i) => subject('community', `c${i}`, 90 - i, i + 1)))
    const report = { rankings: { street: streets, community: communities, grid: ranking('grid', []) } } as unknown as EvaluationReport
    const sections = regionSections(report, 'district', 10)
    expect(sections.map((s) => [s.kind, s.rows.length])).toEqual([['street', 2], ['community', 7]])
    expect(sections[1].rows[0].id).toBe('c0')
    // A community's grids: none scored yet leaves the panel empty rather than showing another level.
    expect(regionSections(report, 'community', 10)).toEqual([])
    expect(regionSections(null, 'district', 10)).toEqual([])
  })

  it('keeps the server order and marks its red and black lists', () => {
    const r = ranking('street', [subject('street', 'a', 95, 1), subject('street', 'b', 82, 2), subject('street', 'c', 41, 3), subject('street', 'd', null, null)], ['a'], ['c'])
    const rows = rankingRows(r)
    expect(rows.map((x) => [x.id, x.mark])).toEqual([['a', 'red'], ['b', null], ['c', 'black'], ['d', null]])
    expect(rankingRows(r, 2).map((x) => x.id)).toEqual(['a', 'b'])
    expect(rankingRows(undefined)).toEqual([])
  })

  it('lists the posts that have someone scored, in the standard order', () => {
    const empty = ranking('acceptor', [])
    const report = {
      rankings: {
        inspector: ranking('inspector', [subject('inspector', '1', 91, 1), subject('inspector', '2', 70, 2), subject('inspector', '3', 50, 3)]),
        acceptor: empty,
        dispatcher: ranking('dispatcher', [subject('dispatcher', 'x', 88, 1)]),
        handler: ranking('handler', [subject('handler', 'h', 77, 1)]),
      },
    } as unknown as EvaluationReport
    const sections = postSections(report, 2)
    expect(sections.map((s) => s.kind)).toEqual(['inspector', 'dispatcher', 'handler'])
    expect(sections[0].rows.map((r) => r.id)).toEqual(['1', '2'])
    expect(postSections(null, 3)).toEqual([])
  })

  it('shows only the indicators with a denominator', () => {
    expect(countedIndicators([indicator('closure', 9, 10), indicator('rework', 0, 0), indicator('onTimeFile', 0, 4)]).map((i) => i.id))
      .toEqual(['closure', 'onTimeFile'])
  })
})

describe('ranking board drill', () => {
  const report = {
    scopeCode: 'D', overall: { id: 'D', name: '全区', indicators: [], score: 88, grade: 'B', caseCount: 40 },
    rankings: { street: ranking('street', [subject('street', 's1', 92, 1)]), department: ranking('department', [subject('department', '市政', 75, 1)]) },
  } as unknown as EvaluationReport

  it('finds the subject a drill names, the scope itself for overall', () => {
    expect(findSubject(report, 'street', 's1')?.score).toBe(92)
    expect(findSubject(report, 'department', '市政')?.name).toBe('n-市政')
    expect(findSubject(report, 'overall', 'D')?.score).toBe(88)
    expect(findSubject(report, 'street', 'nope')).toBeNull()
    expect(findSubject(null, 'street', 's1')).toBeNull()
  })

  it('accepts only the kinds the server scores from the URL', () => {
    expect(parseDrillKind('grid')).toBe('grid')
    expect(parseDrillKind('overall')).toBe('overall')
    expect(parseDrillKind('handler')).toBe('handler')
    expect(parseDrillKind('building')).toBeNull()
    expect(parseDrillKind(['grid'])).toBeNull()
  })
})

describe('indicator names', () => {
  const defs = new Map([['rework', { id: 'rework', nameZh: '返工率', nameEn: 'Rework rate', formulaZh: '返工数 / 核查数', formulaEn: 'sent back / checked', higherIsBetter: false, weight: 10 }]] as const)
  it('speaks the wall\'s language, and falls back to the id before the definitions arrive', () => {
    expect(indicatorText(defs, 'rework', 'zh-CN')).toEqual({ name: '返工率', formula: '返工数 / 核查数', higherIsBetter: false })
    expect(indicatorText(defs, 'rework', 'en').name).toBe('Rework rate')
    expect(indicatorText(new Map(), 'closure', 'zh-CN')).toEqual({ name: 'closure', formula: '', higherIsBetter: true })
  })
})
