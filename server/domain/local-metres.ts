// A flat local frame in metres around an origin, with the same equirectangular approximation as
// geo-math.ts: good to well under 0.1% over the few kilometres a track or a case check spans.
import type { LngLat } from '../contract/domain'

const M_PER_DEG_LAT = 110_574
const M_PER_DEG_LNG_EQUATOR = 111_320

export interface LocalPoint {
  x: number
  y: number
}

/** A projection lng/lat → metres east (x) and north (y) of `origin`. */
export function localMetres(origin: LngLat): (lng: number, lat: number) => LocalPoint {
  const mPerDegLng = M_PER_DEG_LNG_EQUATOR * Math.cos(origin[1] * (Math.PI / 180))
  return (lng, lat) => ({ x: (lng - origin[0]) * mPerDegLng, y: (lat - origin[1]) * M_PER_DEG_LAT })
}

/** Distance from p to the segment a–b, in the units of the points. */
export function distanceToSegment(p: LocalPoint, a: LocalPoint, b: LocalPoint): number {
  const dx = b.x - a.x, dy = b.y - a.y
  const lengthSq = dx * dx + dy * dy
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}
