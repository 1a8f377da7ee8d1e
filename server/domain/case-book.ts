// Every case the district is handling: reports come in, actions move them round the loop, and each
// change is announced to listeners (the broadcaster, later the store). In memory; a case leaves
// memory some days after it is closed (pruneClosedBefore).
import type {
  CaseAction, CaseSource, CaseSummary, CaseTransition, DeadlineState, EpochMs,
} from '../contract/domain'
import { CASE_LOOP } from '../contract/domain'
import { findCategory } from './categories'
import { deadlineState, stepDeadline, type StepDeadline } from './case-deadlines'
import { isOpen, nextStep } from './case-workflow'
import { cstDayKey } from './china-time'
import type { WorkingCalendar } from './working-calendar'

export interface CaseRecord extends CaseSummary {
  history: CaseTransition[]
  /** Index in CASE_LOOP of the furthest step ever reached (a send-back does not lower it). */
  furthest: number
  /** The 处置 deadline of the first dispatch: 按期 is judged against it. */
  handleDueAt: EpochMs | null
  handledAt: EpochMs | null
  closedAt: EpochMs | null
  stepLimitMinutes: number | null
  /** A photo of the problem, from the reporter (Open311 media_url). */
  mediaUrl: string | null
}

export interface NewCase {
  categoryCode: string
  source: CaseSource
  gridCode: string
  lng: number
  lat: number
  description: string
  reporterId: number | null
  at: EpochMs
  actor: string
  mediaUrl?: string | null
}

export interface ActionInput {
  at: EpochMs
  actor: string
  note?: string | null
  /** For dispatch: the department that will handle it. */
  department?: string
}

export type CaseListener = (record: CaseRecord, transition: CaseTransition | null) => void

export class CaseBook {
  private readonly cases = new Map<string, CaseRecord>()
  private readonly listeners: CaseListener[] = []
  private readonly dailySequence = new Map<string, number>()

  constructor(private readonly calendar: WorkingCalendar) {}

  onChange(listener: CaseListener): void {
    this.listeners.push(listener)
  }

  get(id: string): CaseRecord | undefined {
    return this.cases.get(id)
  }

  all(): IterableIterator<CaseRecord> {
    return this.cases.values()
  }

  *open(): Generator<CaseRecord> {
    for (const c of this.cases.values()) if (isOpen(c.step)) yield c
  }

  /** Puts back cases loaded from the store (after a restart), without announcing them. */
  restore(records: readonly CaseRecord[]): void {
    for (const r of records) {
      this.cases.set(r.id, r)
      const day = r.id.slice(0, 8)
      this.dailySequence.set(day, Math.max(this.dailySequence.get(day) ?? 0, Number(r.id.slice(8)) || 0))
    }
  }

  countOpen(): number {
    let count = 0
    for (const c of this.cases.values()) if (isOpen(c.step)) count++
    return count
  }

  report(input: NewCase): CaseRecord {
    const category = findCategory(input.categoryCode)
    if (!category) throw new Error(`unknown category ${input.categoryCode}`)
    const id = this.nextId(input.at)
    const deadline = stepDeadline('reported', category, input.at, this.calendar)
    const record: CaseRecord = {
      id, categoryCode: category.code, source: input.source, gridCode: input.gridCode,
      lng: input.lng, lat: input.lat, description: input.description,
      step: 'reported', reportedAt: input.at, stepAt: input.at,
      dueAt: deadline.dueAt, stepLimitMinutes: deadline.limitMinutes,
      deadline: this.judge(deadline, input.at),
      reworkCount: 0, reporterId: input.reporterId, department: null,
      history: [], furthest: 0, handleDueAt: null, handledAt: null, closedAt: null, mediaUrl: input.mediaUrl ?? null,
    }
    this.cases.set(id, record)
    this.record(record, { caseId: id, step: 'reported', action: 'report', at: input.at, actor: input.actor, note: null })
    return record
  }

  /** Moves a case by one action; throws IllegalTransitionError (naming the current step) if not allowed. */
  act(id: string, action: CaseAction, input: ActionInput): CaseRecord {
    const record = this.cases.get(id)
    if (!record) throw new Error(`unknown case ${id}`)
    const step = nextStep(record.step, action)
    const category = findCategory(record.categoryCode)!
    const deadline = stepDeadline(step, category, input.at, this.calendar)
    record.step = step
    record.stepAt = input.at
    record.dueAt = deadline.dueAt
    record.stepLimitMinutes = deadline.limitMinutes
    record.deadline = this.judge(deadline, input.at)
    record.furthest = Math.max(record.furthest, CASE_LOOP.indexOf(step))
    if (action === 'dispatch') record.department = input.department ?? record.department
    if (step === 'dispatched' && record.handleDueAt == null) record.handleDueAt = deadline.dueAt
    if (action === 'sendBack') record.reworkCount++
    if (action === 'handle') record.handledAt = input.at
    if (step === 'closed') record.closedAt = input.at
    this.record(record, { caseId: id, step, action, at: input.at, actor: input.actor, note: input.note ?? null })
    return record
  }

  /** Re-judges the deadline of every open case; announces those whose state changed. */
  refreshDeadlines(now: EpochMs): number {
    let changed = 0
    for (const record of this.open()) {
      const state = this.judge({ dueAt: record.dueAt, limitMinutes: record.stepLimitMinutes }, now)
      if (state !== record.deadline) {
        record.deadline = state
        changed++
        for (const listener of this.listeners) listener(record, null)
      }
    }
    return changed
  }

  /** Forgets cases closed or cancelled before `before` (they live on in the store). */
  pruneClosedBefore(before: EpochMs): void {
    for (const [id, c] of this.cases) {
      if (!isOpen(c.step) && c.stepAt < before) this.cases.delete(id)
    }
  }

  private judge(deadline: StepDeadline, now: EpochMs): DeadlineState {
    return deadlineState(deadline, now, this.calendar)
  }

  private record(record: CaseRecord, transition: CaseTransition): void {
    record.history.push(transition)
    for (const listener of this.listeners) listener(record, transition)
  }

  /** 案卷号: yyyyMMdd + a 4-digit sequence of the day (CST). */
  private nextId(at: EpochMs): string {
    const day = cstDayKey(at).replaceAll('-', '')
    let seq = (this.dailySequence.get(day) ?? 0) + 1
    while (this.cases.has(`${day}${String(seq).padStart(4, '0')}`)) seq++
    this.dailySequence.set(day, seq)
    return `${day}${String(seq).padStart(4, '0')}`
  }
}

/** What the wall needs of a case: the record without its history and bookkeeping. */
export function toSummary(r: CaseRecord): CaseSummary {
  return {
    id: r.id, categoryCode: r.categoryCode, source: r.source, gridCode: r.gridCode, lng: r.lng, lat: r.lat,
    description: r.description, step: r.step, reportedAt: r.reportedAt, stepAt: r.stepAt, dueAt: r.dueAt,
    deadline: r.deadline, reworkCount: r.reworkCount, reporterId: r.reporterId, department: r.department,
  }
}
