// Every case the district is handling: reports come in, actions move them round the loop. Each
// change is written to the journal (the store) first, applied to memory only once the journal has
// it, and then announced to listeners (the broadcaster, the simulator). A write that fails throws
// StoreWriteError and leaves memory as it was, so memory, database and walls never disagree.
// In memory; a case leaves memory some days after it is closed (pruneClosedBefore).
import type {
  CaseAction, CaseSource, CaseSummary, CaseTransition, DeadlineState, EpochMs,
} from '../contract/domain'
import { CASE_LOOP } from '../contract/domain'
import { findCategory } from './categories'
import { deadlineState, stepDeadline, type StepDeadline } from './case-deadlines'
import { filterCases, type CaseQuery } from './case-query'
import { isOpen, nextStep } from './case-workflow'
import { cstDayKey } from './china-time'
import type { ReporterContact } from './reporter-contact'
import { StoreWriteError } from './store-write-error'
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
  /** A photo of the problem, from the reporter (Open311 media_url): the first of mediaUrls. */
  mediaUrl: string | null
  /** Every photo the reporter sent, in their order (Open311 repeated media_url). */
  mediaUrls: string[]
  /** What the reporter added as Open311 attribute[code]: a list for a multivaluelist; null for none. */
  attributes: Record<string, string | string[]> | null
  /** The reporter's own words for the place (Open311 address_string), beside the point. */
  address: string | null
}

export interface NewCase {
  categoryCode: string
  source: CaseSource
  gridCode: string
  /** null for a case reported by address only (待定位): see `locate`. */
  lng: number | null
  lat: number | null
  description: string
  reporterId: number | null
  at: EpochMs
  actor: string
  /** One photo; or give every photo, in order, as mediaUrls (the first becomes mediaUrl). */
  mediaUrl?: string | null
  mediaUrls?: readonly string[]
  attributes?: Record<string, string | string[]> | null
  address?: string | null
  /** A citizen's contact details: stored apart from the case, never on the record. */
  reporterContact?: ReporterContact | null
}

export interface ActionInput {
  at: EpochMs
  actor: string
  note?: string | null
  /** For dispatch: the department that will handle it. */
  department?: string
}

export type CaseListener = (record: CaseRecord, transition: CaseTransition | null) => void

/** Where changes are written before they happen in memory (the store). */
export interface CaseJournal {
  /** Saves the new state of a case with the transition that made it (null: a deadline re-judged). Throws if it cannot. */
  saveCase(record: CaseRecord, transition: CaseTransition | null, reporterContact?: ReporterContact | null): void
  /** The highest 案卷号 stored for a yyyyMMdd day, so numbering never reuses one (a demo clock moved back). */
  lastCaseIdOfDay(day: string): string | null
  /** Stored cases matching a query, newest report first: closed ones too, long after memory forgot them. */
  findCases(query: CaseQuery): Promise<CaseRecord[]>
}

const NO_JOURNAL: CaseJournal = { saveCase: () => {}, lastCaseIdOfDay: () => null, findCases: async () => [] }

export class CaseBook {
  private readonly cases = new Map<string, CaseRecord>()
  private readonly listeners: CaseListener[] = []
  private readonly dailySequence = new Map<string, number>()
  private journal: CaseJournal = NO_JOURNAL

  constructor(private readonly calendar: WorkingCalendar) {}

  /** Every change from now on is written here first. */
  writeTo(journal: CaseJournal): void {
    this.journal = journal
  }

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

  /** A case in memory, else as the store has it (closed more than 8 days ago): for reading, and for comments. */
  async find(id: string): Promise<CaseRecord | undefined> {
    return this.cases.get(id) ?? (await this.findCases({ ids: [id], limit: 1 }))[0]
  }

  /** Cases matching a query, from the store when there is one (memory keeps closed cases only 8 days). */
  async findCases(query: CaseQuery): Promise<CaseRecord[]> {
    if (this.journal === NO_JOURNAL) return filterCases(this.cases.values(), query)
    // The store has every change first; a case still in memory is the same, as the object callers hold.
    return (await this.journal.findCases(query)).map((stored) => this.cases.get(stored.id) ?? stored)
  }

  /** Puts back cases loaded from the store (after a restart), without announcing them. */
  restore(records: readonly CaseRecord[]): void {
    // The day's numbering is asked of the journal when first needed: it also knows closed cases not loaded.
    for (const r of records) this.cases.set(r.id, r)
  }

  countOpen(): number {
    let count = 0
    for (const c of this.cases.values()) if (isOpen(c.step)) count++
    return count
  }

  report(input: NewCase): CaseRecord {
    const category = findCategory(input.categoryCode)
    if (!category) throw new Error(`unknown category ${input.categoryCode}`)
    const { id, day, seq } = this.nextId(input.at)
    const deadline = stepDeadline('reported', category, input.at, this.calendar)
    const transition: CaseTransition = { caseId: id, step: 'reported', action: 'report', at: input.at, actor: input.actor, note: null }
    const record: CaseRecord = {
      id, categoryCode: category.code, source: input.source, gridCode: input.gridCode,
      lng: input.lng, lat: input.lat, description: input.description,
      step: 'reported', reportedAt: input.at, stepAt: input.at,
      dueAt: deadline.dueAt, stepLimitMinutes: deadline.limitMinutes,
      deadline: this.judge(deadline, input.at),
      reworkCount: 0, reporterId: input.reporterId, department: null,
      history: [transition], furthest: 0, handleDueAt: null, handledAt: null, closedAt: null,
      ...reportedMedia(input), attributes: input.attributes ?? null, address: input.address ?? null,
    }
    this.save(record, transition, input.reporterContact)
    this.dailySequence.set(day, seq)
    this.cases.set(id, record)
    this.announce(record, transition)
    return record
  }

  /** Moves a case by one action; throws IllegalTransitionError (naming the current step) if not allowed. */
  act(id: string, action: CaseAction, input: ActionInput): CaseRecord {
    const record = this.cases.get(id)
    if (!record) throw new Error(`unknown case ${id}`)
    const step = nextStep(record.step, action)
    const category = findCategory(record.categoryCode)
    if (!category) throw new Error(`case ${id} has category ${record.categoryCode}, which the catalogue does not know`)
    const deadline = stepDeadline(step, category, input.at, this.calendar)
    const transition: CaseTransition = { caseId: id, step, action, at: input.at, actor: input.actor, note: input.note ?? null }
    const next: CaseRecord = {
      ...record,
      step,
      stepAt: input.at,
      dueAt: deadline.dueAt,
      stepLimitMinutes: deadline.limitMinutes,
      deadline: this.judge(deadline, input.at),
      furthest: Math.max(record.furthest, CASE_LOOP.indexOf(step)),
      department: action === 'dispatch' ? input.department ?? record.department : record.department,
      handleDueAt: step === 'dispatched' && record.handleDueAt == null ? deadline.dueAt : record.handleDueAt,
      reworkCount: record.reworkCount + (action === 'sendBack' ? 1 : 0),
      handledAt: action === 'handle' ? input.at : record.handledAt,
      closedAt: step === 'closed' ? input.at : record.closedAt,
      history: [...record.history, transition],
    }
    this.save(next, transition)
    // The same object stays in the book: callers holding it see the new state.
    Object.assign(record, next)
    this.announce(record, transition)
    return record
  }

  /**
   * Adds a line to a case's story that moves nothing: a citizen's comment or photo (Open311
   * servicerequestupdates). Closed and cancelled cases take them too: a citizen may say it is back.
   */
  comment(target: string | CaseRecord, input: { at: EpochMs; actor: string; note: string | null; mediaUrl?: string | null }): CaseRecord {
    // A citizen may comment on a case memory has let go (closed long ago): the caller reads it from
    // the store (find) and passes the record.
    const record = typeof target === 'string' ? this.cases.get(target) : target
    if (!record) throw new Error(`unknown case ${String(target)}`)
    const id = record.id
    const transition: CaseTransition = {
      caseId: id, step: record.step, action: 'comment', at: input.at, actor: input.actor, note: input.note, mediaUrl: input.mediaUrl ?? null,
    }
    this.save({ ...record, history: [...record.history, transition] }, transition)
    record.history.push(transition)
    this.announce(record, transition)
    return record
  }

  /** Places a case reported by address only (or moves a misplaced one): its point and the grid it lies in. The step stays. */
  locate(id: string, input: { at: EpochMs; actor: string; lng: number; lat: number; gridCode: string; note: string | null }): CaseRecord {
    const record = this.cases.get(id)
    if (!record) throw new Error(`unknown case ${id}`)
    const transition: CaseTransition = { caseId: id, step: record.step, action: 'locate', at: input.at, actor: input.actor, note: input.note }
    const next: CaseRecord = { ...record, lng: input.lng, lat: input.lat, gridCode: input.gridCode, history: [...record.history, transition] }
    this.save(next, transition)
    Object.assign(record, next)
    this.announce(record, transition)
    return record
  }

  /** Files a case under another grid (its own was removed by an import); not a step of the loop. */
  moveToGrid(id: string, gridCode: string): void {
    const record = this.cases.get(id)
    if (!record) throw new Error(`unknown case ${id}`)
    this.save({ ...record, gridCode }, null)
    record.gridCode = gridCode
    this.announce(record, null)
  }

  /** Re-judges the deadline of every open case; announces those whose state changed. */
  refreshDeadlines(now: EpochMs): number {
    let changed = 0
    for (const record of this.open()) {
      const state = this.judge({ dueAt: record.dueAt, limitMinutes: record.stepLimitMinutes }, now)
      if (state !== record.deadline) {
        this.save({ ...record, deadline: state }, null)
        record.deadline = state
        changed++
        this.announce(record, null)
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

  private save(record: CaseRecord, transition: CaseTransition | null, contact?: ReporterContact | null): void {
    try {
      this.journal.saveCase(record, transition, contact)
    } catch (error) {
      throw new StoreWriteError(`case ${record.id}${transition ? ` (${transition.action})` : ''}`, error)
    }
  }

  private announce(record: CaseRecord, transition: CaseTransition | null): void {
    for (const listener of this.listeners) listener(record, transition)
  }

  /** 案卷号: yyyyMMdd + a sequence of the day (CST), at least 4 digits; never one the store already holds. */
  private nextId(at: EpochMs): { id: string; day: string; seq: number } {
    const day = cstDayKey(at).replaceAll('-', '')
    let last = this.dailySequence.get(day)
    if (last == null) {
      const stored = this.journal.lastCaseIdOfDay(day)
      last = stored ? Number(stored.slice(8)) || 0 : 0
    }
    let seq = last + 1
    while (this.cases.has(caseId(day, seq))) seq++
    return { id: caseId(day, seq), day, seq }
  }
}

/** mediaUrl is the first of mediaUrls; a caller that gives only mediaUrl has one photo. */
function reportedMedia(input: NewCase): { mediaUrl: string | null; mediaUrls: string[] } {
  const urls = input.mediaUrls ? [...input.mediaUrls] : input.mediaUrl ? [input.mediaUrl] : []
  return { mediaUrl: urls[0] ?? null, mediaUrls: urls }
}

function caseId(day: string, seq: number): string {
  return `${day}${String(seq).padStart(4, '0')}`
}

/** What the wall needs of a case: the record without its history and bookkeeping. */
export function toSummary(r: CaseRecord): CaseSummary {
  return {
    id: r.id, categoryCode: r.categoryCode, source: r.source, gridCode: r.gridCode, lng: r.lng, lat: r.lat,
    description: r.description, step: r.step, reportedAt: r.reportedAt, stepAt: r.stepAt, dueAt: r.dueAt,
    deadline: r.deadline, reworkCount: r.reworkCount, reporterId: r.reporterId, department: r.department,
  }
}
