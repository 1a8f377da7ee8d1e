// The case the open drawer shows, fetched once by CaseDrawer and read by PresenceLayer on the map.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { CaseDetail } from '../../server/contract/detail'

export const useCaseDetailStore = defineStore('caseDetail', () => {
  /** null while no case drawer is open, or its case has not loaded (or does not exist). */
  const detail = shallowRef<CaseDetail | null>(null)

  function set(next: CaseDetail | null): void {
    detail.value = next
  }

  return { detail, set }
})
