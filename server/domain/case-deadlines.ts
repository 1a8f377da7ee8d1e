// When the next action on a case is due, and how close it is. Every step has a limit in working
// time; the 处置 step takes its subclass's 处置时限 (from dispatch, GB/T 30428.8).
import type { CaseCategory, CaseStep, DeadlineState, EpochMs } from '../contract/domain'
import { addWorkingMinutes, limitInWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from './working-calendar'

/** Working minutes allowed for the action that follows each step (受理 20 min, 立案 30 min, …). */
const STEP_LIMIT_MINUTES: Partial<Record<CaseStep, number>> = {
  reported: 20,   // → 受理
  accepted: 30,   // → 立案
  filed: 30,      // → 派遣
  handled: 120,   // → 核查
  verified: 60,   // → 结案
}

/** A deadline is "due soon" in its last quarter. */
const DUE_SOON_FRACTION = 0.25

export interface StepDeadline {
  dueAt: EpochMs | null
  limitMinutes: number | null
}

export function stepDeadline(step: CaseStep, category: CaseCategory, enteredAt: EpochMs, calendar: WorkingCalendar): StepDeadline {
  const limitMinutes = step === 'dispatched'
    ? limitInWorkingMinutes(category.handleLimit, calendar)
    : STEP_LIMIT_MINUTES[step] ?? null
  if (limitMinutes == null) return { dueAt: null, limitMinutes: null }
  return { dueAt: addWorkingMinutes(calendar, enteredAt, limitMinutes), limitMinutes }
}

export function deadlineState(deadline: StepDeadline, now: EpochMs, calendar: WorkingCalendar): DeadlineState {
  if (deadline.dueAt == null || deadline.limitMinutes == null) return 'none'
  if (now > deadline.dueAt) return 'overdue'
  const remaining = workingMinutesBetween(calendar, now, deadline.dueAt)
  return remaining <= deadline.limitMinutes * DUE_SOON_FRACTION ? 'dueSoon' : 'ontime'
}
