// How much working time a case has left in its current step, and the order a supervisor reads open
// cases in: overdue first, then the soonest due.
import type { CaseSummary, EpochMs } from '../contract/domain'
import { workingMinutesBetween, type WorkingCalendar } from './working-calendar'

/**
 * Whole working minutes left until `dueAt` (rounded down); when overdue, minus the working minutes
 * since (rounded up, at least 1, so the sign alone always tells overdue — a case due at 17:30 is
 * overdue at 18:00 with no working time gone by). Null without a deadline.
 */
export function remainingWorkMinutes(calendar: WorkingCalendar, dueAt: EpochMs | null, now: EpochMs): number | null {
  if (dueAt == null) return null
  if (now <= dueAt) return Math.floor(workingMinutesBetween(calendar, now, dueAt))
  return -Math.max(1, Math.ceil(workingMinutesBetween(calendar, dueAt, now)))
}

/** Sort comparator: overdue cases first, then by due time; cases without a deadline last. */
export function byUrgency(now: EpochMs) {
  return (a: Pick<CaseSummary, 'dueAt'>, b: Pick<CaseSummary, 'dueAt'>): number => {
    const overdue = Number(isOverdue(b.dueAt, now)) - Number(isOverdue(a.dueAt, now))
    if (overdue !== 0 || a.dueAt === b.dueAt) return overdue
    return (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity)
  }
}

function isOverdue(dueAt: EpochMs | null, now: EpochMs): boolean {
  return dueAt != null && now > dueAt
}
