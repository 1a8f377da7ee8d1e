// The district-wide figures the panels chart, as the server last computed them.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { WallStats } from '../../server/contract/domain'
import type { StatsChanged } from '../../server/contract/events'
import { applyGridLoadChanges } from '../../server/contract/grid-load-changes'
import { loadBreaks } from '../map/grid-load-scale'
import { useAreasStore } from './areas'

export const useStatsStore = defineStore('stats', () => {
  const stats = shallowRef<WallStats | null>(null)
  /** Wall-clock ms when the figures arrived. */
  const receivedAt = shallowRef<number | null>(null)

  /** The whole figures (from a snapshot). */
  function set(next: WallStats): void {
    stats.value = next
    receivedAt.value = Date.now()
  }

  /** A tick's figures: the grid loads come as changes to merge (the same object when none changed, so the map does nothing). */
  function apply({ gridLoadChanges, ...rest }: StatsChanged): void {
    const before = stats.value?.gridLoad ?? {}
    const gridLoad = Object.keys(gridLoadChanges).length === 0 ? before : applyGridLoadChanges(before, gridLoadChanges)
    set({ ...rest, gridLoad })
  }

  /** Shading classes of the grid map, shared by the grid layer and its legend. */
  const gridLoadBreaks = computed(() => loadBreaks(stats.value?.gridLoad ?? {}, useAreasStore().grids.length))

  return { stats, receivedAt, gridLoadBreaks, set, apply }
})
