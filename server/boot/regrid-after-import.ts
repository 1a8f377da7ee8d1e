// After an import replaces the areas, everything that names a grid must name one that exists:
// inspectors go to the grid they stand in (or the nearest one), open cases to the grid their point
// lies in. Without this the simulator walked and reported in grids that no longer existed. Pure:
// the caller stores the plan, then applies it.
import type { LngLat } from '../contract/domain'
import type { AreaInfo } from '../contract/domain'
import type { AreaTree } from '../domain/area-tree'
import type { District } from '../domain/district'
import { metresBetween } from '../domain/geo-math'

export interface RegridPlan {
  /** inspector id → new grid code */
  inspectors: Map<number, string>
  /** case id → new grid code (cases outside every new grid keep their code and count for the district only) */
  cases: Map<string, string>
}

export function planRegrid(district: District, newTree: AreaTree): RegridPlan {
  const plan: RegridPlan = { inspectors: new Map(), cases: new Map() }
  const grids = newTree.allGrids()
  if (grids.length === 0) return plan
  const isGrid = (code: string) => newTree.get(code)?.level === 'grid'
  for (const info of district.inspectors.allInfos()) {
    if (isGrid(info.gridCode)) continue
    const live = district.inspectors.markerOf(info.id)
    const where: LngLat = live ? [live.lng, live.lat] : district.tree.get(info.gridCode)?.center ?? newTree.root.center
    plan.inspectors.set(info.id, (newTree.locateGrid(where) ?? nearest(grids, where)).code)
  }
  for (const record of district.cases.open()) {
    // A case not placed yet (待定位) stays under the district; an operator places it later.
    if (isGrid(record.gridCode) || record.lng == null || record.lat == null) continue
    const grid = newTree.locateGrid([record.lng, record.lat])
    if (grid) plan.cases.set(record.id, grid.code)
  }
  return plan
}

function nearest(grids: readonly AreaInfo[], point: LngLat): AreaInfo {
  let best = grids[0]
  let bestMetres = Infinity
  for (const grid of grids) {
    const metres = metresBetween(point, grid.center)
    if (metres < bestMetres) [best, bestMetres] = [grid, metres]
  }
  return best
}
