// Small-distance geometry in metres: an equirectangular approximation, well under 0.1% error over
// the few hundred metres an inspector walks between two fixes.
import type { LngLat } from '../contract/domain'

const M_PER_DEG_LAT = 110_574
const M_PER_DEG_LNG_EQUATOR = 111_320

export function metresBetween(a: LngLat, b: LngLat): number {
  const dx = (b[0] - a[0]) * M_PER_DEG_LNG_EQUATOR * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180))
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT
  return Math.hypot(dx, dy)
}

/** Compass bearing from a to b, degrees clockwise from north. */
export function bearing(a: LngLat, b: LngLat): number {
  const dx = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180))
  const dy = b[1] - a[1]
  return (Math.atan2(dx, dy) * (180 / Math.PI) + 360) % 360
}

export function interpolate(a: LngLat, b: LngLat, t: number): LngLat {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
}
