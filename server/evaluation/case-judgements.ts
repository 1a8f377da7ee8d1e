// What one case says about each indicator: whether it counts (denominator), whether it scores
// (numerator), and who answers for it at each post. A step is judged once it was left, or once its
// limit passed with the case still in it (then it counts against the area, and against nobody's
// post: nobody has acted yet). Only the first pass through a step is judged (a 返工 round is 返工率's).
import type { IndicatorId, PostKind } from '../contract/evaluation'
import type { CaseAction, CaseHistoryAction, CaseTransition, EpochMs } from '../contract/domain'
import { CASE_LOOP } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'
import { addWorkingMinutes, type WorkingCalendar } from '../domain/working-calendar'

/** Working-minute limits of the supervision centre's steps (as case-deadlines.ts). */
export const STEP_LIMITS = { accept: 20, verify: 50, file: 30, dispatch: 30, check: 120, close: 60 } as const

export interface Judgement {
  indicator: IndicatorId
  /** In the numerator too. */
  hit: boolean
  /** Who answers for it, per post: an inspector id (as a string) or an actor's name. */
  posts: Partial<Record<PostKind, string>>
  /** Counts for the case's department (处置部门 indicators only). */
  department: boolean
}

export interface JudgeContext {
  now: EpochMs
  calendar: WorkingCalendar
  /** An inspector's id by name: the history names who verified, not their id. */
  inspectorIdByName: ReadonlyMap<string, number>
}

const FILED = CASE_LOOP.indexOf('filed')
const DISPATCHED = CASE_LOOP.indexOf('dispatched')

function first(history: readonly CaseTransition[], actions: readonly CaseHistoryAction[], after: EpochMs = -Infinity): CaseTransition | undefined {
  return history.find((t) => t.at >= after && (actions as readonly string[]).includes(t.action))
}

/** An actor's name without the role the API appends ("张三（监督中心）" → "张三"). */
export function actorName(actor: string): string {
  const i = actor.indexOf('（')
  return (i > 0 ? actor.slice(0, i) : actor).trim()
}

export function judgeCase(c: CaseRecord, ctx: JudgeContext): Judgement[] {
  const out: Judgement[] = []
  const h = c.history
  const inspectorKey = (actor: string) => {
    const name = actorName(actor)
    const id = ctx.inspectorIdByName.get(name)
    return id != null ? String(id) : name
  }

  /** A timed step entered at `enteredAt`: left by one of `exits` within `limit` working minutes. */
  const timed = (indicator: IndicatorId, enteredAt: EpochMs | undefined, dueAt: EpochMs | null | undefined, exits: readonly CaseAction[],
    post: PostKind | null, department = false) => {
    if (enteredAt == null || dueAt == null) return
    const exit = first(h, exits, enteredAt)
    if (!exit && ctx.now <= dueAt) return                       // still within its limit: not judged yet
    const posts: Judgement['posts'] = {}
    if (exit && post) posts[post] = post === 'inspector' ? inspectorKey(exit.actor) : actorName(exit.actor)
    out.push({ indicator, hit: exit != null && exit.at <= dueAt, posts, department })
  }
  const due = (at: EpochMs | undefined, minutes: number) => at == null ? undefined : addWorkingMinutes(ctx.calendar, at, minutes)

  // 有效上报率: a report counts once it was decided (filed or cancelled).
  const filed = c.furthest >= FILED
  if (filed || c.step === 'cancelled') {
    out.push({ indicator: 'validReport', hit: filed, posts: c.reporterId != null ? { inspector: String(c.reporterId) } : {}, department: false })
  }
  timed('onTimeAccept', c.reportedAt, due(c.reportedAt, STEP_LIMITS.accept), ['accept', 'cancel'], 'acceptor')
  // 核实: a report from anyone but an inspector is checked on site before the filing decision.
  if (c.source !== 'inspector') timed('onTimeVerify', c.reportedAt, due(c.reportedAt, STEP_LIMITS.verify), ['file', 'cancel'], 'acceptor')
  const accepted = first(h, ['accept'])
  timed('onTimeFile', accepted?.at, due(accepted?.at, STEP_LIMITS.file), ['file', 'cancel'], 'acceptor')
  const filedAt = first(h, ['file'])?.at
  timed('onTimeDispatch', filedAt, due(filedAt, STEP_LIMITS.dispatch), ['dispatch'], 'dispatcher')
  const dispatchedAt = first(h, ['dispatch'])?.at
  timed('onTimeHandle', dispatchedAt, c.handleDueAt, ['handle'], 'handler', true)
  const firstHandle = first(h, ['handle'])
  timed('onTimeCheck', firstHandle?.at, due(firstHandle?.at, STEP_LIMITS.check), ['verify', 'sendBack'], 'inspector')
  const verifiedAt = first(h, ['verify'])?.at
  timed('onTimeClose', verifiedAt, due(verifiedAt, STEP_LIMITS.close), ['close'], 'acceptor')

  // 结案率 / 按期结案率 exactly as the wall's KPIs (domain/kpis.ts) count them.
  const closed = c.step === 'closed'
  if (c.furthest >= DISPATCHED && (closed || (c.handleDueAt != null && c.handleDueAt < ctx.now))) {
    out.push({ indicator: 'closure', hit: closed, posts: {}, department: true })
    const onTime = closed && c.handledAt != null && c.handleDueAt != null && c.handledAt <= c.handleDueAt
    out.push({ indicator: 'onTimeClosure', hit: onTime, posts: {}, department: true })
  }
  // 返工率: of the cases checked, those sent back; the handler of the first round answers for it.
  if (c.reworkCount > 0 || h.some((t) => t.action === 'verify')) {
    out.push({ indicator: 'rework', hit: c.reworkCount > 0, posts: firstHandle ? { handler: actorName(firstHandle.actor) } : {}, department: true })
  }
  return out
}
