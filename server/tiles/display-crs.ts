// The tiles are cut in the coordinate system the basemap is drawn in (BASEMAP_CRS): a GCJ-02 basemap
// (高德 / Tencent) sits a few hundred metres off WGS-84, so the grids must be shifted with it. The
// tree's own geometry stays WGS-84: every position is copied, never changed in place (gcoord's
// transform on GeoJSON would mutate it).
import gcoord from 'gcoord'
import type { Position } from 'geojson'
import type { BasemapCrs } from '../contract/basemap'
import type { LngLat } from '../contract/domain'
import type { AreaGeometry } from '../domain/area-tree'

export function toDisplayPoint(p: LngLat, crs: BasemapCrs): LngLat {
  if (crs === 'wgs84') return p
  const [lng, lat] = gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02)
  return [lng, lat]
}

export function toDisplayGeometry(g: AreaGeometry, crs: BasemapCrs): AreaGeometry {
  if (crs === 'wgs84') return g
  const ring = (r: Position[]) => r.map((p) => toDisplayPoint([p[0], p[1]], crs) as Position)
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((polygon) => polygon.map(ring)) }
}
