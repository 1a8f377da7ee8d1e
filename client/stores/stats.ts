// The district-wide figures the panels chart, as the server last computed them.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { WallStats } from '../../server/contract/domain'
import { loadBreaks } from '../map/grid-load-scale'
import { useAreasStore } from './areas'

export const useStatsStore = defineStore('stats', () => {
  const stats = shallowRef<WallStats | null>(null)
  /** Wall-clock ms when the figures arrived. */
  const receivedAt = shallowRef<number | null>(null)

  function set(next: WallStats): void {
    stats.value = next
    receivedAt.value = Date.now()
  }

  /** Shading classes of the grid map, shared by the grid layer and its legend. */
  const gridLoadBreaks = computed(() => loadBreaks(stats.value?.gridLoad ?? {}, useAreasStore().grids.length))

  return { stats, receivedAt, gridLoadBreaks, set }
})
