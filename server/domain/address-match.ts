// Where a case reported by address only probably is: a landmark the address names (a metro station:
// a point, and the grid it lies in), else the most specific area whose name it mentions (a grid's
// "茶会社区第3网格", a community's "茶会社区", a street's "鼓山镇"). Offline there is no geocoder;
// this only suggests, and an operator places the case (locate).
import type { AreaInfo, LngLat } from '../contract/domain'
import type { AreaTree } from './area-tree'

/** A named place with a point (server/areas/load-landmarks.ts). */
export interface Landmark {
  name: string
  point: LngLat
}

export interface AddressSuggestion {
  area: AreaInfo
  /** The landmark the address names, and its point: a place to put the case. */
  landmark: Landmark | null
}

const DEPTH: Record<AreaInfo['level'], number> = { district: 0, street: 1, community: 2, grid: 3 }

/** Common suffixes a caller leaves out: "茶会社区" is also said "茶会", "鼓山镇" "鼓山". */
const SUFFIXES = ['社区居民委员会', '居民委员会', '社区', '街道办事处', '街道', '镇', '乡', '村委会', '村']

function namesOf(area: AreaInfo): string[] {
  const names = [area.name]
  for (const suffix of SUFFIXES) {
    if (area.level !== 'grid' && area.name.endsWith(suffix) && area.name.length - suffix.length >= 2) names.push(area.name.slice(0, -suffix.length))
  }
  return names
}

/** A landmark's point pins it down more than any area name: it wins when it lies in a grid. */
export function suggestPlace(tree: AreaTree, address: string | null, landmarks: readonly Landmark[] = []): AddressSuggestion | null {
  if (!address) return null
  const named = landmarks.filter((l) => address.includes(l.name)).sort((a, b) => b.name.length - a.name.length)
  for (const landmark of named) {
    const grid = tree.locateGrid(landmark.point)
    if (grid) return { area: grid, landmark }
  }
  const area = suggestArea(tree, address)
  return area && { area, landmark: null }
}

export function suggestArea(tree: AreaTree, address: string | null): AreaInfo | null {
  if (!address) return null
  let best: { area: AreaInfo; depth: number; length: number } | null = null
  for (const area of tree.all()) {
    if (area.level === 'district') continue
    const matched = namesOf(area).filter((n) => address.includes(n)).sort((a, b) => b.length - a.length)[0]
    if (!matched) continue
    const depth = DEPTH[area.level]
    if (!best || depth > best.depth || (depth === best.depth && matched.length > best.length)) best = { area, depth, length: matched.length }
  }
  return best?.area ?? null
}
