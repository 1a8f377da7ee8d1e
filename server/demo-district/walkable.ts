// The walkability raster for the simulator (format: see server/simulator/walkable-raster.ts).
// A cell is walkable only if it is inside the study area and its whole square keeps CLEARANCE_M from
// every building, so any straight line through walkable cells stays clear of the footprints.
import type { Building } from './load-sources'
import { rasterOver, metresPerDegree, toLngLat } from './projection'
import type { XY } from './projection'
import { fillCentres, rasterisePolygon } from './rasterise'
import { labelComponents } from './components'

export const WALK_CELL_M = 3
const CLEARANCE_M = 2

export interface WalkableJson {
  originLng: number
  originLat: number
  cellLng: number
  cellLat: number
  width: number
  height: number
  /** base64 of a row-major bitset, cell k at byte k >> 3, bit k & 7 (LSB first); 1 = blocked. */
  blocked: string
}

export interface WalkableResult {
  json: WalkableJson
  walkableCells: number
  /** Walkable cells dropped because no street connects them to the rest. */
  pocketCells: number
}

/** `area`: the study area as polygons → rings → projected points. */
export function buildWalkable(area: XY[][][], buildings: Building[]): WalkableResult {
  const points = area.flat(2)
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const spec = rasterOver(Math.min(...xs) - WALK_CELL_M, Math.min(...ys) - WALK_CELL_M,
    Math.max(...xs) + WALK_CELL_M, Math.max(...ys) + WALK_CELL_M, WALK_CELL_M)
  const blocked = new Uint8Array(spec.width * spec.height).fill(1)
  for (const rings of area) fillCentres(spec, rings, (k) => { blocked[k] = 0 })
  for (const b of buildings) {
    for (const rings of b.polygons) rasterisePolygon(spec, rings, CLEARANCE_M, (k) => { blocked[k] = 1 })
  }
  const pocketCells = dropPockets(blocked, spec.width, spec.height)
  const [originLng, originLat] = toLngLat([spec.x0, spec.y0])
  const json: WalkableJson = {
    originLng,
    originLat,
    cellLng: WALK_CELL_M / metresPerDegree.x,
    cellLat: WALK_CELL_M / metresPerDegree.y,
    width: spec.width,
    height: spec.height,
    blocked: encodeBits(blocked),
  }
  const walkableCells = blocked.reduce((n, v) => n + (v ? 0 : 1), 0)
  return { json, walkableCells, pocketCells }
}

// Courtyards sealed off by buildings would strand an inspector: only the largest street network stays.
function dropPockets(blocked: Uint8Array, width: number, height: number): number {
  const { id, sizes } = labelComponents(width, height, (k) => blocked[k] === 0)
  const main = sizes.indexOf(Math.max(...sizes))
  let dropped = 0
  for (let k = 0; k < blocked.length; k++) {
    if (id[k] >= 0 && id[k] !== main) { blocked[k] = 1; dropped++ }
  }
  return dropped
}

function encodeBits(cells: Uint8Array): string {
  const bytes = new Uint8Array(Math.ceil(cells.length / 8))
  for (let k = 0; k < cells.length; k++) if (cells[k]) bytes[k >> 3] |= 1 << (k & 7)
  return Buffer.from(bytes).toString('base64')
}
