// What a wall draws under the grids (BASEMAP, BASEMAP_CRS, …; README "Your city's basemap"). The
// server resolves the configuration once at start and hands it to every wall page inside
// index.html (see WallPageConfig), so the map is created with the right basemap without a round trip.

/** The coordinate system the basemap's tiles are drawn in. Data stays WGS-84 everywhere else. */
export type BasemapCrs = 'wgs84' | 'gcj02'

/** How a raster basemap is made to sit on a dark wall: inverted and tinted, only dimmed, or as it is. */
export type RasterTint = 'dark' | 'dim' | 'none'

export interface RasterLayerSpec {
  /** Tile URL templates ({z}/{x}/{y}, subdomains already expanded: one URL per subdomain). */
  tiles: string[]
  tileSize: number
  minzoom: number
  maxzoom: number
}

export type BasemapSource =
  /** The built-in demo footprints of central 晋安区 (served by this server). */
  | { kind: 'demo' }
  /** A MapLibre style (a centre's own OpenMapTiles-style server, or a style file in DATA_DIR served by this server). */
  | { kind: 'style'; url: string }
  /** One or more raster layers drawn in order (e.g. Tianditu vec_w then cva_w). */
  | { kind: 'raster'; layers: RasterLayerSpec[]; tint: RasterTint }
  /**
   * A .pmtiles file in DATA_DIR, served by this server with range requests (`url` is its path on this
   * server), or an http(s) URL of one. `tint` applies when its header says the tiles are raster images.
   */
  | { kind: 'pmtiles'; url: string; tint: RasterTint }

export interface BasemapConfig {
  source: BasemapSource
  crs: BasemapCrs
  /** The attribution line the wall shows for this basemap (data attributions of the grids are added by the wall). */
  attribution: string
}

/** Settings a wall page needs before it draws anything, embedded in index.html as JSON. */
export interface WallPageConfig {
  basemap: BasemapConfig
}

export const DEMO_BASEMAP: BasemapConfig = { source: { kind: 'demo' }, crs: 'wgs84', attribution: '' }
