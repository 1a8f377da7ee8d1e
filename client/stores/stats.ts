// The district-wide figures the panels chart, as the server last computed them.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { WallStats } from '../../server/contract/domain'

export const useStatsStore = defineStore('stats', () => {
  const stats = shallowRef<WallStats | null>(null)
  /** Wall-clock ms when the figures arrived. */
  const receivedAt = shallowRef<number | null>(null)

  function set(next: WallStats): void {
    stats.value = next
    receivedAt.value = Date.now()
  }

  return { stats, receivedAt, set }
})
