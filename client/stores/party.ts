// The 党建引领 board's figures: the party summary and the 12345 figures of the focused area, polled
// from the server while the board is up (nothing is fetched on the other boards).
import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { HotlineFigures } from '../../server/contract/evaluation'
import type { PartySummary } from '../../server/contract/party'
import { BOARD_POLL_MS, hotlineUrl, partySummaryUrl } from '../boards/board-feeds'
import { useDetailFetch } from '../drawers/use-detail-fetch'
import { useBoardStore } from './board'
import { useFocusStore } from './focus'

export const usePartyStore = defineStore('party', () => {
  const board = useBoardStore()
  const focus = useFocusStore()
  const shown = computed(() => board.current === 'party')

  const summaryFeed = useDetailFetch<PartySummary>(() => (shown.value ? partySummaryUrl(focus.code) : null), BOARD_POLL_MS)
  const hotlineFeed = useDetailFetch<HotlineFigures>(() => (shown.value ? hotlineUrl(focus.code) : null), BOARD_POLL_MS)

  return {
    /** The focused area's party figures; null until they arrive (and after the focus moves, until the new ones do). */
    summary: summaryFeed.data,
    /** Wall-clock ms of the last good answer, for the panels' data age. */
    summaryAt: summaryFeed.fetchedAt,
    summaryError: summaryFeed.error,
    hotline: hotlineFeed.data,
    hotlineAt: hotlineFeed.fetchedAt,
    hotlineError: hotlineFeed.error,
  }
})
