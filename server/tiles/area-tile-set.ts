// One version of the area tiles: the hierarchy cut once into a geojson-vt index per layer (cheap:
// tiles below the index's first zooms are sliced when first asked for), each tile encoded to MVT
// on its first request and kept, so a wall of screens asking for the same tiles costs one encoding.
import { createHash } from 'node:crypto'
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTOptions } from '@maplibre/geojson-vt'
import { fromVectorTileJs, GeoJSONWrapper } from '@maplibre/vt-pbf'
import type { BasemapCrs } from '../contract/basemap'
import type { Position } from 'geojson'
import type { AreaGeometry, AreaTree } from '../domain/area-tree'
import { AREAS_LAYER, areaTileFeatures, LABEL_ZOOMS, LABELS_LAYER } from './area-tile-features'

/**
 * Detail is kept up to z16 and the wall overzooms beyond: at z17 one tile unit (4096 per 512 px
 * tile) is 0.25 CSS px, and a tolerance of 1 unit keeps simplification under half a device pixel
 * on a 4K wall (pixel ratio 2). The 64-unit buffer (8 px at z16) covers the widest boundary line
 * (3.5 px) and its joins. Label points get no buffer: each name lives in exactly one tile.
 */
export const TILE_MIN_ZOOM = 0
export const TILE_MAX_ZOOM = 16
const EXTENT = 4096
const POLYGON_OPTIONS: GeoJSONVTOptions = { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, tolerance: 1, extent: EXTENT, buffer: 64 }
const LABEL_OPTIONS: GeoJSONVTOptions = { ...POLYGON_OPTIONS, buffer: 0 }
/** Changes whenever what a tile holds changes shape (layers, properties, options), so old caches never match. */
const TILE_SCHEMA = 'areas-v1'
/** Encoded tiles kept per version; a city at z16 has a few thousand, most never asked for. */
const MAX_CACHED_TILES = 4096

export interface AreaTileSet {
  /** A hash of the hierarchy, the CRS and the tile schema: the same areas give the same version after a restart. */
  version: string
  crs: BasemapCrs
  /** [west, south, east, north] of the tiled areas, in the display CRS. */
  bounds: [number, number, number, number]
  /** How many grids the tiles hold. */
  grids: number
  /** The encoded tile, or null when no area touches it. */
  tile(z: number, x: number, y: number): Uint8Array | null
}

export function cutAreaTiles(tree: AreaTree, crs: BasemapCrs): AreaTileSet {
  const { polygons, labels } = areaTileFeatures(tree, crs)
  const polygonIndex = new GeoJSONVT(polygons, POLYGON_OPTIONS)
  const labelIndexes = [...labels].map(([level, points]) => ({ zooms: LABEL_ZOOMS[level]!, index: new GeoJSONVT(points, LABEL_OPTIONS) }))
  const cache = new Map<string, Uint8Array | null>()

  function encode(z: number, x: number, y: number): Uint8Array | null {
    const layers: Record<string, GeoJSONVTFeature[]> = {}
    const areas = polygonIndex.getTile(z, x, y)?.features ?? []
    if (areas.length > 0) layers[AREAS_LAYER] = areas
    const names = labelIndexes.filter(({ zooms: [from, to] }) => z >= from && z <= to).flatMap(({ index }) => index.getTile(z, x, y)?.features ?? [])
    if (names.length > 0) layers[LABELS_LAYER] = names
    if (Object.keys(layers).length === 0) return null
    return fromVectorTileJs({ layers: Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, mvtLayer(name, features)])) })
  }

  return {
    version: createHash('sha256').update(TILE_SCHEMA).update(crs).update(JSON.stringify(polygons)).update(JSON.stringify([...labels])).digest('hex').slice(0, 16),
    crs,
    grids: tree.allGrids().length,
    bounds: boundsOf(polygons.features.map((f) => f.geometry)),
    tile(z, x, y) {
      const key = `${z}/${x}/${y}`
      if (cache.has(key)) {
        const hit = cache.get(key)!
        cache.delete(key)
        cache.set(key, hit) // most recently used last
        return hit
      }
      const encoded = encode(z, x, y)
      cache.set(key, encoded)
      if (cache.size > MAX_CACHED_TILES) cache.delete(cache.keys().next().value!)
      return encoded
    },
  }
}

function boundsOf(geometries: readonly AreaGeometry[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity
  const add = ([x, y]: Position) => { w = Math.min(w, x); s = Math.min(s, y); e = Math.max(e, x); n = Math.max(n, y) }
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    for (const polygon of polygons) polygon[0].forEach(add)
  }
  return [w, s, e, n]
}

/** One MVT layer of geojson-vt features (what vt-pbf's fromGeojsonVt does, for features merged from several indexes). */
function mvtLayer(name: string, features: GeoJSONVTFeature[]): GeoJSONWrapper {
  const layer = new GeoJSONWrapper(features, { version: 2, extent: EXTENT })
  layer.name = name
  return layer
}
