// Traces each label of a raster into polygons along cell edges. Neighbouring labels get exactly the
// same vertices along their shared edges, which is what lets topojson find the shared arcs.
import type { Polygon, MultiPolygon, Position } from 'geojson'

type Edge = { from: number, to: number, dir: number }
// Edge directions: 0 east, 1 north, 2 west, 3 south (y grows northwards; row 0 is the south edge).

/** Polygons per label in cell-corner coordinates: vertex (i, j) is the south-west corner of cell (i, j). */
export function traceLabels(label: Int32Array, width: number, height: number, count: number): (Polygon | MultiPolygon)[] {
  const edges = collectEdges(label, width, height, count)
  return edges.map((list) => toGeometry(linkRings(list, width + 1)))
}

// Every cell side between two labels, directed so its own label lies on the left.
function collectEdges(label: Int32Array, width: number, height: number, count: number): Edge[][] {
  const out: Edge[][] = Array.from({ length: count }, () => [])
  const at = (i: number, j: number) => (i < 0 || j < 0 || i >= width || j >= height ? -1 : label[j * width + i])
  const corner = (i: number, j: number) => j * (width + 1) + i
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const l = label[j * width + i]
      if (l < 0) continue
      if (at(i, j - 1) !== l) out[l].push({ from: corner(i, j), to: corner(i + 1, j), dir: 0 })
      if (at(i + 1, j) !== l) out[l].push({ from: corner(i + 1, j), to: corner(i + 1, j + 1), dir: 1 })
      if (at(i, j + 1) !== l) out[l].push({ from: corner(i + 1, j + 1), to: corner(i, j + 1), dir: 2 })
      if (at(i - 1, j) !== l) out[l].push({ from: corner(i, j + 1), to: corner(i, j), dir: 3 })
    }
  }
  return out
}

// Chains edges into closed rings. Where two rings of the label touch at a corner, turning left keeps
// them apart (the 4-connected reading), so no ring ever crosses itself.
function linkRings(edges: Edge[], stride: number): Position[][] {
  const outgoing = new Map<number, Edge[]>()
  for (const e of edges) {
    const list = outgoing.get(e.from)
    if (list) list.push(e)
    else outgoing.set(e.from, [e])
  }
  const used = new Set<Edge>()
  const rings: Position[][] = []
  for (const start of edges) {
    if (used.has(start)) continue
    const ring: Position[] = []
    let e = start
    while (!used.has(e)) {
      used.add(e)
      ring.push([e.from % stride, Math.floor(e.from / stride)])
      const options = outgoing.get(e.to)!.filter((o) => !used.has(o) || o === start)
      e = options.length === 1 ? options[0] : preferLeft(e.dir, options)
    }
    ring.push(ring[0])
    rings.push(ring)
  }
  return rings
}

function preferLeft(dir: number, options: Edge[]): Edge {
  for (const turn of [1, 0, 3]) {
    const found = options.find((o) => o.dir === (dir + turn) % 4)
    if (found) return found
  }
  return options[0]
}

/** Twice the signed area: positive for counter-clockwise rings. */
export function ringArea2(ring: Position[]): number {
  let a = 0
  for (let k = 0; k + 1 < ring.length; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]
  return a
}

// Counter-clockwise rings are outer boundaries; clockwise ones are holes of the smallest outer ring
// around them.
function toGeometry(rings: Position[][]): Polygon | MultiPolygon {
  const outers = rings.filter((r) => ringArea2(r) > 0).sort((a, b) => ringArea2(a) - ringArea2(b))
  const polygons = outers.map((r) => [r])
  for (const hole of rings.filter((r) => ringArea2(r) < 0)) {
    const probe: Position = [(hole[0][0] + hole[1][0]) / 2, (hole[0][1] + hole[1][1]) / 2]
    const owner = outers.findIndex((r) => pointInRing(probe, r))
    if (owner >= 0) polygons[owner].push(hole)
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
}

export function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false
  for (let k = 0, l = ring.length - 1; k < ring.length; l = k++) {
    const [xi, yi] = ring[k]
    const [xj, yj] = ring[l]
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
