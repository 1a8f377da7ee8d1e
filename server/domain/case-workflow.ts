// The closed loop as a state machine. An action is legal only from the steps listed for it; the
// caller gets an IllegalTransitionError naming the current step otherwise (the API answers 409).
import type { CaseAction, CaseStep } from '../contract/domain'

interface TransitionRule {
  from: readonly CaseStep[]
  to: CaseStep
}

export const TRANSITIONS: Record<CaseAction, TransitionRule> = {
  accept: { from: ['reported'], to: 'accepted' },                 // 受理: the supervision centre takes it
  file: { from: ['accepted'], to: 'filed' },                      // 立案: verified, a case is opened
  cancel: { from: ['reported', 'accepted'], to: 'cancelled' },    // 不予立案: not a case / duplicate
  dispatch: { from: ['filed'], to: 'dispatched' },                // 派遣: the handling clock starts
  handle: { from: ['dispatched'], to: 'handled' },                // 处置 + 处理反馈 by the department
  verify: { from: ['handled'], to: 'verified' },                  // 核查: an inspector confirms on site
  sendBack: { from: ['handled'], to: 'dispatched' },              // 返工: 核查 found it not done
  close: { from: ['verified'], to: 'closed' },                    // 结案
}

export class IllegalTransitionError extends Error {
  constructor(readonly action: CaseAction, readonly current: CaseStep) {
    super(`cannot ${action} a case that is ${current}`)
    this.name = 'IllegalTransitionError'
  }
}

/** The step a case moves to, or an IllegalTransitionError. */
export function nextStep(current: CaseStep, action: CaseAction): CaseStep {
  const rule = TRANSITIONS[action]
  if (!rule.from.includes(current)) throw new IllegalTransitionError(action, current)
  return rule.to
}

export function isOpen(step: CaseStep): boolean {
  return step !== 'closed' && step !== 'cancelled'
}

export function allowedActions(current: CaseStep): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => TRANSITIONS[a].from.includes(current))
}
