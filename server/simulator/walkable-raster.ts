// The walkability raster the simulator moves inspectors on (built by server/demo-district).
//
// File format (server/demo-district/data/walkable.json), one JSON object:
//   originLng, originLat  WGS-84 of the raster's south-west corner
//   cellLng, cellLat      cell size in degrees (about 3 m × 3 m)
//   width, height         cells per row, rows
//   blocked               base64 of a row-major bitset: cell k = row * width + column sits in byte
//                         k >> 3 at bit k & 7 (least significant bit first); 1 = not walkable.
// Row 0 is the south edge. Blocked means inside or within 2 m of a building, or outside the study area.
import { readFileSync } from 'node:fs'
import type { LngLat } from '../contract/domain'

export type { LngLat }

export interface WalkableRaster {
  originLng: number
  originLat: number
  cellLng: number
  cellLat: number
  width: number
  height: number
  /** One byte per cell, row-major from the south edge; 1 = blocked. */
  blocked: Uint8Array
}

export function loadWalkableRaster(filePath: string): WalkableRaster {
  return decodeWalkableRaster(JSON.parse(readFileSync(filePath, 'utf8')))
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function decodeWalkableRaster(json: unknown): WalkableRaster {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('walkable raster: expected a JSON object')
  }
  const o = json as Record<string, unknown>
  const originLng = finite(o, 'originLng')
  const originLat = finite(o, 'originLat')
  const cellLng = positive(o, 'cellLng')
  const cellLat = positive(o, 'cellLat')
  const width = count(o, 'width')
  const height = count(o, 'height')
  if (typeof o.blocked !== 'string' || !BASE64.test(o.blocked)) {
    throw new Error('walkable raster: field "blocked" must be a base64 string')
  }
  const bytes = Buffer.from(o.blocked, 'base64')
  const cells = width * height
  if (bytes.length !== Math.ceil(cells / 8)) {
    throw new Error(`walkable raster: field "blocked" holds ${bytes.length} bytes, expected ${Math.ceil(cells / 8)} for ${width}×${height} cells`)
  }
  const blocked = new Uint8Array(cells)
  for (let k = 0; k < cells; k++) blocked[k] = (bytes[k >> 3] >> (k & 7)) & 1
  return { originLng, originLat, cellLng, cellLat, width, height, blocked }
}

function finite(o: Record<string, unknown>, field: string): number {
  const v = o[field]
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`walkable raster: field "${field}" must be a finite number`)
  return v
}

function positive(o: Record<string, unknown>, field: string): number {
  const v = finite(o, field)
  if (v <= 0) throw new Error(`walkable raster: field "${field}" must be positive`)
  return v
}

function count(o: Record<string, unknown>, field: string): number {
  const v = finite(o, field)
  if (!Number.isInteger(v) || v <= 0) throw new Error(`walkable raster: field "${field}" must be a positive integer`)
  return v
}

/** Fractional cell coordinates: the cell is (floor(x), floor(y)). */
export function toCellXY(raster: WalkableRaster, p: LngLat): [number, number] {
  return [(p[0] - raster.originLng) / raster.cellLng, (p[1] - raster.originLat) / raster.cellLat]
}

export function fromCellXY(raster: WalkableRaster, x: number, y: number): LngLat {
  return [raster.originLng + x * raster.cellLng, raster.originLat + y * raster.cellLat]
}

/** Cell index of a point, or -1 outside the raster. */
export function cellIndex(raster: WalkableRaster, p: LngLat): number {
  const [x, y] = toCellXY(raster, p)
  const i = Math.floor(x)
  const j = Math.floor(y)
  if (i < 0 || j < 0 || i >= raster.width || j >= raster.height) return -1
  return j * raster.width + i
}

export function isWalkable(raster: WalkableRaster, p: LngLat): boolean {
  const k = cellIndex(raster, p)
  return k >= 0 && raster.blocked[k] === 0
}

// The 8 neighbour steps, the 4 orthogonal ones first.
const EIGHT: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]

/** Chebyshev distance in cells to the nearest blocked cell (the raster edge counts), capped at `cap`. */
export function clearanceMap(raster: WalkableRaster, cap: number): Uint8Array {
  const { width: W, height: H, blocked } = raster
  const dist = new Uint8Array(W * H).fill(cap)
  const queue = new Int32Array(W * H)
  let tail = 0
  for (let k = 0; k < blocked.length; k++) if (blocked[k]) { dist[k] = 0; queue[tail++] = k }
  for (let k = 0; k < blocked.length; k++) {
    const i = k % W
    const j = (k - i) / W
    if (!blocked[k] && (i === 0 || j === 0 || i === W - 1 || j === H - 1)) { dist[k] = 1; queue[tail++] = k }
  }
  for (let head = 0; head < tail; head++) {
    const k = queue[head]
    const i = k % W
    const j = (k - i) / W
    const d = dist[k] + 1
    if (d >= cap) continue
    for (const [di, dj] of EIGHT) {
      const ni = i + di
      const nj = j + dj
      if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue
      const m = nj * W + ni
      if (dist[m] > d) { dist[m] = d; queue[tail++] = m }
    }
  }
  return dist
}

/** 4-connected components of walkable cells (what 8 neighbours without corner cutting can reach). */
export function walkableComponents(raster: WalkableRaster): Int32Array {
  const { width: W, height: H, blocked } = raster
  const id = new Int32Array(W * H).fill(-1)
  const stack = new Int32Array(W * H)
  let next = 0
  for (let s = 0; s < id.length; s++) {
    if (blocked[s] || id[s] >= 0) continue
    let top = 0
    stack[top++] = s
    id[s] = next
    while (top) {
      const k = stack[--top]
      const i = k % W
      const j = (k - i) / W
      for (let s2 = 0; s2 < 4; s2++) {
        const ni = i + EIGHT[s2][0]
        const nj = j + EIGHT[s2][1]
        const m = nj * W + ni
        if (ni < 0 || nj < 0 || ni >= W || nj >= H || blocked[m] || id[m] >= 0) continue
        id[m] = next
        stack[top++] = m
      }
    }
    next++
  }
  return id
}
