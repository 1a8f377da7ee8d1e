import { describe, expect, it } from 'vitest'
import { findCategory } from '../../../server/domain/categories'
import { deadlineState, stepDeadline } from '../../../server/domain/case-deadlines'
import { cstWeekday } from '../../../server/domain/china-time'
import { addWorkingMinutes, DEFAULT_CALENDAR, isWorkingDay, workingMinutesBetween, type WorkingCalendar } from '../../../server/domain/working-calendar'

/** A CST wall time as epoch ms. */
const cst = (iso: string) => Date.parse(`${iso}+08:00`)

describe('working calendar', () => {
  it('counts a deadline across a weekend in working hours only', () => {
    // Friday 16:00 + 4 working hours: 1.5 h on Friday, then Monday 08:30 + 2.5 h.
    expect(addWorkingMinutes(DEFAULT_CALENDAR, cst('2026-11-27T16:00:00'), 240)).toBe(cst('2026-11-30T11:00:00'))
  })

  it('skips the lunch break', () => {
    expect(addWorkingMinutes(DEFAULT_CALENDAR, cst('2026-11-30T11:30:00'), 60)).toBe(cst('2026-11-30T14:30:00'))
  })

  it('starts the clock at the next working period when reported at night', () => {
    expect(addWorkingMinutes(DEFAULT_CALENDAR, cst('2026-11-30T22:00:00'), 30)).toBe(cst('2026-12-01T09:00:00'))
  })

  it('honours public holidays and worked weekends', () => {
    const calendar: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: new Set(['2026-11-30']), workedWeekends: new Set(['2026-11-29']) }
    // Saturday is a weekend, Sunday 29th is worked, Monday 30th is a holiday.
    expect(addWorkingMinutes(calendar, cst('2026-11-28T10:00:00'), 60)).toBe(cst('2026-11-29T09:30:00'))
    expect(addWorkingMinutes(calendar, cst('2026-11-29T17:00:00'), 60)).toBe(cst('2026-12-01T09:00:00'))
  })

  it('measures working minutes between two moments', () => {
    expect(workingMinutesBetween(DEFAULT_CALENDAR, cst('2026-11-27T16:00:00'), cst('2026-11-30T11:00:00'))).toBe(240)
    expect(workingMinutesBetween(DEFAULT_CALENDAR, cst('2026-11-28T09:00:00'), cst('2026-11-29T18:00:00'))).toBe(0)
    expect(workingMinutesBetween(DEFAULT_CALENDAR, cst('2026-11-30T12:00:00'), cst('2026-11-30T11:00:00'))).toBe(0)
  })

  it('is the inverse of addWorkingMinutes', () => {
    const start = cst('2026-11-26T09:17:00')
    for (const minutes of [1, 59, 210, 420, 421, 3000]) {
      expect(workingMinutesBetween(DEFAULT_CALENDAR, start, addWorkingMinutes(DEFAULT_CALENDAR, start, minutes))).toBeCloseTo(minutes, 6)
    }
  })
})

// The built-in calendar carries the State Council's 法定节假日 and 调休 working days.
describe('the built-in holidays', () => {
  const garbage = findCategory('E0101')! // 暴露垃圾: 处置时限 1 工作日

  it('a case dispatched on 2026-09-30 with 1 working day is not overdue over 国庆 and falls due on the first working day after', () => {
    const deadline = stepDeadline('dispatched', garbage, cst('2026-09-30T10:00:00'), DEFAULT_CALENDAR)
    // 5.5 h left on Wednesday 30th; 1–7 October are 国庆; Thursday 8th is the first working day.
    expect(deadline.dueAt).toBe(cst('2026-10-08T10:00:00'))
    expect(deadlineState(deadline, cst('2026-10-03T12:00:00'), DEFAULT_CALENDAR)).not.toBe('overdue')
    expect(deadlineState(deadline, cst('2026-10-07T16:00:00'), DEFAULT_CALENDAR)).not.toBe('overdue')
    expect(deadlineState(deadline, cst('2026-10-08T10:00:01'), DEFAULT_CALENDAR)).toBe('overdue')
  })

  it('counts a 调休 Sunday as a working day', () => {
    // 2026-09-20 and 2026-01-04 are Sundays worked for 国庆 and 元旦.
    for (const sunday of ['2026-09-20', '2026-01-04']) {
      expect(cstWeekday(cst(`${sunday}T10:00:00`))).toBe(0)
      expect(isWorkingDay(DEFAULT_CALENDAR, cst(`${sunday}T10:00:00`))).toBe(true)
    }
    expect(addWorkingMinutes(DEFAULT_CALENDAR, cst('2026-09-19T10:00:00'), 60)).toBe(cst('2026-09-20T09:30:00'))
    expect(isWorkingDay(DEFAULT_CALENDAR, cst('2026-09-27T10:00:00'))).toBe(false) // an ordinary Sunday (中秋)
  })

  it('skips 春节 and works its 调休 Saturdays, and knows 2025', () => {
    for (const day of ['2026-02-16', '2026-02-23', '2025-01-28', '2025-02-04', '2025-10-08', '2026-05-05', '2026-06-19']) {
      expect(isWorkingDay(DEFAULT_CALENDAR, cst(`${day}T10:00:00`)), day).toBe(false)
    }
    for (const day of ['2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10', '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
      expect(isWorkingDay(DEFAULT_CALENDAR, cst(`${day}T10:00:00`)), day).toBe(true)
    }
    expect(isWorkingDay(DEFAULT_CALENDAR, cst('2026-02-24T10:00:00'))).toBe(true)
  })
})
