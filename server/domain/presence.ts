// Proof of presence: how close an inspector's recorded track came to a case point. A track is
// down-sampled (a fix every 15 s or 10 m), so the walk between two fixes counts too: the distance
// is taken to the segments between consecutive fixes, not only to the fixes themselves.
import type { TrackPoint } from '../contract/detail'
import type { LngLat } from '../contract/domain'
import { distanceToSegment, localMetres } from './local-metres'

/** Closest distance in metres from `point` to the track (its fixes and the segments between them); null without a track. */
export function nearestMetres(point: LngLat, track: readonly TrackPoint[]): number | null {
  if (track.length === 0) return null
  const project = localMetres(point)
  const origin = { x: 0, y: 0 }
  let prev = project(track[0][0], track[0][1])
  let best = Math.hypot(prev.x, prev.y)
  for (let i = 1; i < track.length; i++) {
    const next = project(track[i][0], track[i][1])
    best = Math.min(best, distanceToSegment(origin, prev, next))
    prev = next
  }
  return best
}
