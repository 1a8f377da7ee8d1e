// Conservative polygon rasterisation: a cell is hit when its square comes within `clearance` metres of
// the polygon, so even slivers thinner than a cell are never missed (the simulator relies on that).
import type { RasterSpec, XY } from './projection'

type Visit = (index: number) => void

/** Cells whose centre lies inside the polygon (even-odd over all rings, so holes stay empty). */
export function fillCentres(spec: RasterSpec, rings: XY[][], visit: Visit): void {
  let minY = Infinity
  let maxY = -Infinity
  for (const ring of rings) for (const p of ring) { minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]) }
  const j0 = Math.max(0, Math.ceil((minY - spec.y0) / spec.cell - 0.5))
  const j1 = Math.min(spec.height - 1, Math.floor((maxY - spec.y0) / spec.cell - 0.5))
  for (let j = j0; j <= j1; j++) {
    const y = spec.y0 + (j + 0.5) * spec.cell
    const xs = crossings(rings, y)
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const i0 = Math.max(0, Math.ceil((xs[k] - spec.x0) / spec.cell - 0.5))
      const i1 = Math.min(spec.width - 1, Math.ceil((xs[k + 1] - spec.x0) / spec.cell - 0.5) - 1)
      for (let i = i0; i <= i1; i++) visit(j * spec.width + i)
    }
  }
}

function crossings(rings: XY[][], y: number): number[] {
  const xs: number[] = []
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [ax, ay] = ring[k]
      const [bx, by] = ring[k + 1]
      // Half-open rule so a vertex exactly on the scanline is counted once.
      if ((ay <= y) !== (by <= y)) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax))
    }
  }
  return xs.sort((a, b) => a - b)
}

/** Cells whose square lies within `clearance` of the segment a–b. */
export function cellsNearSegment(spec: RasterSpec, a: XY, b: XY, clearance: number, visit: Visit): void {
  const c = spec.cell
  const i0 = Math.max(0, Math.floor((Math.min(a[0], b[0]) - clearance - spec.x0) / c))
  const i1 = Math.min(spec.width - 1, Math.floor((Math.max(a[0], b[0]) + clearance - spec.x0) / c))
  const j0 = Math.max(0, Math.floor((Math.min(a[1], b[1]) - clearance - spec.y0) / c))
  const j1 = Math.min(spec.height - 1, Math.floor((Math.max(a[1], b[1]) + clearance - spec.y0) / c))
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const bx = spec.x0 + i * c
      const by = spec.y0 + j * c
      if (segmentBoxDistance(a, b, bx, by, bx + c, by + c) <= clearance) visit(j * spec.width + i)
    }
  }
}

/** Everything a polygon covers or comes within `clearance` of. */
export function rasterisePolygon(spec: RasterSpec, rings: XY[][], clearance: number, visit: Visit): void {
  fillCentres(spec, rings, visit)
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) cellsNearSegment(spec, ring[k], ring[k + 1], clearance, visit)
  }
}

function segmentBoxDistance(a: XY, b: XY, x0: number, y0: number, x1: number, y1: number): number {
  if (segmentHitsBox(a, b, x0, y0, x1, y1)) return 0
  const corners: XY[] = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]
  let best = Math.min(pointBoxDistance(a, x0, y0, x1, y1), pointBoxDistance(b, x0, y0, x1, y1))
  for (const p of corners) best = Math.min(best, pointSegmentDistance(p, a, b))
  return best
}

function pointBoxDistance(p: XY, x0: number, y0: number, x1: number, y1: number): number {
  const dx = Math.max(x0 - p[0], 0, p[0] - x1)
  const dy = Math.max(y0 - p[1], 0, p[1] - y1)
  return Math.hypot(dx, dy)
}

export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

// Liang–Barsky clipping: does any part of the segment fall inside the box?
function segmentHitsBox(a: XY, b: XY, x0: number, y0: number, x1: number, y1: number): boolean {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}
