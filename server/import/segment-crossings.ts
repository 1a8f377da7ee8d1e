// Finds where a ring crosses or touches itself. turf's booleanValid misses bow-ties (TECH-NOTES §7)
// and @turf/kinks compares every pair of segments, reports a false crossing at a repeated vertex
// and misses collinear overlaps. The segments' boxes go into a flatbush index and only segments
// whose boxes overlap are compared: near-linear for a real outline (a DataV district of tens of
// thousands of vertices in milliseconds). A sort by x alone compared every pair of a ring whose
// edges all span its width (a zigzag of 8,000 teeth: 0.5 s; 32,000: 8 s).
import Flatbush from 'flatbush'
import type { Position } from 'geojson'

interface Segment {
  /** Index in the ring of the segment's first position. */
  at: number
  a: Position
  b: Position
}

/** The first pair of segments (by their first positions' indices) that meet other than at a shared vertex. */
export function findSelfCrossing(ring: readonly Position[]): [number, number] | null {
  const segments = segmentsOf(ring)
  const n = segments.length
  if (n === 0) return null
  const index = new Flatbush(n)
  for (const { a, b } of segments) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))
  index.finish()
  for (let i = 0; i < n; i++) {
    const s = segments[i]
    let first = n
    // Segments were added in ring order, so a segment's index in the flatbush is its index here.
    const hits = index.search(Math.min(s.a[0], s.b[0]), Math.min(s.a[1], s.b[1]), Math.max(s.a[0], s.b[0]), Math.max(s.a[1], s.b[1]))
    for (const j of hits) {
      if (j > i && j < first && meet(s, segments[j], i, j, n)) first = j
    }
    if (first < n) return [s.at, segments[first].at]
  }
  return null
}

/** Segments between consecutive distinct positions (a repeated vertex is not a crossing). */
function segmentsOf(ring: readonly Position[]): Segment[] {
  const segments: Segment[] = []
  let start = 0
  for (let i = 1; i < ring.length; i++) {
    const a = ring[start], b = ring[i]
    if (a[0] === b[0] && a[1] === b[1]) continue
    segments.push({ at: start, a, b })
    start = i
  }
  return segments
}

function meet(s: Segment, t: Segment, i: number, j: number, n: number): boolean {
  const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1
  if (!adjacent) return intersect(s.a, s.b, t.a, t.b)
  // Neighbours share a vertex; they are wrong only if they fold back over each other (a spike).
  const [first, second] = j === (i + 1) % n ? [s, t] : [t, s]
  return orient(first.a, first.b, second.b) === 0 && dot(first.a, first.b, second.b) < 0
}

function intersect(p1: Position, p2: Position, p3: Position, p4: Position): boolean {
  if (Math.max(p1[1], p2[1]) < Math.min(p3[1], p4[1]) || Math.max(p3[1], p4[1]) < Math.min(p1[1], p2[1])) return false
  const d1 = orient(p3, p4, p1), d2 = orient(p3, p4, p2), d3 = orient(p1, p2, p3), d4 = orient(p1, p2, p4)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  return (d1 === 0 && within(p3, p4, p1)) || (d2 === 0 && within(p3, p4, p2)) ||
    (d3 === 0 && within(p1, p2, p3)) || (d4 === 0 && within(p1, p2, p4))
}

function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/** (b − a) · (c − b): negative when the path a → b → c turns back on itself. */
function dot(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
}

/** c, known to be collinear with a–b, lies on the segment a–b. */
function within(a: Position, b: Position, c: Position): boolean {
  return Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1])
}
