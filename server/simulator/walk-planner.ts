// Street-following walks on the walkability raster: A* over cells (8 neighbours, no corner cutting),
// then string pulling so a route is a few straight legs, each checked cell by cell.
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { LngLat, WalkableRaster } from './walkable-raster'
import { clearanceMap, fromCellXY, toCellXY, walkableComponents } from './walkable-raster'

export interface WalkPlanner {
  /** A walkable path from `from` to `to` (both snapped to the nearest walkable cell), as few vertices as possible; every straight segment between consecutive vertices is walkable along its whole length. null if unreachable. */
  route(from: LngLat, to: LngLat): LngLat[] | null
  /** A random walkable point inside the polygon (rng returns [0,1)). */
  randomWalkablePoint(area: Polygon | MultiPolygon, rng: () => number): LngLat
  /** The nearest walkable point. */
  snap(p: LngLat): LngLat
}

// Clearance is counted in cells from the nearest blocked cell, up to this cap.
const CLEARANCE_CAP = 4
// Extra step cost by clearance: people keep to the middle of a street, not brush along the walls.
const NEAR_WALL_COST = [Infinity, 0.6, 0.25, 0.08, 0]
// A snapped point sits this far (in cells) inside its cell, so rounding cannot tip it out.
const INSET = 0.02
const RANDOM_TRIES = 200
// Ray steps closer than this to a cell corner count as passing through the corner.
const TIE = 1e-9
// Bends smaller than this (metres) are dropped from a route.
const STRAIGHT_TOLERANCE = 2.5
const STEPS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]

export function createWalkPlanner(raster: WalkableRaster): WalkPlanner {
  const { width: W, height: H, blocked } = raster
  const midLat = ((raster.originLat + (raster.height / 2) * raster.cellLat) * Math.PI) / 180
  const mx = raster.cellLng * 111_320 * Math.cos(midLat)
  const my = raster.cellLat * 110_574
  const clearance = clearanceMap(raster, CLEARANCE_CAP)
  const component = walkableComponents(raster)
  const astar = createAStar(raster, clearance, mx, my)
  const free = (i: number, j: number, need: number) => i >= 0 && j >= 0 && i < W && j < H && clearance[j * W + i] >= need

  // Walks every cell the segment touches (through a corner: both side cells too).
  function clearLine(a: [number, number], b: [number, number], need: number): boolean {
    let i = Math.floor(a[0])
    let j = Math.floor(a[1])
    const ie = Math.floor(b[0])
    const je = Math.floor(b[1])
    if (!free(i, j, need) || !free(ie, je, need)) return false
    const dx = b[0] - a[0]
    const dy = b[1] - a[1]
    const si = Math.sign(dx)
    const sj = Math.sign(dy)
    const tdx = si ? 1 / Math.abs(dx) : Infinity
    const tdy = sj ? 1 / Math.abs(dy) : Infinity
    let tx = si > 0 ? (i + 1 - a[0]) * tdx : si < 0 ? (a[0] - i) * tdx : Infinity
    let ty = sj > 0 ? (j + 1 - a[1]) * tdy : sj < 0 ? (a[1] - j) * tdy : Infinity
    for (let left = Math.abs(ie - i) + Math.abs(je - j); left > 0;) {
      // Within rounding of a corner counts as through it, so neither side cell is skipped.
      if (tx < ty - TIE) { i += si; tx += tdx; left-- }
      else if (ty < tx - TIE) { j += sj; ty += tdy; left-- }
      else {
        if (!free(i + si, j, need) || !free(i, j + sj, need)) return false
        i += si; j += sj; tx += tdx; ty += tdy; left -= 2
      }
      if (!free(i, j, need)) return false
    }
    return true
  }

  // The nearest walkable point in cell units, its cell and as lng/lat (the input itself if walkable).
  function snapCell(p: LngLat): { xy: [number, number], k: number, p: LngLat } {
    const [x, y] = toCellXY(raster, p)
    const i0 = clamp(Math.floor(x), 0, W - 1)
    const j0 = clamp(Math.floor(y), 0, H - 1)
    if (x >= 0 && y >= 0 && x < W && y < H && !blocked[j0 * W + i0]) return { xy: [x, y], k: j0 * W + i0, p: [p[0], p[1]] }
    let best = -1
    let bestD = Infinity
    const distTo = (i: number, j: number) => Math.hypot(mx * gap(x, i), my * gap(y, j))
    for (let r = 0; r < W + H && (r - 1) * Math.min(mx, my) <= bestD; r++) {
      for (let j = j0 - r; j <= j0 + r; j++) {
        const step = j === j0 - r || j === j0 + r ? 1 : 2 * r
        for (let i = i0 - r; i <= i0 + r; i += step) {
          if (i < 0 || j < 0 || i >= W || j >= H || blocked[j * W + i]) continue
          const d = distTo(i, j)
          if (d < bestD) { best = j * W + i; bestD = d }
        }
      }
    }
    if (best < 0) return { xy: [x, y], k: -1, p: [p[0], p[1]] }
    const bi = best % W
    const bj = (best - bi) / W
    const xy: [number, number] = [clamp(x, bi + INSET, bi + 1 - INSET), clamp(y, bj + INSET, bj + 1 - INSET)]
    return { xy, k: best, p: fromCellXY(raster, xy[0], xy[1]) }
  }

  function route(from: LngLat, to: LngLat): LngLat[] | null {
    const a = snapCell(from)
    const b = snapCell(to)
    if (a.k < 0 || b.k < 0 || component[a.k] !== component[b.k]) return null
    if (clearLine(a.xy, b.xy, 1)) return [a.p, b.p]
    const cells = astar(a.k, b.k)
    if (!cells) return null
    const points = cells.map((k): [number, number] => [(k % W) + 0.5, Math.floor(k / W) + 0.5])
    points[0] = a.xy
    points[points.length - 1] = b.xy
    const legs = pull(points, cells)
    // Interior vertices are cell centres; the ends stay exactly the (snapped) inputs.
    return [a.p, ...legs.slice(1, -1).map((p) => fromCellXY(raster, p[0], p[1])), b.p]
  }

  // Greedy string pulling: keep going straight while the line is clear and at most one cell closer
  // to the walls than the A* path itself went over that stretch.
  function pull(points: [number, number][], cells: number[]): [number, number][] {
    const out = [points[0]]
    let anchor = 0
    let least = clearance[cells[0]]
    for (let k = 1; k < points.length; k++) {
      least = Math.min(least, clearance[cells[k]])
      if (k === anchor + 1 || clearLine(points[anchor], points[k], Math.max(1, least - 1))) continue
      anchor = k - 1
      out.push(points[anchor])
      least = Math.min(clearance[cells[anchor]], clearance[cells[k]])
    }
    out.push(points[points.length - 1])
    return dropNearlyStraight(out)
  }

  // A vertex that bends the line by only a metre or two is raster noise: go straight if that is clear.
  function dropNearlyStraight(points: [number, number][]): [number, number][] {
    const out = [points[0]]
    for (let k = 1; k + 1 < points.length; k++) {
      const prev = out[out.length - 1]
      const next = points[k + 1]
      if (offLine(points[k], prev, next) < STRAIGHT_TOLERANCE && clearLine(prev, next, 1)) continue
      out.push(points[k])
    }
    out.push(points[points.length - 1])
    return out
  }

  // Distance in metres from p to the segment a–b (all in cell units).
  function offLine(p: [number, number], a: [number, number], b: [number, number]): number {
    const ax = a[0] * mx, ay = a[1] * my
    const dx = b[0] * mx - ax, dy = b[1] * my - ay
    const len2 = dx * dx + dy * dy
    const t = len2 ? clamp(((p[0] * mx - ax) * dx + (p[1] * my - ay) * dy) / len2, 0, 1) : 0
    return Math.hypot(p[0] * mx - ax - t * dx, p[1] * my - ay - t * dy)
  }

  function randomWalkablePoint(area: Polygon | MultiPolygon, rng: () => number): LngLat {
    const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates
    const [west, south, east, north] = bbox(polygons)
    for (let t = 0; t < RANDOM_TRIES; t++) {
      const p: LngLat = [west + rng() * (east - west), south + rng() * (north - south)]
      const k = cellAt(p)
      if (k >= 0 && !blocked[k] && inPolygons(p, polygons)) return p
    }
    // A sliver of an area: pick among the walkable cell centres inside it, else the nearest street.
    const inside = walkableCentresIn(polygons, [west, south, east, north])
    if (inside.length) return inside[Math.floor(rng() * inside.length)]
    return snap(polygons[0][0][0] as LngLat)
  }

  function walkableCentresIn(polygons: Position[][][], box: number[]): LngLat[] {
    const [i0, j0] = toCellXY(raster, [box[0], box[1]]).map((v) => Math.max(0, Math.floor(v)))
    const [i1, j1] = toCellXY(raster, [box[2], box[3]]).map(Math.floor)
    const out: LngLat[] = []
    for (let j = j0; j <= Math.min(j1, H - 1); j++) {
      for (let i = i0; i <= Math.min(i1, W - 1); i++) {
        const p = fromCellXY(raster, i + 0.5, j + 0.5)
        if (!blocked[j * W + i] && inPolygons(p, polygons)) out.push(p)
      }
    }
    return out
  }

  function cellAt(p: LngLat): number {
    const [x, y] = toCellXY(raster, p)
    return x >= 0 && y >= 0 && x < W && y < H ? Math.floor(y) * W + Math.floor(x) : -1
  }

  function snap(p: LngLat): LngLat {
    return snapCell(p).p
  }

  return { route, randomWalkablePoint, snap }
}

/** A* from cell `start` to cell `goal`; returns the cells of the path, both ends included. */
function createAStar(raster: WalkableRaster, clearance: Uint8Array, mx: number, my: number) {
  const { width: W, height: H, blocked } = raster
  const n = W * H
  const g = new Float32Array(n)
  const parent = new Int32Array(n)
  // 2 × search number while a cell is open, + 1 once closed: nothing to clear between searches.
  const state = new Uint32Array(n)
  const heap = createHeap()
  const diagonal = Math.hypot(mx, my)
  const stepCost = STEPS.map(([di, dj]) => (di && dj ? diagonal : di ? mx : my))
  let search = 0

  return function aStar(start: number, goal: number): number[] | null {
    search++
    const open = 2 * search
    const closed = open + 1
    heap.clear()
    const gi = goal % W
    const gj = (goal - gi) / W
    const h = (k: number) => {
      const dx = Math.abs((k % W) - gi)
      const dy = Math.abs(Math.floor(k / W) - gj)
      const d = Math.min(dx, dy)
      // A hair over the true estimate breaks ties towards the goal, so fewer cells get expanded.
      return (d * diagonal + (dx - d) * mx + (dy - d) * my) * 1.001
    }
    g[start] = 0
    state[start] = open
    heap.push(h(start), start)
    while (heap.size()) {
      const k = heap.pop()
      if (state[k] === closed) continue
      state[k] = closed
      if (k === goal) return trace(parent, start, goal)
      const i = k % W
      const j = (k - i) / W
      for (let s = 0; s < STEPS.length; s++) {
        const [di, dj] = STEPS[s]
        const ni = i + di
        const nj = j + dj
        if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue
        const m = nj * W + ni
        if (blocked[m] || state[m] === closed) continue
        // No corner cutting: a diagonal step needs both side cells open.
        if (di && dj && (blocked[j * W + ni] || blocked[nj * W + i])) continue
        const cost = g[k] + stepCost[s] * (1 + NEAR_WALL_COST[clearance[m]])
        if (state[m] === open && cost >= g[m]) continue
        state[m] = open
        g[m] = cost
        parent[m] = k
        heap.push(cost + h(m), m)
      }
    }
    return null
  }
}

function trace(parent: Int32Array, start: number, goal: number): number[] {
  const cells = [goal]
  for (let k = goal; k !== start;) cells.push((k = parent[k]))
  return cells.reverse()
}

/** Binary min-heap of (priority, cell) on typed arrays, duplicates allowed (stale entries skipped). */
function createHeap() {
  let keys = new Float64Array(1024)
  let vals = new Int32Array(1024)
  let size = 0
  return {
    size: () => size,
    clear: () => { size = 0 },
    push(key: number, val: number) {
      if (size === keys.length) {
        const k2 = new Float64Array(size * 2); k2.set(keys); keys = k2
        const v2 = new Int32Array(size * 2); v2.set(vals); vals = v2
      }
      let c = size++
      while (c > 0) {
        const p = (c - 1) >> 1
        if (keys[p] <= key) break
        keys[c] = keys[p]; vals[c] = vals[p]; c = p
      }
      keys[c] = key; vals[c] = val
    },
    pop(): number {
      const top = vals[0]
      const key = keys[--size]
      const val = vals[size]
      let c = 0
      for (;;) {
        let child = 2 * c + 1
        if (child >= size) break
        if (child + 1 < size && keys[child + 1] < keys[child]) child++
        if (keys[child] >= key) break
        keys[c] = keys[child]; vals[c] = vals[child]; c = child
      }
      keys[c] = key; vals[c] = val
      return top
    },
  }
}

function inPolygons(p: LngLat, polygons: Position[][][]): boolean {
  return polygons.some((rings) => rings.filter((ring) => inRing(p, ring)).length % 2 === 1)
}

function inRing(p: LngLat, ring: Position[]): boolean {
  let inside = false
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a]
    const [xb, yb] = ring[b]
    if ((ya > p[1]) !== (yb > p[1]) && p[0] < ((xb - xa) * (p[1] - ya)) / (yb - ya) + xa) inside = !inside
  }
  return inside
}

function bbox(polygons: Position[][][]): [number, number, number, number] {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity
  for (const p of polygons.flat(2)) {
    west = Math.min(west, p[0]); east = Math.max(east, p[0])
    south = Math.min(south, p[1]); north = Math.max(north, p[1])
  }
  return [west, south, east, north]
}

// How far x lies outside [i, i + 1], in cells.
function gap(x: number, i: number): number {
  return Math.max(i - x, 0, x - (i + 1))
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
