// Where each inspector was at a moment of the replay: pure functions over a track, oldest first.
import type { TrackPoint } from '../../server/contract/detail'

/** Index of the last point at or before `at` (-1 before the track starts). */
export function lastIndexAt(points: readonly TrackPoint[], at: number): number {
  let lo = 0, hi = points.length - 1, found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (points[mid][2] <= at) { found = mid; lo = mid + 1 } else hi = mid - 1
  }
  return found
}

/** The position at `at`, interpolated between fixes; null before the first fix, the last fix after it. */
export function positionAt(points: readonly TrackPoint[], at: number): [number, number] | null {
  const i = lastIndexAt(points, at)
  if (i < 0) return null
  const a = points[i], b = points[i + 1]
  if (!b) return [a[0], a[1]]
  const f = (at - a[2]) / (b[2] - a[2] || 1)
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]
}

/** The path walked up to `at`, ending at the interpolated position. */
export function pathUntil(points: readonly TrackPoint[], at: number): [number, number][] {
  const i = lastIndexAt(points, at)
  if (i < 0) return []
  const path = points.slice(0, i + 1).map((p): [number, number] => [p[0], p[1]])
  const head = positionAt(points, at)!
  if (head[0] !== path[path.length - 1][0] || head[1] !== path[path.length - 1][1]) path.push(head)
  return path
}

/** Compass bearing of the segment being walked at `at`, degrees clockwise from north. */
export function headingAt(points: readonly TrackPoint[], at: number): number | null {
  const i = Math.max(0, lastIndexAt(points, at))
  const a = points[i], b = points[i + 1] ?? points[i]
  if (!a || !b || (a[0] === b[0] && a[1] === b[1])) return null
  const dx = (b[0] - a[0]) * Math.cos((a[1] * Math.PI) / 180)
  return ((Math.atan2(dx, b[1] - a[1]) * 180) / Math.PI + 360) % 360
}
