// WGS-84 → GCJ-02 at the rate the wall draws (20,000 positions a second at city scale). The GCJ
// offset changes slowly (its fastest term has a period of 1/3°, ~35 km), so gcoord is asked only for
// the four corners of each ~1 km cell a point falls in and the offset is interpolated bilinearly
// inside it: at most a few centimetres from gcoord (tests/client/map/display-crs.test.ts measures
// it), one Map lookup a point. gcoord stays the only GCJ formula in the product.
import gcoord from 'gcoord'

/** Cell size in degrees (~1.1 km north–south, ~1 km east–west at Fuzhou). */
export const CELL_DEG = 0.01
/** A wall that pans over all of China still holds a bounded cache: it starts again past this. */
const MAX_CELLS = 50_000
/** Cell keys: (row + 10,000) × 40,000 + (column + 20,000), unique for cells ≥ 0.01° and below 2³⁰, so V8 hashes them as small integers. */
const COLUMNS = 40_000

export interface OffsetCache {
  shift(lng: number, lat: number): [number, number]
  /** Cells held now (for tests). */
  readonly size: number
}

export function createOffsetCache(cellDeg = CELL_DEG): OffsetCache {
  if (!(cellDeg >= CELL_DEG)) throw new Error(`cell size ${cellDeg}° is below ${CELL_DEG}° (cell keys would collide)`)
  /** Per cell: the offsets (Δlng, Δlat) at its SW, SE, NW, NE corners; null when a corner is outside gcoord's China box. */
  const cells = new Map<number, Float64Array | null>()

  function cornersOf(col: number, row: number): Float64Array | null {
    const out = new Float64Array(8)
    let k = 0
    for (const [dc, dr] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
      const lng = (col + dc) * cellDeg, lat = (row + dr) * cellDeg
      const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
      // gcoord returns a point outside China unchanged: near that border interpolation would smear it.
      if (x === lng && y === lat) return null
      out[k++] = x - lng
      out[k++] = y - lat
    }
    return out
  }

  function shift(lng: number, lat: number): [number, number] {
    const u = lng / cellDeg, v = lat / cellDeg
    const col = Math.floor(u), row = Math.floor(v)
    const key = (row + 10_000) * COLUMNS + (col + 20_000)
    let c = cells.get(key)
    if (c === undefined) {
      if (cells.size >= MAX_CELLS) cells.clear()
      c = cornersOf(col, row)
      cells.set(key, c)
    }
    if (c === null) return gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    const fx = u - col, fy = v - row
    const gx = 1 - fx, gy = 1 - fy
    return [
      lng + gy * (gx * c[0] + fx * c[2]) + fy * (gx * c[4] + fx * c[6]),
      lat + gy * (gx * c[1] + fx * c[3]) + fy * (gx * c[5] + fx * c[7]),
    ]
  }

  return { shift, get size() { return cells.size } }
}
