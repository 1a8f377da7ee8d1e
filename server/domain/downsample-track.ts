// Replays of long ranges are down-sampled with Douglas–Peucker (simplify-js) in metres. The
// first and last points always stay, and so do the turns (any point off the line by more than the
// tolerance). Positions alone would also drop a pause (standing still between two collinear points)
// and a gap (a silent phone), and the replay would then glide through them: both ends of each are
// kept as fixed break points, and only the stretches between them are simplified.
import simplify from 'simplify-js'
import type { TrackPoint } from '../contract/detail'
import { DAY_MS } from './china-time'
import { localMetres, type LocalPoint } from './local-metres'

/** A pause or a silence at least this long keeps both its ends. */
const PAUSE_MS = 60_000
const MAX_DOUBLINGS = 40

interface IndexedPoint extends LocalPoint {
  index: number
}

/** The tolerance for a range: 2 m for a day, finer for shorter ranges, coarser for longer ones. */
export function toleranceForRange(rangeMs: number): number {
  return Math.min(4, Math.max(0.5, (2 * rangeMs) / DAY_MS))
}

/** The track with at most `maxPoints` points (raising the tolerance until it fits), oldest first. */
export function downsampleTrack(track: readonly TrackPoint[], toleranceM: number, maxPoints = 5_000): TrackPoint[] {
  if (track.length <= 2) return [...track]
  const project = localMetres([track[0][0], track[0][1]])
  const points: IndexedPoint[] = track.map(([lng, lat], index) => {
    const { x, y } = project(lng, lat)
    return { x, y, index }   // a plain literal: spread objects make the simplification several times slower
  })
  let tolerance = Math.max(toleranceM, 0.01)
  for (let i = 0; i < MAX_DOUBLINGS; i++, tolerance *= 2) {
    const kept = simplifyBetweenBreaks(track, points, tolerance)
    if (kept.length <= maxPoints) return kept.map((k) => track[k])
  }
  return [track[0], track[track.length - 1]]
}

function simplifyBetweenBreaks(track: readonly TrackPoint[], points: IndexedPoint[], tolerance: number): number[] {
  const breaks = breakIndices(track, points, tolerance)
  const kept: number[] = [0]
  for (let b = 1; b < breaks.length; b++) {
    const stretch = points.slice(breaks[b - 1], breaks[b] + 1)
    // highQuality: Douglas–Peucker only; the radial pre-pass drops points by distance alone, corners included.
    for (const p of (simplify(stretch, tolerance, true) as IndexedPoint[]).slice(1)) kept.push(p.index)
  }
  return kept
}

/** 0, the last index, and both ends of every pause (staying within `radius` for PAUSE_MS) and silence. */
function breakIndices(track: readonly TrackPoint[], points: IndexedPoint[], radius: number): number[] {
  const breaks = new Set<number>([0, track.length - 1])
  for (let i = 0; i < track.length - 1;) {
    const j = lastWithin(points, i, radius)
    const paused = track[j][2] - track[i][2] >= PAUSE_MS
    if (paused) breaks.add(i).add(j)
    i = paused ? j : i + 1
  }
  for (let k = 0; k + 1 < track.length; k++) {
    if (track[k + 1][2] - track[k][2] >= PAUSE_MS) breaks.add(k).add(k + 1)
  }
  return [...breaks].sort((a, b) => a - b)
}

/** The last index of the run of points from `i` on that stay within `radius` of point i. */
function lastWithin(points: IndexedPoint[], i: number, radius: number): number {
  let j = i
  while (j + 1 < points.length && Math.hypot(points[j + 1].x - points[i].x, points[j + 1].y - points[i].y) <= radius) j++
  return j
}
