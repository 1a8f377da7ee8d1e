// The 地 figure: an area's size in km², from its WGS-84 polygon (a local equirectangular projection
// around the polygon: under 0.1 % off for a community-sized area, far below the figure's one decimal).
import type { MultiPolygon, Polygon, Position } from 'geojson'

const EARTH_RADIUS_M = 6_371_008.8

function ringAreaM2(ring: readonly Position[], lat0: number): number {
  const kx = (Math.PI / 180) * EARTH_RADIUS_M * Math.cos((lat0 * Math.PI) / 180)
  const ky = (Math.PI / 180) * EARTH_RADIUS_M
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] * kx) * (ring[i][1] * ky) - (ring[i][0] * kx) * (ring[j][1] * ky)
  }
  return Math.abs(sum) / 2
}

/** Outer rings minus holes, in km². */
export function polygonAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const lats = polygons.flatMap((p) => p[0]?.map((c) => c[1]) ?? [])
  const lat0 = lats.length > 0 ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0
  let m2 = 0
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue
    m2 += ringAreaM2(outer, lat0) - holes.reduce((s, h) => s + ringAreaM2(h, lat0), 0)
  }
  return m2 / 1e6
}
