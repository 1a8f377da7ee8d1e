// Streets and communities over the grids. Their boundaries are synthesised (no open data has them),
// but their names and codes are the real 2023 statistical codes of 岳峰镇 and 鼓山镇.
import type { Building, CommunityCode } from './load-sources'
import type { RasterSpec } from './projection'
import { buildRegionGraph } from './region-graph'
import { bestCut, partition } from './partition'
import type { GridNode } from './partition'

// West to east, as the two towns lie in 晋安区.
const STREETS = [{ code: '350111102' }, { code: '350111100' }]
const MIN_GRIDS_PER_COMMUNITY = 4
const MAX_GRIDS_PER_COMMUNITY = 8
const TYPICAL_GRIDS_PER_COMMUNITY = 4.5

export interface CommunityPlan {
  code: string
  name: string
  /** Grid indices, in the order of their sequence numbers. */
  grids: number[]
}

export interface StreetPlan {
  code: string
  name: string
  communities: CommunityPlan[]
}

export function planHierarchy(nodes: GridNode[], codes: CommunityCode[], townships: Map<string, string>): StreetPlan[] {
  const halves = splitWestEast(nodes)
  return STREETS.map(({ code }, s) => {
    const members = halves[s]
    const count = communityCount(members.length)
    const groups = partition(nodes, members, count, MIN_GRIDS_PER_COMMUNITY, MAX_GRIDS_PER_COMMUNITY)
    const available = realCommunities(codes, code)
    if (available.length < groups.length) throw new Error(`street ${code} has only ${available.length} communities`)
    const ordered = groups.map((g) => readingOrder(nodes, g)).sort((a, b) => compareNodes(nodes, a[0], b[0]))
    return {
      code,
      name: townships.get(code) ?? code,
      communities: ordered.map((grids, k) => ({ code: available[k].code, name: displayName(available[k].name), grids })),
    }
  })
}

// The western street is grown from the west edge; the split lands near the middle, wherever both
// halves stay in one piece.
function splitWestEast(nodes: GridNode[]): number[][] {
  const all = nodes.map((_, k) => k)
  const half = Math.round(all.length / 2)
  for (let offset = 0; offset < half; offset++) {
    for (const size of [half - offset, half + offset]) {
      const west = bestCut(nodes, all, size, [0])
      if (west) return [west, all.filter((k) => !west.includes(k))]
    }
  }
  throw new Error('cannot split the grids into two contiguous streets')
}

function communityCount(grids: number): number {
  const count = Math.round(grids / TYPICAL_GRIDS_PER_COMMUNITY)
  return Math.min(Math.floor(grids / MIN_GRIDS_PER_COMMUNITY), Math.max(Math.ceil(grids / MAX_GRIDS_PER_COMMUNITY), count))
}

/** The street's communities in code order, 社区 (urban) before 村委会 (village) entries. */
function realCommunities(codes: CommunityCode[], streetCode: string): CommunityCode[] {
  const mine = codes.filter((c) => c.streetCode === streetCode).sort((a, b) => a.code.localeCompare(b.code))
  return [...mine.filter((c) => c.name.includes('社区')), ...mine.filter((c) => !c.name.includes('社区'))]
}

/** "连洋社区居委会" → "连洋社区", "前屿村委会" → "前屿村". */
export function displayName(official: string): string {
  return official
    .replace(/(社区)?(居民委员会|居委会|委员会)$/, '社区')
    .replace(/村(民)?委(员)?会$/, '村')
}

// North to south in bands of 300 m, west to east within a band (node positions are in metres).
function readingOrder(nodes: GridNode[], grids: number[]): number[] {
  return [...grids].sort((a, b) => compareNodes(nodes, a, b))
}

const BAND_M = 300

function compareNodes(nodes: GridNode[], a: number, b: number): number {
  const bandA = Math.floor(-nodes[a].y / BAND_M)
  const bandB = Math.floor(-nodes[b].y / BAND_M)
  return bandA - bandB || nodes[a].x - nodes[b].x
}

/** Grid graph nodes: centroid in projected metres and shared edge lengths. */
export function gridNodes(label: Int32Array, count: number, spec: RasterSpec, buildings: Building[]): GridNode[] {
  const { stats, edges } = buildRegionGraph(label, count, spec, buildings)
  return stats.map((s, g) => ({
    x: spec.x0 + (s.sx / s.cells + 0.5) * spec.cell,
    y: spec.y0 + (s.sy / s.cells + 0.5) * spec.cell,
    neighbours: edges[g],
  }))
}
