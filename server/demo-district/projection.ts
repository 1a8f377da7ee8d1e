// A local equirectangular projection in metres around the study area. It is linear in lng/lat, so a
// square-metre raster maps exactly onto a lng/lat raster (what walkable.json stores).
import type { Position } from 'geojson'

const LNG0 = 119.35
const LAT0 = 26.07
const PHI = (LAT0 * Math.PI) / 180
// Metres per degree on the WGS-84 ellipsoid at LAT0 (standard series expansion).
const KY = 111132.954 - 559.822 * Math.cos(2 * PHI) + 1.175 * Math.cos(4 * PHI)
const KX = 111412.84 * Math.cos(PHI) - 93.5 * Math.cos(3 * PHI)

export type XY = [number, number]

export const metresPerDegree = { x: KX, y: KY }

export function toXY(p: Position): XY {
  return [(p[0] - LNG0) * KX, (p[1] - LAT0) * KY]
}

export function toLngLat(p: XY): [number, number] {
  return [LNG0 + p[0] / KX, LAT0 + p[1] / KY]
}

/** A raster in projected metres; cell (i, j) has index j * width + i and row 0 is the south edge. */
export interface RasterSpec {
  x0: number
  y0: number
  cell: number
  width: number
  height: number
}

export function rasterOver(minX: number, minY: number, maxX: number, maxY: number, cell: number): RasterSpec {
  // Snap the origin to whole cells so reruns over slightly different extents stay aligned.
  const x0 = Math.floor(minX / cell) * cell
  const y0 = Math.floor(minY / cell) * cell
  return {
    x0,
    y0,
    cell,
    width: Math.ceil((maxX - x0) / cell),
    height: Math.ceil((maxY - y0) / cell),
  }
}

/** Projected centre of a cell. */
export function cellCentre(spec: RasterSpec, i: number, j: number): XY {
  return [spec.x0 + (i + 0.5) * spec.cell, spec.y0 + (j + 0.5) * spec.cell]
}

/** The cell index holding a projected point, or -1 outside. */
export function cellAt(spec: RasterSpec, p: XY): number {
  const i = Math.floor((p[0] - spec.x0) / spec.cell)
  const j = Math.floor((p[1] - spec.y0) / spec.cell)
  if (i < 0 || j < 0 || i >= spec.width || j >= spec.height) return -1
  return j * spec.width + i
}
