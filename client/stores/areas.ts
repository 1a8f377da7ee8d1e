// The area hierarchy and each area's statistics; the polygons themselves are fetched once by the
// grid layer from /api/areas.geojson.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { AreaInfo, AreaProfile, CaseCategory, WallSnapshot } from '../../server/contract/domain'

export const useAreasStore = defineStore('areas', () => {
  const district = shallowRef<{ code: string; name: string } | null>(null)
  const areas = shallowRef(new Map<string, AreaInfo>())
  const profiles = shallowRef<Record<string, AreaProfile>>({})
  const categories = shallowRef(new Map<string, CaseCategory>())

  function replaceAll(snapshot: WallSnapshot): void {
    district.value = snapshot.district
    areas.value = new Map(snapshot.areas.map((a) => [a.code, a]))
    profiles.value = snapshot.profiles
    categories.value = new Map(snapshot.categories.map((c) => [c.code, c]))
  }

  const grids = computed(() => [...areas.value.values()].filter((a) => a.level === 'grid'))
  const districtProfile = computed(() => (district.value ? profiles.value[district.value.code] : undefined))

  return { district, areas, profiles, categories, grids, districtProfile, replaceAll }
})
