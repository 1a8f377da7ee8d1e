// The one place that knows which coordinate system the map is drawn in. Data is WGS-84 in the
// stores and on every protocol; a GCJ-02 basemap (高德 / 腾讯 tiles) is drawn ~500 m away from it in
// Fuzhou, so everything the wall draws goes through toDisplay on its way to the map, and everything
// the map hands back (its bounds, a clicked point) through fromDisplay. In WGS-84 mode both are
// the identity and cost nothing: geometries are passed through as they are.
import gcoord from 'gcoord'
import type { Geometry, Position } from 'geojson'
import type { BasemapCrs } from '../../server/contract/basemap'
import { wallPageConfig } from '../wall-config'
import { createOffsetCache } from './gcj02-offset-cache'

export interface DisplayCrs {
  readonly crs: BasemapCrs
  /** WGS-84 → the basemap's coordinates. */
  toDisplay(lng: number, lat: number): [number, number]
  /** The basemap's coordinates → WGS-84 (a point the map reports: its bounds, a click). */
  fromDisplay(lng: number, lat: number): [number, number]
  /** A new geometry in the basemap's coordinates (the same object in WGS-84 mode: never mutated). */
  geometry<G extends Geometry>(g: G): G
  /** A new collection with every geometry shifted (properties and ids shared; a `bbox`, now stale, dropped). */
  featureCollection<F extends GeoJSON.FeatureCollection>(fc: F): F
}

const IDENTITY: DisplayCrs = {
  crs: 'wgs84',
  toDisplay: (lng, lat) => [lng, lat],
  fromDisplay: (lng, lat) => [lng, lat],
  geometry: (g) => g,
  featureCollection: (fc) => fc,
}

export function createDisplayCrs(crs: BasemapCrs): DisplayCrs {
  if (crs === 'wgs84') return IDENTITY
  if (crs !== 'gcj02') throw new Error(`unknown basemap crs "${String(crs)}" (expected wgs84 or gcj02)`)
  // 20,000 inspector positions a second: gcoord per point was too slow for the budget (README
  // "GCJ-02 basemaps"), its offset is cached per ~1 km cell and interpolated.
  const offsets = createOffsetCache()
  const toDisplay = (lng: number, lat: number) => offsets.shift(lng, lat)
  const position = (p: Position): Position => {
    const [x, y] = toDisplay(p[0], p[1])
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y]
  }
  const geometry = <G extends Geometry>(g: G): G => shiftGeometry(g, position)
  return {
    crs,
    toDisplay,
    fromDisplay: (lng, lat) => gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number],
    geometry,
    featureCollection: (fc) => withoutBbox({ ...fc, features: fc.features.map((f) => withoutBbox({ ...f, geometry: f.geometry && geometry(f.geometry) })) }),
  }
}

/** A copy's `bbox` would still describe the unshifted data. */
function withoutBbox<T extends { bbox?: unknown }>(copy: T): T {
  delete copy.bbox
  return copy
}

function shiftGeometry<G extends Geometry>(g: G, p: (pos: Position) => Position): G {
  switch (g.type) {
    case 'Point': return { ...g, coordinates: p(g.coordinates) }
    case 'MultiPoint':
    case 'LineString': return { ...g, coordinates: g.coordinates.map(p) }
    case 'MultiLineString':
    case 'Polygon': return { ...g, coordinates: g.coordinates.map((line) => line.map(p)) }
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(p))) }
    case 'GeometryCollection': return { ...g, geometries: g.geometries.map((child) => shiftGeometry(child, p)) }
  }
  // GeoJSON's geometry union is closed; a foreign object is passed through untouched.
  return g
}

let pageCrs: DisplayCrs | undefined

/** The display CRS of this wall page (from the wall-config the server embedded; WGS-84 without one). */
export function displayCrs(): DisplayCrs {
  pageCrs ??= createDisplayCrs(wallPageConfig().basemap.crs)
  return pageCrs
}

export const toDisplay = (lng: number, lat: number): [number, number] => displayCrs().toDisplay(lng, lat)
export const fromDisplay = (lng: number, lat: number): [number, number] => displayCrs().fromDisplay(lng, lat)
export const toDisplayGeometry = <G extends Geometry>(g: G): G => displayCrs().geometry(g)
/** For a GeoJSON source of store data (e.g. the grids' /api/areas.geojson when drawn client side). */
export const toDisplayFeatureCollection = <F extends GeoJSON.FeatureCollection>(fc: F): F => displayCrs().featureCollection(fc)
