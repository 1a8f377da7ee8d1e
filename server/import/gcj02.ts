// Maps published by Chinese providers (高德 / DataV, Tencent) are in GCJ-02, offset from WGS-84 by
// a few hundred metres; the wall and the inspectors' GPS are in WGS-84. gcoord inverts the offset
// iteratively to ~0.1 m; a shared vertex converts to the same point in every polygon, so
// neighbouring grids stay neighbours.
import gcoord from 'gcoord'
import type { Position } from 'geojson'

export type Crs = 'WGS84' | 'GCJ02'

/** `wgs84`, `gcj02`, `GCJ-02`, `EPSG:4326`…; undefined for anything else. */
export function parseCrs(raw: string | undefined): Crs | undefined {
  const name = (raw ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (name === 'WGS84' || name === 'EPSG4326') return 'WGS84'
  if (name === 'GCJ02') return 'GCJ02'
  return undefined
}

/** New arrays throughout: gcoord.transform changes GeoJSON in place, and the caller's input stays as it was. */
export function gcj02ToWgs84(polygons: readonly Position[][][]): Position[][][] {
  return polygons.map((rings) => rings.map((ring) => ring.map(toWgs84)))
}

function toWgs84(p: Position): Position {
  const [lng, lat] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84)
  return p.length > 2 ? [lng, lat, ...p.slice(2)] : [lng, lat]
}
