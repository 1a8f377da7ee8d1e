// Grids (网格): neighbouring street blocks merged by greedy region growing. The lightest region (by
// area and building count) repeatedly joins the neighbour that keeps the result balanced and compact.
import type { BlockMap } from './blocks'
import type { StudyArea } from './study-area'
import { buildRegionGraph, elongation, mergeStats } from './region-graph'
import type { RegionStats } from './region-graph'
import { balanceGrids, gridCost } from './balance-grids'

// One grid should cover about this much land; the count is then held within 60–90 grids.
const TARGET_GRID_M2 = 160_000
const MIN_GRIDS = 60
const MAX_GRIDS = 90
// Cost weights: how much a stretched shape, and a short shared edge, count against a merge.
const STRETCH_WEIGHT = 0.6
const CONTACT_WEIGHT = 0.5
// In the refinement, land area matters more than the building count (OSM detail varies a lot).
const BALANCE_AREA_WEIGHT = 1
const BALANCE_BUILDING_WEIGHT = 0.4

export interface GridPlan {
  /** Grid id per cell, -1 outside the study area. */
  label: Int32Array
  count: number
}

export function groupBlocksIntoGrids(blocks: BlockMap, area: StudyArea): GridPlan {
  const graph = buildRegionGraph(blocks.label, blocks.count, area.spec, area.buildings)
  const stats = graph.stats.slice()
  const edges = graph.edges.map((m) => new Map(m))
  const totalCells = stats.reduce((n, s) => n + s.cells, 0)
  const totalBuildings = stats.reduce((n, s) => n + s.buildings, 0)
  const cellM2 = area.spec.cell * area.spec.cell
  const target = Math.min(MAX_GRIDS, Math.max(MIN_GRIDS, Math.round((totalCells * cellM2) / TARGET_GRID_M2)))
  const weight = (s: RegionStats) => (0.5 * s.cells * target) / totalCells + (0.5 * s.buildings * target) / totalBuildings

  const owner = stats.map((_, b) => b)
  const alive = new Set(owner)
  while (alive.size > target) {
    const r = lightest(alive, stats, weight)
    const n = bestNeighbour(r, stats, edges, weight)
    if (n < 0) throw new Error(`block region ${r} has no neighbour to merge with`)
    stats[r] = mergeStats(stats[r], stats[n])
    absorbEdges(edges, r, n)
    alive.delete(n)
    for (let b = 0; b < owner.length; b++) if (owner[b] === n) owner[b] = r
  }
  const weights = { area: BALANCE_AREA_WEIGHT, buildings: BALANCE_BUILDING_WEIGHT, stretch: STRETCH_WEIGHT }
  balanceGrids(owner, graph, gridCost(totalCells / target, totalBuildings / target, weights))
  return relabel(blocks.label, owner, alive)
}

function lightest(alive: Set<number>, stats: RegionStats[], weight: (s: RegionStats) => number): number {
  let best = -1
  let bestWeight = Infinity
  for (const r of alive) {
    const w = weight(stats[r])
    if (w < bestWeight) { best = r; bestWeight = w }
  }
  return best
}

function bestNeighbour(r: number, stats: RegionStats[], edges: Map<number, number>[], weight: (s: RegionStats) => number): number {
  let contactTotal = 0
  for (const len of edges[r].values()) contactTotal += len
  let best = -1
  let bestCost = Infinity
  for (const [n, len] of edges[r]) {
    const merged = mergeStats(stats[r], stats[n])
    const cost = weight(merged) + STRETCH_WEIGHT * (elongation(merged) - 1) - CONTACT_WEIGHT * (len / contactTotal)
    if (cost < bestCost || (cost === bestCost && n < best)) { best = n; bestCost = cost }
  }
  return best
}

// Region r takes over all of n's shared edges.
function absorbEdges(edges: Map<number, number>[], r: number, n: number): void {
  for (const [x, len] of edges[n]) {
    edges[x].delete(n)
    if (x === r) continue
    edges[r].set(x, (edges[r].get(x) ?? 0) + len)
    edges[x].set(r, (edges[x].get(r) ?? 0) + len)
  }
  edges[n].clear()
}

function relabel(blockLabel: Int32Array, owner: number[], alive: Set<number>): GridPlan {
  const gridOf = new Map<number, number>()
  for (const r of [...alive].sort((a, b) => a - b)) gridOf.set(r, gridOf.size)
  const label = new Int32Array(blockLabel.length).fill(-1)
  for (let k = 0; k < label.length; k++) {
    if (blockLabel[k] >= 0) label[k] = gridOf.get(owner[blockLabel[k]])!
  }
  return { label, count: gridOf.size }
}
