// The area hierarchy and each area's statistics; the polygons themselves are fetched once by the
// grid layer from /api/areas.geojson.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { AreaInfo, AreaProfile, CaseCategory, WallSnapshot } from '../../server/contract/domain'
import { localizeCategory } from '../i18n/category-names'

export const useAreasStore = defineStore('areas', () => {
  const district = shallowRef<{ code: string; name: string } | null>(null)
  const areas = shallowRef(new Map<string, AreaInfo>())
  const profiles = shallowRef<Record<string, AreaProfile>>({})
  const categories = shallowRef(new Map<string, CaseCategory>())
  /** Area polygons by code, once the map has fetched them. */
  const geometries = shallowRef(new Map<string, Polygon | MultiPolygon>())

  function setGeometries(fc: FeatureCollection<Polygon | MultiPolygon, { code: string }>): void {
    geometries.value = new Map(fc.features.map((f) => [f.properties.code, f.geometry]))
  }

  function replaceAll(snapshot: WallSnapshot): void {
    district.value = snapshot.district
    areas.value = new Map(snapshot.areas.map((a) => [a.code, a]))
    profiles.value = snapshot.profiles
    // The wall's language is fixed for the page (switched by URL), so names are translated once here.
    categories.value = new Map(snapshot.categories.map((c) => [c.code, localizeCategory(c, document.documentElement.lang)]))
  }

  const grids = computed(() => [...areas.value.values()].filter((a) => a.level === 'grid'))
  const children = computed(() => {
    const map = new Map<string, AreaInfo[]>()
    for (const a of areas.value.values()) if (a.parentCode) map.set(a.parentCode, [...(map.get(a.parentCode) ?? []), a])
    return map
  })

  /** Every grid code at or below an area. */
  function gridsUnder(code: string): Set<string> {
    const out = new Set<string>()
    const visit = (c: string) => {
      if (areas.value.get(c)?.level === 'grid') out.add(c)
      for (const child of children.value.get(c) ?? []) visit(child.code)
    }
    visit(code)
    return out
  }

  /** The areas from the district down to `code`, inclusive. */
  function pathTo(code: string): AreaInfo[] {
    const path: AreaInfo[] = []
    for (let a = areas.value.get(code); a; a = a.parentCode ? areas.value.get(a.parentCode) : undefined) path.unshift(a)
    return path
  }
  const districtProfile = computed(() => (district.value ? profiles.value[district.value.code] : undefined))

  return { district, areas, profiles, categories, geometries, grids, children, districtProfile, gridsUnder, pathTo, replaceAll, setGeometries }
})
