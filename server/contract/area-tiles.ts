// The area tiles as the wall reads them: GET /api/tiles/areas.json (TileJSON 3.0.0 plus a few fields
// of ours) and the layers of GET /api/tiles/areas/{z}/{x}/{y}.pbf.

/** Polygons of the streets, communities and grids: properties `code`, `level`. */
export const AREAS_TILE_LAYER = 'areas'
/** One point per community and grid with its `name` (and `code`, `level`), in the tiles of the zooms it is drawn at. */
export const AREA_LABELS_TILE_LAYER = 'area-labels'

export interface AreaTileJson {
  tilejson: '3.0.0'
  name: string
  /** Changes with the hierarchy (an import), the CRS and the tile layout; the tile URL carries it. */
  version: string
  scheme: 'xyz'
  tiles: string[]
  minzoom: number
  maxzoom: number
  /** [west, south, east, north] in the coordinates the tiles are drawn in. */
  bounds: [number, number, number, number]
  vector_layers: { id: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[]
  /** Ours: the coordinate system the tiles are cut in (the basemap's, BASEMAP_CRS). */
  crs: 'wgs84' | 'gcj02'
  /** Ours: how many grids the tiles hold, so a wall can choose tiles or one GeoJSON before fetching either. */
  grids: number
}
