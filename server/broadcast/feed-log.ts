// The newest case transitions, for the wall's scrolling feed. Bounded: old items fall off.
import type { FeedItem } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'

export class FeedLog {
  private items: FeedItem[] = []

  constructor(private readonly capacity = 50) {}

  add(item: FeedItem): void {
    this.items.unshift(item)
    if (this.items.length > this.capacity) this.items.length = this.capacity
  }

  /** Newest first. */
  newest(): FeedItem[] {
    return [...this.items]
  }
}

/** Fills a feed from the history already in the case book (after a restart or a simulated past). */
export function feedFromHistory(cases: Iterable<CaseRecord>, capacity = 50): FeedLog {
  const items: FeedItem[] = []
  for (const c of cases) {
    for (const t of c.history) {
      items.push({ caseId: c.id, step: t.step, action: t.action, at: t.at, gridCode: c.gridCode, categoryCode: c.categoryCode, deadline: c.deadline })
    }
  }
  const log = new FeedLog(capacity)
  for (const item of items.sort((a, b) => a.at - b.at).slice(-capacity)) log.add(item)
  return log
}
