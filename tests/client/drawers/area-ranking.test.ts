import { describe, expect, it } from 'vitest'
import type { AreaInfo } from '../../../server/contract/domain'
import { rankChildren } from '../../../client/drawers/area-ranking'

const area = (code: string): AreaInfo => ({ code, name: code, level: 'community', parentCode: 's', center: [0, 0], bbox: [0, 0, 0, 0] })

describe('ranking sub-areas', () => {
  it('sums the grid loads under each child and puts overdue first', () => {
    const grids: Record<string, string[]> = { a: ['a1', 'a2'], b: ['b1'], c: ['c1'] }
    const ranked = rankChildren([area('a'), area('b'), area('c')], (code) => new Set(grids[code]), {
      a1: { open: 3, overdue: 0 }, a2: { open: 4, overdue: 0 }, b1: { open: 2, overdue: 1 },
    })
    expect(ranked.map((r) => [r.code, r.open, r.overdue])).toEqual([['b', 2, 1], ['a', 7, 0], ['c', 0, 0]])
  })
})
