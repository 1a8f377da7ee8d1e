// Raster basemaps on a dark wall. `dark` inverts the tiles' lightness (brightness-min 1 / max 0),
// turns the hues back (hue-rotate 180), takes most of the colour out and adds a little contrast, over
// the wall's background: a light Tianditu or OSM map becomes a dark-blue one with light labels.
// `dim` only darkens, for maps that are already dark or whose colours matter (imagery).
import type { RasterLayerSpecification, StyleSpecification } from 'maplibre-gl'
import type { RasterLayerSpec, RasterTint } from '../../../server/contract/basemap'
import { BASEMAP_PALETTE } from './basemap-palette'

export function rasterTintPaint(tint: RasterTint): NonNullable<RasterLayerSpecification['paint']> {
  switch (tint) {
    case 'dark':
      return { 'raster-brightness-min': 1, 'raster-brightness-max': 0, 'raster-hue-rotate': 180, 'raster-saturation': -0.55, 'raster-contrast': 0.15, 'raster-opacity': 0.85 }
    case 'dim':
      return { 'raster-brightness-max': 0.45, 'raster-saturation': -0.2 }
    case 'none':
      return {}
  }
}

/** One raster source and layer per template group, drawn in order (Tianditu: vec_w, then cva_w labels). */
export function rasterStyle(layers: readonly RasterLayerSpec[], tint: RasterTint): StyleSpecification {
  const sources: StyleSpecification['sources'] = {}
  const rasterLayers: RasterLayerSpecification[] = layers.map((layer, i) => {
    const id = `basemap-raster-${i}`
    sources[id] = { type: 'raster', tiles: [...layer.tiles], tileSize: layer.tileSize, minzoom: layer.minzoom, maxzoom: layer.maxzoom }
    return { id, type: 'raster', source: id, paint: rasterTintPaint(tint) }
  })
  return {
    version: 8,
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BASEMAP_PALETTE.background } }, ...rasterLayers],
  }
}

/** A raster .pmtiles archive, through the pmtiles:// protocol. */
export function rasterPmtilesStyle(archiveUrl: string, tint: RasterTint): StyleSpecification {
  return {
    version: 8,
    sources: { 'basemap-raster-0': { type: 'raster', url: `pmtiles://${archiveUrl}`, tileSize: 256 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_PALETTE.background } },
      { id: 'basemap-raster-0', type: 'raster', source: 'basemap-raster-0', paint: rasterTintPaint(tint) },
    ],
  }
}
