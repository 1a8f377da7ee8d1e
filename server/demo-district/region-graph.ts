// Regions of a label raster as a graph: per-region size, building count and second moments (all
// additive, so merged regions are cheap to score), plus the length of every shared edge.
import type { Building } from './load-sources'
import type { RasterSpec } from './projection'

export interface RegionStats {
  cells: number
  buildings: number
  sx: number
  sy: number
  sxx: number
  syy: number
}

export interface RegionGraph {
  stats: RegionStats[]
  /** Shared edge length in cells, keyed both ways: edges[a].get(b). */
  edges: Map<number, number>[]
}

export function buildRegionGraph(label: Int32Array, count: number, spec: RasterSpec, buildings: Building[]): RegionGraph {
  const { width, height } = spec
  const stats: RegionStats[] = Array.from({ length: count }, () => ({ cells: 0, buildings: 0, sx: 0, sy: 0, sxx: 0, syy: 0 }))
  const edges: Map<number, number>[] = Array.from({ length: count }, () => new Map())
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const l = label[j * width + i]
      if (l < 0) continue
      const s = stats[l]
      s.cells++; s.sx += i; s.sy += j; s.sxx += i * i; s.syy += j * j
      if (i + 1 < width) addEdge(edges, l, label[j * width + i + 1])
      if (j + 1 < height) addEdge(edges, l, label[(j + 1) * width + i])
    }
  }
  for (const b of buildings) {
    const l = labelAt(label, spec, b.centroid)
    if (l >= 0) stats[l].buildings++
  }
  return { stats, edges }
}

function addEdge(edges: Map<number, number>[], a: number, b: number): void {
  if (b < 0 || a === b) return
  edges[a].set(b, (edges[a].get(b) ?? 0) + 1)
  edges[b].set(a, (edges[b].get(a) ?? 0) + 1)
}

export function labelAt(label: Int32Array, spec: RasterSpec, p: [number, number]): number {
  const i = Math.floor((p[0] - spec.x0) / spec.cell)
  const j = Math.floor((p[1] - spec.y0) / spec.cell)
  if (i < 0 || j < 0 || i >= spec.width || j >= spec.height) return -1
  return label[j * spec.width + i]
}

export function mergeStats(a: RegionStats, b: RegionStats): RegionStats {
  return {
    cells: a.cells + b.cells,
    buildings: a.buildings + b.buildings,
    sx: a.sx + b.sx,
    sy: a.sy + b.sy,
    sxx: a.sxx + b.sxx,
    syy: a.syy + b.syy,
  }
}

/** Polar moment of inertia relative to a disc of the same area: 1 for a disc, larger when stretched. */
export function elongation(s: RegionStats): number {
  const mx = s.sx / s.cells
  const my = s.sy / s.cells
  const inertia = s.sxx / s.cells - mx * mx + s.syy / s.cells - my * my
  return (2 * Math.PI * inertia) / s.cells
}

export function subtractStats(a: RegionStats, b: RegionStats): RegionStats {
  return {
    cells: a.cells - b.cells,
    buildings: a.buildings - b.buildings,
    sx: a.sx - b.sx,
    sy: a.sy - b.sy,
    sxx: a.sxx - b.sxx,
    syy: a.syy - b.syy,
  }
}
