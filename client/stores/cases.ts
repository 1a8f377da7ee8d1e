// Every open case, keyed by id, and the newest transitions for the feed.
import { defineStore } from 'pinia'
import { shallowRef, triggerRef } from 'vue'
import type { CaseSummary, FeedItem, WallSnapshot } from '../../server/contract/domain'
import type { CasesChanged } from '../../server/contract/events'

export const FEED_LENGTH = 30

export const useCasesStore = defineStore('cases', () => {
  const open = shallowRef(new Map<string, CaseSummary>())
  const feed = shallowRef<FeedItem[]>([])

  function replaceAll(snapshot: WallSnapshot): void {
    open.value = new Map(snapshot.cases.map((c) => [c.id, c]))
    feed.value = snapshot.feed.slice(0, FEED_LENGTH)
  }

  function apply(change: CasesChanged): void {
    for (const c of change.cases) {
      if (c.step === 'closed' || c.step === 'cancelled') open.value.delete(c.id)
      else open.value.set(c.id, c)
    }
    triggerRef(open)
    if (change.feed.length > 0) feed.value = [...change.feed, ...feed.value].slice(0, FEED_LENGTH)
  }

  return { open, feed, replaceAll, apply }
})
