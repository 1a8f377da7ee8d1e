// Where the demo's clock starts. A showroom visit at 03:00 or on a Sunday should still see a
// district mid-shift, so by default ('auto') a start outside working time moves the demo's clock
// back to 10:00 of the latest working day; the wall then says it is showing demo time.
import { cstDayStart, DAY_MS } from '../domain/china-time'
import { isWorkingDay, workingMinutesBetween, type WorkingCalendar } from '../domain/working-calendar'

export type DemoStart = 'auto' | 'now' | number

const MID_MORNING_MS = 10 * 3600_000

export function demoStartTime(start: DemoStart, realNow: number, calendar: WorkingCalendar): number {
  if (start === 'now') return realNow
  if (typeof start === 'number') return start
  const inWorkingTime = workingMinutesBetween(calendar, realNow - 60_000, realNow) > 0
  if (inWorkingTime) return realNow
  for (let day = cstDayStart(realNow); day > realNow - 30 * DAY_MS; day -= DAY_MS) {
    const candidate = day + MID_MORNING_MS
    if (candidate <= realNow && isWorkingDay(calendar, candidate)) return candidate
  }
  return realNow
}
