// Handling deadlines are counted in working time (GB/T 30428: "处置时限" in 工作时 / 工作日), so a
// case filed on Friday afternoon is not overdue on Saturday, nor one dispatched before 国庆 during it.
import type { EpochMs, WorkingLimit } from '../contract/domain'
import { cstDayKey, cstDayStart, cstWeekday, DAY_MS } from './china-time'
import { OFFICIAL_HOLIDAYS, type HolidayYear } from './official-holidays'

export interface WorkingCalendar {
  /** Working periods within a working day, as [start, end) minutes after 00:00 CST. */
  periods: readonly [number, number][]
  /** Weekdays that are working days (0 = Sunday). */
  weekdays: ReadonlySet<number>
  /** yyyy-MM-dd public holidays (法定节假日), weekend days among them or not. */
  holidays: ReadonlySet<string>
  /** yyyy-MM-dd weekend days that are worked (调休上班). */
  workedWeekends: ReadonlySet<string>
  /** The years whose holidays are known; deadlines in other years see plain weekdays. */
  holidayYears: readonly string[]
}

/** 08:30–12:00 and 14:00–17:30, Monday to Friday (the usual Fuzhou office day of 7 hours), with `years`' holidays. */
export function officeCalendar(years: Readonly<Record<string, HolidayYear>>): WorkingCalendar {
  const lists = Object.values(years)
  return {
    periods: [[8 * 60 + 30, 12 * 60], [14 * 60, 17 * 60 + 30]],
    weekdays: new Set([1, 2, 3, 4, 5]),
    holidays: new Set(lists.flatMap((y) => y.holidays)),
    workedWeekends: new Set(lists.flatMap((y) => y.workdays)),
    holidayYears: Object.keys(years).sort(),
  }
}

/** The office day with the State Council's published holidays built in. */
export const DEFAULT_CALENDAR: WorkingCalendar = officeCalendar(OFFICIAL_HOLIDAYS)

const MINUTE_MS = 60_000
/** Far enough for a 15-working-day limit over the longest holiday; guards against an empty calendar. */
const MAX_DAYS_SCANNED = 400

export function workingMinutesPerDay(calendar: WorkingCalendar): number {
  return calendar.periods.reduce((sum, [start, end]) => sum + (end - start), 0)
}

export function limitInWorkingMinutes(limit: WorkingLimit, calendar: WorkingCalendar): number {
  return limit.unit === 'workHour' ? limit.amount * 60 : limit.amount * workingMinutesPerDay(calendar)
}

export function isWorkingDay(calendar: WorkingCalendar, at: EpochMs): boolean {
  const key = cstDayKey(at)
  if (calendar.holidays.has(key)) return false
  if (calendar.workedWeekends.has(key)) return true
  return calendar.weekdays.has(cstWeekday(at))
}

/** The working periods of the day containing `at`, as absolute [start, end) times. */
function periodsOfDay(calendar: WorkingCalendar, at: EpochMs): [EpochMs, EpochMs][] {
  if (!isWorkingDay(calendar, at)) return []
  const dayStart = cstDayStart(at)
  return calendar.periods.map(([s, e]) => [dayStart + s * MINUTE_MS, dayStart + e * MINUTE_MS])
}

/** The moment when `minutes` of working time have passed after `start`. */
export function addWorkingMinutes(calendar: WorkingCalendar, start: EpochMs, minutes: number): EpochMs {
  let remaining = minutes * MINUTE_MS
  let day = cstDayStart(start)
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day += DAY_MS) {
    for (const [periodStart, periodEnd] of periodsOfDay(calendar, day)) {
      const from = Math.max(periodStart, start)
      if (from >= periodEnd) continue
      if (from + remaining <= periodEnd) return from + remaining
      remaining -= periodEnd - from
    }
  }
  throw new Error(`working calendar has no working time within ${MAX_DAYS_SCANNED} days of ${new Date(start).toISOString()}`)
}

/** Working minutes between two moments (0 if `to` is not after `from`). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: EpochMs, to: EpochMs): number {
  if (to <= from) return 0
  let total = 0
  for (let day = cstDayStart(from); day < to; day += DAY_MS) {
    for (const [periodStart, periodEnd] of periodsOfDay(calendar, day)) {
      const overlap = Math.min(periodEnd, to) - Math.max(periodStart, from)
      if (overlap > 0) total += overlap
    }
  }
  return total / MINUTE_MS
}
