import { describe, expect, it } from 'vitest'
import { findCategory } from '../../../server/domain/categories'
import { deadlineState, stepDeadline } from '../../../server/domain/case-deadlines'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const roadDirt = findCategory('E0102')! // 道路不洁, 5 working hours

describe('case deadlines', () => {
  const dispatched = stepDeadline('dispatched', roadDirt, cst('2026-11-30T09:00:00'), DEFAULT_CALENDAR)

  it('is on time early, due soon in the last quarter, overdue after', () => {
    // 09:00–12:00 is 3 h, the lunch break does not count, 14:00 + 2 h.
    expect(dispatched.dueAt).toBe(cst('2026-11-30T16:00:00'))
    expect(deadlineState(dispatched, cst('2026-11-30T10:00:00'), DEFAULT_CALENDAR)).toBe('ontime')
    expect(deadlineState(dispatched, cst('2026-11-30T15:00:00'), DEFAULT_CALENDAR)).toBe('dueSoon')
    expect(deadlineState(dispatched, cst('2026-11-30T16:00:01'), DEFAULT_CALENDAR)).toBe('overdue')
  })

  it('has no deadline once closed', () => {
    const closed = stepDeadline('closed', roadDirt, cst('2026-11-30T09:00:00'), DEFAULT_CALENDAR)
    expect(closed.dueAt).toBeNull()
    expect(deadlineState(closed, cst('2026-12-30T09:00:00'), DEFAULT_CALENDAR)).toBe('none')
  })
})
