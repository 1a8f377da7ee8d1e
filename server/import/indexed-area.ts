// A community's boundary indexed for the containment check of its grids: its edges sorted into
// horizontal bands, so "is this vertex inside, or within 2 m of the boundary?" looks only at the
// edges of the vertex's band, and allocates nothing (a flatbush query per vertex spent more time in
// the garbage collector than in the check). turf's booleanPointInPolygon walks every edge for every
// vertex: for a city file with communities of 1,280 vertices that was 3.7 s of a 4.4 s validation.
import type { Position } from 'geojson'
import type { AreaGeometry } from '../domain/area-tree'

const M_PER_DEGREE = 111_320
const MAX_BANDS = 4096
/** An edge listed in more bands than this on average means the bands are too thin for the shape. */
const MAX_ENTRIES_PER_EDGE = 16

export class IndexedArea {
  /** Edge e runs from (xy[4e], xy[4e+1]) to (xy[4e+2], xy[4e+3]). */
  private readonly xy: Float64Array
  private readonly polygonOf: Int32Array
  private readonly parity: Uint8Array
  private readonly minY: number
  private readonly bandHeight: number
  private readonly bandCount: number
  /** The edges of band b are bandEdges[bandStart[b] … bandStart[b + 1] − 1]. */
  private readonly bandStart: Int32Array
  private readonly bandEdges: Int32Array

  constructor(area: AreaGeometry) {
    const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates
    const xy: number[] = []
    const polygonOf: number[] = []
    polygons.forEach((rings, p) => {
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          xy.push(ring[i - 1][0], ring[i - 1][1], ring[i][0], ring[i][1])
          polygonOf.push(p)
        }
      }
    })
    this.xy = Float64Array.from(xy)
    this.polygonOf = Int32Array.from(polygonOf)
    this.parity = new Uint8Array(polygons.length)
    const edges = polygonOf.length
    let minY = Infinity, maxY = -Infinity
    for (let e = 0; e < edges; e++) {
      minY = Math.min(minY, xy[4 * e + 1], xy[4 * e + 3])
      maxY = Math.max(maxY, xy[4 * e + 1], xy[4 * e + 3])
    }
    this.minY = minY
    let bands = Math.max(1, Math.min(MAX_BANDS, edges))
    for (;;) {
      const height = (maxY - minY) / bands || 1
      const spans = this.spans(edges, height, bands)
      if (spans.total <= MAX_ENTRIES_PER_EDGE * edges || bands === 1) {
        this.bandHeight = height
        this.bandCount = bands
        ;[this.bandStart, this.bandEdges] = this.bandLists(edges, spans)
        break
      }
      bands = Math.max(1, bands >> 1)
    }
  }

  /**
   * Inside by the even–odd rule (holes included) of any of its polygons: a ray to the west crosses
   * an odd number of that polygon's edges. A vertex exactly on the boundary may count either way;
   * the check this serves counts it in through `nearBoundary`.
   */
  contains([x, y]: Position): boolean {
    const band = this.bandOf(y)
    if (band < 0 || band >= this.bandCount) return false
    const { xy, parity } = this
    parity.fill(0)
    for (let k = this.bandStart[band]; k < this.bandStart[band + 1]; k++) {
      const e = this.bandEdges[k]
      const ax = xy[4 * e], ay = xy[4 * e + 1], bx = xy[4 * e + 2], by = xy[4 * e + 3]
      if ((ay > y) === (by > y)) continue
      if (ax + ((y - ay) * (bx - ax)) / (by - ay) < x) parity[this.polygonOf[e]] ^= 1
    }
    return parity.includes(1)
  }

  /** Within `metres` of an edge (a local flat projection around p: fine over a few km). */
  nearBoundary([x, y]: Position, metres: number): boolean {
    const kx = M_PER_DEGREE * Math.cos((y * Math.PI) / 180)
    const dx = metres / kx, dy = metres / M_PER_DEGREE
    const first = Math.max(0, this.bandOf(y - dy)), last = Math.min(this.bandCount - 1, this.bandOf(y + dy))
    const { xy } = this
    for (let band = first; band <= last; band++) {
      for (let k = this.bandStart[band]; k < this.bandStart[band + 1]; k++) {
        const e = this.bandEdges[k]
        const ax = xy[4 * e], ay = xy[4 * e + 1], bx = xy[4 * e + 2], by = xy[4 * e + 3]
        if (Math.min(ax, bx) - dx > x || Math.max(ax, bx) + dx < x || Math.min(ay, by) - dy > y || Math.max(ay, by) + dy < y) continue
        if (distanceM(x, y, ax, ay, bx, by, kx) <= metres) return true
      }
    }
    return false
  }

  private bandOf(y: number): number {
    return Math.floor((y - this.minY) / this.bandHeight)
  }

  /** The first and last band of every edge, and how many entries the band lists will hold. */
  private spans(edges: number, height: number, bands: number): { first: Int32Array; last: Int32Array; total: number } {
    const first = new Int32Array(edges), last = new Int32Array(edges)
    let total = 0
    for (let e = 0; e < edges; e++) {
      const ay = this.xy[4 * e + 1], by = this.xy[4 * e + 3]
      first[e] = Math.min(bands - 1, Math.floor((Math.min(ay, by) - this.minY) / height))
      last[e] = Math.min(bands - 1, Math.floor((Math.max(ay, by) - this.minY) / height))
      total += last[e] - first[e] + 1
    }
    return { first, last, total }
  }

  private bandLists(edges: number, { first, last, total }: ReturnType<IndexedArea['spans']>): [Int32Array, Int32Array] {
    const start = new Int32Array(this.bandCount + 1)
    for (let e = 0; e < edges; e++) for (let b = first[e]; b <= last[e]; b++) start[b + 1]++
    for (let b = 0; b < this.bandCount; b++) start[b + 1] += start[b]
    const fill = start.slice(0, this.bandCount)
    const list = new Int32Array(total)
    for (let e = 0; e < edges; e++) for (let b = first[e]; b <= last[e]; b++) list[fill[b]++] = e
    return [start, list]
  }
}

/** Distance from (x, y) to the segment a–b in metres. */
function distanceM(x: number, y: number, ax0: number, ay0: number, bx0: number, by0: number, kx: number): number {
  const ax = (ax0 - x) * kx, ay = (ay0 - y) * M_PER_DEGREE
  const bx = (bx0 - x) * kx, by = (by0 - y) * M_PER_DEGREE
  const dx = bx - ax, dy = by - ay
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
  return Math.hypot(ax + t * dx, ay + t * dy)
}
