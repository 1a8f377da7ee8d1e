import { describe, expect, it } from 'vitest'
import { addWorkingMinutes, DEFAULT_CALENDAR, workingMinutesBetween, type WorkingCalendar } from '../../../server/domain/working-calendar'

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
