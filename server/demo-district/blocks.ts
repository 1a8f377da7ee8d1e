// Street blocks: buildings closer than a street's width form one block. Every cell of the study area
// then goes to its nearest block (a discrete Voronoi), so block edges run midway along the streets.
import type { Building } from './load-sources'
import type { StudyArea } from './study-area'
import { rasterisePolygon } from './rasterise'
import { dilate, featureTransform } from './distance-transform'
import { labelComponents, makeContiguous } from './components'

// Buildings less than this far apart share a block: narrower gaps are lanes inside a compound. Blocks
// still too large for a grid are split again along successively narrower lanes.
const LANE_WIDTHS_M = [14, 9, 5, 0]
const MAX_BLOCK_M2 = 100_000
// Cells this close to a building belong to its block, so no block edge passes nearer than this.
const BUILDING_CLEARANCE_M = 1

export interface BlockMap {
  /** Block id per cell of the study area, -1 outside. */
  label: Int32Array
  count: number
}

export function findBlocks(area: StudyArea): BlockMap {
  const built = buildingMask(area.buildings, area)
  const all: number[] = []
  for (let k = 0; k < area.mask.length; k++) if (area.mask[k]) all.push(k)
  const label = new Int32Array(area.mask.length).fill(-1)
  const maxCells = MAX_BLOCK_M2 / (area.spec.cell * area.spec.cell)
  let count = 0
  // Depth-first over (cells, lane width); a region that will not split is kept as one block.
  const stack: { cells: number[], level: number }[] = [{ cells: all, level: 0 }]
  while (stack.length) {
    const { cells, level } = stack.pop()!
    const parts = splitRegion(cells, built, area, LANE_WIDTHS_M[level])
    for (const part of parts) {
      if (part.length > maxCells && level + 1 < LANE_WIDTHS_M.length) {
        stack.push({ cells: part, level: level + 1 })
      } else {
        for (const k of part) label[k] = count
        count++
      }
    }
  }
  makeContiguous(label, area.spec.width, area.spec.height)
  return { label, count }
}

/** Splits a region into its blocks at one lane width: each cell joins its nearest building group. */
function splitRegion(cells: number[], built: Uint8Array, area: StudyArea, laneM: number): number[][] {
  const { width } = area.spec
  let i0 = Infinity, j0 = Infinity, i1 = -1, j1 = -1
  for (const k of cells) {
    const i = k % width
    const j = (k - i) / width
    i0 = Math.min(i0, i); i1 = Math.max(i1, i); j0 = Math.min(j0, j); j1 = Math.max(j1, j)
  }
  const w = i1 - i0 + 1
  const h = j1 - j0 + 1
  const toLocal = (k: number) => (Math.floor(k / width) - j0) * w + (k % width) - i0
  const inside = new Uint8Array(w * h)
  const seeds = new Uint8Array(w * h)
  for (const k of cells) {
    inside[toLocal(k)] = 1
    seeds[toLocal(k)] = built[k]
  }
  const grown = laneM > 0 ? dilate(seeds, w, h, laneM / 2 / area.spec.cell) : seeds
  for (let q = 0; q < grown.length; q++) grown[q] &= inside[q]
  const groups = labelComponents(w, h, (q) => grown[q] === 1)
  if (groups.sizes.length <= 1) return [cells]
  const { nearest } = featureTransform(grown, w, h)
  const parts: number[][] = groups.sizes.map(() => [])
  for (const k of cells) parts[groups.id[nearest[toLocal(k)]]].push(k)
  return parts
}

function buildingMask(buildings: Building[], area: StudyArea): Uint8Array {
  const out = new Uint8Array(area.mask.length)
  for (const b of buildings) {
    for (const rings of b.polygons) rasterisePolygon(area.spec, rings, BUILDING_CLEARANCE_M, (k) => { out[k] = 1 })
  }
  return out
}
