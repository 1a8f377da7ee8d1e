import { describe, expect, it } from 'vitest'
import { applyGridLoadChanges, gridLoadChanges } from '../../../server/contract/grid-load-changes'

describe('grid load changes', () => {
  const before = { a: { open: 2, overdue: 0 }, b: { open: 1, overdue: 1 }, c: { open: 5, overdue: 2 } }
  const after = { a: { open: 2, overdue: 0 }, b: { open: 3, overdue: 1 }, d: { open: 1, overdue: 0 } }

  it('sends only the grids that changed, zeros for the ones that emptied', () => {
    expect(gridLoadChanges(before, after)).toEqual({ b: { open: 3, overdue: 1 }, c: { open: 0, overdue: 0 }, d: { open: 1, overdue: 0 } })
    expect(gridLoadChanges(after, after)).toEqual({})
  })

  it('rebuilds the new state from the old one and the changes, without the empty grids', () => {
    expect(applyGridLoadChanges(before, gridLoadChanges(before, after))).toEqual(after)
  })

  it('lets a wall that joined from a later snapshot merge the same changes to the same state', () => {
    // The wall's snapshot was taken after b changed but before the message that carries it.
    const snapshotTaken = { ...before, b: { open: 3, overdue: 1 } }
    expect(applyGridLoadChanges(snapshotTaken, gridLoadChanges(before, after))).toEqual(after)
  })
})
