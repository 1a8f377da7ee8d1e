// Local refinement after region growing: move single border blocks to a neighbouring grid whenever
// that evens out sizes and shapes, as long as the grid they leave stays in one piece.
import type { RegionGraph, RegionStats } from './region-graph'
import { elongation, mergeStats, subtractStats } from './region-graph'

const MAX_PASSES = 40

export type GridCost = (s: RegionStats) => number

/** `owner[block]` = grid id; updated in place. */
export function balanceGrids(owner: number[], blocks: RegionGraph, cost: GridCost): void {
  const grids = new Map<number, RegionStats>()
  blocks.stats.forEach((s, b) => {
    const g = grids.get(owner[b])
    grids.set(owner[b], g ? mergeStats(g, s) : s)
  })
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = 0
    for (let b = 0; b < owner.length; b++) {
      const to = bestMove(b, owner, blocks, grids, cost)
      if (to < 0) continue
      const from = owner[b]
      grids.set(from, subtractStats(grids.get(from)!, blocks.stats[b]))
      grids.set(to, mergeStats(grids.get(to)!, blocks.stats[b]))
      owner[b] = to
      moved++
    }
    if (moved === 0) return
  }
}

function bestMove(b: number, owner: number[], blocks: RegionGraph, grids: Map<number, RegionStats>, cost: GridCost): number {
  const from = owner[b]
  const source = grids.get(from)!
  if (source.cells === blocks.stats[b].cells) return -1
  const left = subtractStats(source, blocks.stats[b])
  const before = cost(source)
  let best = -1
  let bestGain = 1e-9
  for (const n of blocks.edges[b].keys()) {
    const to = owner[n]
    if (to === from || to === best) continue
    const target = grids.get(to)!
    const gain = before + cost(target) - cost(left) - cost(mergeStats(target, blocks.stats[b]))
    if (gain > bestGain) { best = to; bestGain = gain }
  }
  if (best >= 0 && !staysConnected(b, owner, blocks)) return -1
  return best
}

// Is the block's grid still one piece without it?
function staysConnected(b: number, owner: number[], blocks: RegionGraph): boolean {
  const g = owner[b]
  const members: number[] = []
  for (let k = 0; k < owner.length; k++) if (owner[k] === g && k !== b) members.push(k)
  const seen = new Set([members[0]])
  const queue = [members[0]]
  while (queue.length) {
    const k = queue.pop()!
    for (const n of blocks.edges[k].keys()) {
      if (n === b || owner[n] !== g || seen.has(n)) continue
      seen.add(n)
      queue.push(n)
    }
  }
  return seen.size === members.length
}

/** The grid cost both stages minimise: size off target, building count off target, and stretch. */
export function gridCost(meanCells: number, meanBuildings: number, weights: { area: number, buildings: number, stretch: number }): GridCost {
  return (s) => weights.area * (s.cells / meanCells - 1) ** 2
    + weights.buildings * (s.buildings / meanBuildings - 1) ** 2
    + weights.stretch * (elongation(s) - 1)
}
