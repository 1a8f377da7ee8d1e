// What happens next to a simulated case, and when: the supervision centre accepts, files and
// dispatches within minutes; the department handles within (usually) its 处置时限 of working time;
// an inspector verifies; a few are cancelled or sent back.
import type { CaseAction, CaseStep } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'
import { findCategory } from '../domain/categories'
import { addWorkingMinutes, limitInWorkingMinutes, type WorkingCalendar } from '../domain/working-calendar'
import { logNormal, type Rng } from './random'
import { CANCEL_SHARE, LATE_HANDLING_SHARE, SEND_BACK_SHARE, STEP_MINUTES } from './sim-rates'

export interface ScheduledAction {
  caseId: string
  action: CaseAction
  at: number
}

const minutes = (rng: Rng, d: { median: number; spread: number }) => logNormal(rng, d.median, d.spread) * 60_000

/** The next action for a case that has just entered its current step, or null when it is done. */
export function nextAction(record: CaseRecord, rng: Rng, calendar: WorkingCalendar): ScheduledAction | null {
  const at = record.stepAt
  const step: CaseStep = record.step
  const schedule = (action: CaseAction, when: number): ScheduledAction => ({ caseId: record.id, action, at: when })
  switch (step) {
    case 'reported': return schedule('accept', at + minutes(rng, STEP_MINUTES.accept))
    case 'accepted': return schedule(rng() < CANCEL_SHARE ? 'cancel' : 'file', at + minutes(rng, STEP_MINUTES.file))
    case 'filed': return schedule('dispatch', at + minutes(rng, STEP_MINUTES.dispatch))
    case 'dispatched': return schedule('handle', handlingDoneAt(record, rng, calendar))
    case 'handled': return schedule(rng() < SEND_BACK_SHARE ? 'sendBack' : 'verify', at + minutes(rng, STEP_MINUTES.verify))
    case 'verified': return schedule('close', at + minutes(rng, STEP_MINUTES.close))
    case 'closed':
    case 'cancelled':
      return null
  }
}

/** Departments work office hours: the duration is a share of the limit, in working time. */
function handlingDoneAt(record: CaseRecord, rng: Rng, calendar: WorkingCalendar): number {
  const limit = limitInWorkingMinutes(findCategory(record.categoryCode)!.handleLimit, calendar)
  const share = rng() < LATE_HANDLING_SHARE ? 1.05 + rng() * 0.8 : 0.05 + rng() ** 1.5 * 0.85
  return addWorkingMinutes(calendar, record.stepAt, Math.max(5, limit * share))
}

export const ACTORS: Record<CaseAction, string> = {
  accept: '监督中心受理员', file: '监督中心值班长', cancel: '监督中心值班长', dispatch: '指挥中心派遣员',
  handle: '', verify: '', sendBack: '', close: '监督中心值班长',
}

/** Departments by major class (who 处置 the case). */
export const DEPARTMENTS: Record<string, string> = {
  公用设施: '区市政中心', 道路交通: '区交通局', 市容环境: '区环卫中心', 园林绿化: '区园林中心', 房屋土地: '区住建局',
  其他设施: '区应急局', 宣传广告: '区城管执法局', 施工管理: '区住建局', 街面秩序: '区城管执法局', 突发事件: '区应急局', 其他事件: '街道办事处',
}
