// Where a case reported by address only probably is: the most specific area whose name the address
// mentions (a grid's "茶会社区第3网格", a community's "茶会社区", a street's "鼓山镇"). Offline there
// is no geocoder; this only suggests, and an operator places the case (locate).
import type { AreaInfo } from '../contract/domain'
import type { AreaTree } from './area-tree'

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
