import { describe, expect, it } from 'vitest'
import { breakLabels, loadBreaks } from '../../../client/map/grid-load-scale'

describe('grid load classes', () => {
  it('splits the grids into quartiles of open cases, counting grids without cases as zero', () => {
    const load = Object.fromEntries([2, 4, 6, 8, 10, 12].map((open, i) => [`g${i}`, { open, overdue: 0 }]))
    expect(loadBreaks(load, 8)).toEqual([2, 6, 10])
    expect(breakLabels([2, 6, 10])).toEqual(['0–1', '2–5', '6–9', '≥10'])
  })

  it('keeps the breaks strictly ascending when the district is quiet', () => {
    expect(loadBreaks({}, 10)).toEqual([1, 2, 3])
    expect(breakLabels([1, 2, 3])).toEqual(['0', '1', '2', '≥3'])
  })
})
