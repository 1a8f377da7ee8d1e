// Finds where a ring crosses or touches itself. turf's booleanValid misses bow-ties (TECH-NOTES §7)
// and @turf/kinks compares every pair of segments, reports a false crossing at a repeated vertex
// and misses collinear overlaps; this sweep sorts segments by x so a ring of tens of thousands of
// vertices (a DataV district outline) is checked in milliseconds.
import type { Position } from 'geojson'

interface Segment {
  /** Index in the ring of the segment's first position. */
  at: number
  a: Position
  b: Position
  minX: number
  maxX: number
}

/** The first pair of segments (by their first positions' indices) that meet other than at a shared vertex. */
export function findSelfCrossing(ring: readonly Position[]): [number, number] | null {
  const segments = segmentsOf(ring)
  const n = segments.length
  const order = segments.map((_, i) => i).sort((i, j) => segments[i].minX - segments[j].minX)
  for (let u = 0; u < n; u++) {
    const s = segments[order[u]]
    for (let v = u + 1; v < n && segments[order[v]].minX <= s.maxX; v++) {
      const t = segments[order[v]]
      if (meet(s, t, order[u], order[v], n)) return [Math.min(s.at, t.at), Math.max(s.at, t.at)]
    }
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
    segments.push({ at: start, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) })
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
