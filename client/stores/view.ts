// What the panels show: the focused area's figures when the wall is focused (and they have
// arrived), the district's otherwise. Panels read this store, never the district one directly.
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useAreasStore } from './areas'
import { useFocusStore } from './focus'
import { useStatsStore } from './stats'

export const useViewStore = defineStore('view', () => {
  const areas = useAreasStore()
  const focus = useFocusStore()
  const district = useStatsStore()

  const focused = computed(() => focus.code != null && focus.detail?.code === focus.code)
  const stats = computed(() => (focused.value ? focus.detail!.stats : district.stats))
  const receivedAt = computed(() => (focused.value ? focus.receivedAt : district.receivedAt))
  const areaCode = computed(() => focus.code ?? areas.district?.code ?? null)
  const area = computed(() => (areaCode.value ? areas.areas.get(areaCode.value) : undefined))
  const profile = computed(() => (areaCode.value ? areas.profiles[areaCode.value] : undefined))
  /** The grid codes in view, or null for the whole district. */
  const gridCodes = computed(() => (focus.code == null ? null : areas.gridsUnder(focus.code)))

  return { stats, receivedAt, area, areaCode, profile, gridCodes }
})
