// Which stored cases a reader asks for (Open311 GET requests): by id, category, step and report time.
// The store answers it over every case it holds, closed ones included, long after memory forgot them.
import type { CaseStep, EpochMs } from '../contract/domain'
import type { CaseRecord } from './case-book'

export interface CaseQuery {
  /** Only these ids (any other filter still applies). */
  ids?: readonly string[]
  categoryCodes?: readonly string[]
  steps?: readonly CaseStep[]
  /** Inclusive bounds on reportedAt. */
  reportedFrom?: EpochMs
  reportedTo?: EpochMs
  /** Newest report first, at most this many. */
  limit: number
}

export function matchesCaseQuery(c: CaseRecord, q: CaseQuery): boolean {
  return (!q.ids || q.ids.includes(c.id))
    && (!q.categoryCodes || q.categoryCodes.includes(c.categoryCode))
    && (!q.steps || q.steps.includes(c.step))
    && (q.reportedFrom == null || c.reportedAt >= q.reportedFrom)
    && (q.reportedTo == null || c.reportedAt <= q.reportedTo)
}

/** The same query over cases in memory (a case book with no store, as in unit tests). */
export function filterCases(cases: Iterable<CaseRecord>, q: CaseQuery): CaseRecord[] {
  const found = [...cases].filter((c) => matchesCaseQuery(c, q))
  return found.sort((a, b) => b.reportedAt - a.reportedAt || (a.id < b.id ? 1 : -1)).slice(0, q.limit)
}
