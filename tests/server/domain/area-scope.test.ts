import { describe, expect, it } from 'vitest'
import type { AreaLevel } from '../../../server/contract/domain'
import { gridCodesUnder } from '../../../server/domain/area-scope'
import { AreaTree, type AreaFeature } from '../../../server/domain/area-tree'
import { byUrgency, remainingWorkMinutes } from '../../../server/domain/remaining-work'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'

function square(code: string, level: AreaLevel, parentCode: string | null, x: number, size: number): AreaFeature {
  const ring = [[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]
  return { type: 'Feature', properties: { code, name: code, level, parentCode }, geometry: { type: 'Polygon', coordinates: [ring] } }
}

const tree = new AreaTree([
  square('d', 'district', null, 0, 4),
  square('s1', 'street', 'd', 0, 2), square('s2', 'street', 'd', 2, 2),
  square('c1', 'community', 's1', 0, 1), square('c2', 'community', 's2', 2, 1),
  square('g1', 'grid', 'c1', 0, 0.5), square('g2', 'grid', 'c1', 0.5, 0.5), square('g3', 'grid', 'c2', 2, 0.5),
])

describe('the grids under an area', () => {
  it('is the grid itself for a grid, every grid below for a community, street or district', () => {
    expect([...gridCodesUnder(tree, 'g2')]).toEqual(['g2'])
    expect([...gridCodesUnder(tree, 'c1')].sort()).toEqual(['g1', 'g2'])
    expect([...gridCodesUnder(tree, 's2')]).toEqual(['g3'])
    expect([...gridCodesUnder(tree, 'd')].sort()).toEqual(['g1', 'g2', 'g3'])
    expect(gridCodesUnder(tree, 'nowhere').size).toBe(0)
  })

  it('is cached per tree', () => {
    expect(gridCodesUnder(tree, 'd')).toBe(gridCodesUnder(tree, 'd'))
  })
})

describe('working time left on a case', () => {
  const monday10 = Date.parse('2026-11-30T10:00:00+08:00')
  const min = 60_000

  it('counts whole working minutes left, and negative working minutes once overdue', () => {
    expect(remainingWorkMinutes(DEFAULT_CALENDAR, monday10 + 30 * min, monday10)).toBe(30)
    expect(remainingWorkMinutes(DEFAULT_CALENDAR, monday10 - 45 * min, monday10)).toBe(-45)
    // Due at 11:30, now 15:00: 30 minutes to 12:00, lunch, 60 minutes after 14:00.
    expect(remainingWorkMinutes(DEFAULT_CALENDAR, monday10 + 90 * min, monday10 + 300 * min)).toBe(-90)
    expect(remainingWorkMinutes(DEFAULT_CALENDAR, null, monday10)).toBeNull()
  })

  it('is negative when overdue even with no working time gone by (due 17:30, now 18:00)', () => {
    const due = Date.parse('2026-11-30T17:30:00+08:00')
    expect(remainingWorkMinutes(DEFAULT_CALENDAR, due, due + 30 * min)).toBe(-1)
  })

  it('orders overdue cases first, then by due time, cases without a deadline last', () => {
    const cases = [{ dueAt: monday10 + 60 * min }, { dueAt: null }, { dueAt: monday10 - 5 * min }, { dueAt: monday10 + 10 * min }, { dueAt: monday10 - 50 * min }]
    expect(cases.sort(byUrgency(monday10)).map((c) => c.dueAt)).toEqual([monday10 - 50 * min, monday10 - 5 * min, monday10 + 10 * min, monday10 + 60 * min, null])
  })
})
