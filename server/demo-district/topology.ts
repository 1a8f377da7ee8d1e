// Grid shapes as one topology, simplified with shared arcs kept shared, so neighbouring grids and the
// communities/streets merged from them line up exactly. Works in cell-corner units (see trace.ts).
import Flatbush from 'flatbush'
import { topology as toTopology } from 'topojson-server'
import { presimplify, simplify } from 'topojson-simplify'
import { feature, merge } from 'topojson-client'
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson'
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification'
import { pointInRing } from './trace'
import type { Shape } from './shapes'

type GridTopo = Topology<{ grids: GeometryCollection }>

// Visvalingam threshold in cells² (a staircase step is 0.5): smooths the raster edges away.
const MIN_WEIGHT = 2.5
// Arcs that would cut a building are simplified with this much less tolerance, then again, ….
const TIGHTEN = 4
const MAX_TIGHTENING = 6
// A simplified edge keeps at least this far (in cells: 0.5 m) from every building, so rounding to
// 6 decimals cannot tip it over (blocks.ts leaves 1 m before simplification).
const CLEARANCE_CELLS = 0.1

export interface GridTopology {
  grid(index: number): Shape
  merged(indices: number[]): Shape
}

/** `obstacles`: building outer rings in cell-corner units, which no simplified edge may cross. */
export function buildGridTopology(shapes: Shape[], obstacles: Position[][]): GridTopology {
  const collection: FeatureCollection<Shape> = {
    type: 'FeatureCollection',
    features: shapes.map((geometry, id): Feature<Shape> => ({ type: 'Feature', id, properties: {}, geometry })),
  }
  const weighted = presimplify(toTopology({ grids: collection }) as unknown as GridTopo)
  const index = indexObstacles(obstacles)
  let simplified = simplify(weighted, MIN_WEIGHT)
  for (let round = 0; ; round++) {
    const bad = arcsCuttingObstacles(simplified, obstacles, index)
    if (bad.length === 0) break
    if (round === MAX_TIGHTENING) throw new Error(`${bad.length} grid edges still cut buildings`)
    for (const a of bad) {
      for (const p of weighted.arcs[a]) p[2] = round + 1 === MAX_TIGHTENING ? Infinity : p[2] * TIGHTEN
    }
    simplified = simplify(weighted, MIN_WEIGHT)
  }
  // Every grid traced to one Polygon or MultiPolygon, never a point or line.
  const grids = simplified.objects.grids.geometries as (TopoPolygon | TopoMultiPolygon)[]
  return {
    grid: (i) => (feature(simplified, grids[i]) as Feature<Shape>).geometry,
    merged: (indices) => single(merge(simplified, indices.map((i) => grids[i]))),
  }
}

function single(shape: MultiPolygon): Shape {
  return shape.coordinates.length === 1 ? { type: 'Polygon', coordinates: shape.coordinates[0] } : shape
}

function indexObstacles(obstacles: Position[][]): Flatbush {
  const index = new Flatbush(Math.max(1, obstacles.length))
  for (const ring of obstacles) {
    const xs = ring.map((p) => p[0])
    const ys = ring.map((p) => p[1])
    index.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))
  }
  if (obstacles.length === 0) index.add(0, 0, 0, 0)
  index.finish()
  return index
}

function arcsCuttingObstacles(topology: GridTopo, obstacles: Position[][], index: Flatbush): number[] {
  const bad: number[] = []
  topology.arcs.forEach((arc, a) => {
    for (let k = 0; k + 1 < arc.length; k++) {
      const p = arc[k]
      const q = arc[k + 1]
      const hits = index.search(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1]))
      if (hits.some((h) => obstacles[h] && segmentTouchesRing(p, q, obstacles[h]))) {
        bad.push(a)
        return
      }
    }
  })
  return bad
}

// Inside, crossing, or closer than the clearance (rounding to 6 decimals must not tip it over).
function segmentTouchesRing(p: Position, q: Position, ring: Position[]): boolean {
  if (pointInRing(p, ring) || pointInRing(q, ring)) return true
  for (let k = 0; k + 1 < ring.length; k++) {
    const a = ring[k]
    const b = ring[k + 1]
    if (segmentsIntersect(p, q, a, b)) return true
    const gap = Math.min(pointSegment(p, a, b), pointSegment(q, a, b), pointSegment(a, p, q), pointSegment(b, p, q))
    if (gap < CLEARANCE_CELLS) return true
  }
  return false
}

function pointSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

function orient(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
}

function onSegment(a: Position, b: Position, c: Position): boolean {
  return Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1])
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c)
  const o2 = orient(a, b, d)
  const o3 = orient(c, d, a)
  const o4 = orient(c, d, b)
  if (o1 !== o2 && o3 !== o4) return true
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d))
    || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b))
}
