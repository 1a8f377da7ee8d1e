// The TileJSON 3.0.0 document of the area tiles. Its tile URL carries the version (?v=), so a wall
// that read it before an import never mixes the old areas' tiles with the new ones in one cache
// entry; the wall reads it again when the hierarchy changes.
import type { AreaTileJson } from '../contract/area-tiles'
import { AREAS_LAYER, LABEL_ZOOMS, LABELS_LAYER } from './area-tile-features'
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM, type AreaTileSet } from './area-tile-set'

export interface AreaTileZooms {
  minzoom: number
  maxzoom: number
}

export const AREA_TILE_ZOOMS: AreaTileZooms = { minzoom: TILE_MIN_ZOOM, maxzoom: TILE_MAX_ZOOM }

/** `origin` is the scheme and host the wall reached this server by (http://127.0.0.1:8080). */
export function areaTileJson(tiles: AreaTileSet, origin: string): AreaTileJson {
  const labelZooms = Object.values(LABEL_ZOOMS)
  return {
    tilejson: '3.0.0',
    name: 'areas',
    version: tiles.version,
    scheme: 'xyz',
    tiles: [`${origin}/api/tiles/areas/{z}/{x}/{y}.pbf?v=${tiles.version}`],
    ...AREA_TILE_ZOOMS,
    bounds: tiles.bounds,
    crs: tiles.crs,
    grids: tiles.grids,
    vector_layers: [
      { id: AREAS_LAYER, fields: { code: 'String', level: 'String' }, ...AREA_TILE_ZOOMS },
      {
        id: LABELS_LAYER, fields: { code: 'String', level: 'String', name: 'String' },
        minzoom: Math.min(...labelZooms.map(([from]) => from)), maxzoom: TILE_MAX_ZOOM,
      },
    ],
  }
}
