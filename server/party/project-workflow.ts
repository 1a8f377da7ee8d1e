// The 党员领办 loop as a state machine (contract/party.ts): an action is legal only from the step
// listed for it; otherwise an IllegalProjectTransitionError names the current step (the API answers 409).
import type { ProjectAction, ProjectStep } from '../contract/party'

export const PROJECT_TRANSITIONS: Readonly<Record<ProjectAction, { from: ProjectStep; to: ProjectStep }>> = {
  claim: { from: 'assigned', to: 'claimed' },      // 党员领办
  discuss: { from: 'claimed', to: 'discussed' },   // 议: 说事会 with the residents
  decide: { from: 'discussed', to: 'decided' },    // 定
  deliver: { from: 'decided', to: 'delivered' },   // 组团兑现 (办)
  rate: { from: 'delivered', to: 'rated' },        // 群众评议 (评)
}

export const PROJECT_ACTIONS = Object.keys(PROJECT_TRANSITIONS) as ProjectAction[]

export class IllegalProjectTransitionError extends Error {
  constructor(readonly action: ProjectAction, readonly current: ProjectStep) {
    super(`cannot ${action} a project that is ${current}: ${action} follows ${PROJECT_TRANSITIONS[action].from}`)
    this.name = 'IllegalProjectTransitionError'
  }
}

export function nextProjectStep(current: ProjectStep, action: ProjectAction): ProjectStep {
  const rule = PROJECT_TRANSITIONS[action]
  if (rule.from !== current) throw new IllegalProjectTransitionError(action, current)
  return rule.to
}

export function allowedProjectActions(current: ProjectStep): ProjectAction[] {
  return PROJECT_ACTIONS.filter((a) => PROJECT_TRANSITIONS[a].from === current)
}
