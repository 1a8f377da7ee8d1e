// The 综合评价 board's figures: the focused area's scores and rankings, and the indicators'
// definitions (names and formulas in both languages, fetched once), polled while the board is up.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { EvaluationReport, IndicatorDefinition, IndicatorId } from '../../server/contract/evaluation'
import { BOARD_POLL_MS, evaluationUrl, indicatorsUrl } from '../boards/board-feeds'
import { useDetailFetch } from '../drawers/use-detail-fetch'
import { useBoardStore } from './board'
import { useFocusStore } from './focus'

export const useEvaluationStore = defineStore('evaluation', () => {
  const board = useBoardStore()
  const focus = useFocusStore()
  const shown = computed(() => board.current === 'ranking')

  const reportFeed = useDetailFetch<EvaluationReport>(() => (shown.value ? evaluationUrl(focus.code) : null), BOARD_POLL_MS)
  // Definitions do not change while the server runs: asked once the board first opens, then kept.
  const opened = ref(false)
  watch(shown, (now) => { if (now) opened.value = true }, { immediate: true })
  const definitionsFeed = useDetailFetch<IndicatorDefinition[]>(() => (opened.value ? indicatorsUrl : null))
  const definitions = computed(() => new Map<IndicatorId, IndicatorDefinition>((definitionsFeed.data.value ?? []).map((d) => [d.id, d])))

  return {
    /** The focused area's report; null until it arrives. */
    report: reportFeed.data,
    reportAt: reportFeed.fetchedAt,
    reportError: reportFeed.error,
    /** By indicator id; empty until fetched. */
    definitions,
  }
})
