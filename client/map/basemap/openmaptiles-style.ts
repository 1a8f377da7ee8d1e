// A wall style of our own for OpenMapTiles-schema vector tiles (what tilemaker's
// config-openmaptiles.json writes): the common layers in the wall palette, Chinese names first, no
// icons (no sprite) and no glyph server (MapLibre draws the text from local fonts).
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { BASEMAP_PALETTE as P } from './basemap-palette'

export const OPENMAPTILES_SOURCE = 'openmaptiles'

/** The OpenMapTiles layers this style (and the recolouring of a centre's style) knows. */
export const OPENMAPTILES_LAYERS = ['water', 'landcover', 'landuse', 'park', 'building', 'transportation', 'transportation_name', 'boundary', 'place', 'poi', 'aeroway', 'waterway', 'water_name', 'mountain_peak', 'aerodrome_label', 'housenumber'] as const

/** Chinese name where the tiles have one (OSM name:zh), else the local name. */
export const LABEL_FIELD: ExpressionSpecification = ['coalesce', ['get', 'name:zh'], ['get', 'name']]
const FONT = ['Noto Sans CJK SC']

const byClass = (classes: string[]): ExpressionSpecification => ['match', ['get', 'class'], classes, true, false]

/** Road colour by OpenMapTiles class. */
export const ROAD_COLOR: ExpressionSpecification = [
  'match', ['get', 'class'],
  ['motorway', 'trunk'], P.roads.major,
  'primary', P.roads.primary,
  ['secondary', 'tertiary'], P.roads.secondary,
  ['path', 'track'], P.roads.path,
  ['rail', 'transit'], P.roads.rail,
  P.roads.minor,
]

const ROAD_WIDTH: ExpressionSpecification = [
  'interpolate', ['exponential', 1.5], ['zoom'],
  10, ['match', ['get', 'class'], ['motorway', 'trunk'], 1.6, 'primary', 1.2, ['secondary', 'tertiary'], 0.8, 0.3],
  16, ['match', ['get', 'class'], ['motorway', 'trunk'], 9, 'primary', 7, ['secondary', 'tertiary'], 5.5, ['path', 'track', 'rail', 'transit'], 1.2, 3],
]

function label(id: string, sourceLayer: string, minzoom: number, size: number, color: string, extra: Partial<LayerSpecification> = {}): LayerSpecification {
  return {
    id, type: 'symbol', source: OPENMAPTILES_SOURCE, 'source-layer': sourceLayer, minzoom,
    layout: { 'text-field': LABEL_FIELD, 'text-size': size, 'text-font': FONT, 'text-max-width': 8 },
    paint: { 'text-color': color, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
    ...extra,
  } as LayerSpecification
}

function layers(): LayerSpecification[] {
  const s = { source: OPENMAPTILES_SOURCE }
  return [
    { id: 'background', type: 'background', paint: { 'background-color': P.background } },
    { ...s, id: 'basemap-landcover', type: 'fill', 'source-layer': 'landcover', paint: { 'fill-color': P.landcover, 'fill-opacity': 0.7 } },
    { ...s, id: 'basemap-landuse', type: 'fill', 'source-layer': 'landuse', paint: { 'fill-color': P.landuse, 'fill-opacity': 0.8 } },
    { ...s, id: 'basemap-park', type: 'fill', 'source-layer': 'park', paint: { 'fill-color': P.park, 'fill-opacity': 0.8 } },
    { ...s, id: 'basemap-water', type: 'fill', 'source-layer': 'water', paint: { 'fill-color': P.water } },
    { ...s, id: 'basemap-waterway', type: 'line', 'source-layer': 'waterway', paint: { 'line-color': P.waterway, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 16, 3] } },
    { ...s, id: 'basemap-aeroway-area', type: 'fill', 'source-layer': 'aeroway', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': P.aeroway, 'fill-opacity': 0.8 } },
    { ...s, id: 'basemap-aeroway-line', type: 'line', 'source-layer': 'aeroway', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': P.aeroway, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 12] } },
    { ...s, id: 'basemap-building', type: 'fill', 'source-layer': 'building', minzoom: 13, paint: { 'fill-color': P.building, 'fill-opacity': 0.95 } },
    { ...s, id: 'basemap-building-line', type: 'line', 'source-layer': 'building', minzoom: 15, paint: { 'line-color': P.buildingLine, 'line-width': 0.6 } },
    {
      ...s, id: 'basemap-road', type: 'line', 'source-layer': 'transportation', filter: ['!', byClass(['rail', 'transit'])],
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ROAD_COLOR, 'line-width': ROAD_WIDTH },
    },
    {
      ...s, id: 'basemap-rail', type: 'line', 'source-layer': 'transportation', filter: byClass(['rail', 'transit']),
      paint: { 'line-color': P.roads.rail, 'line-width': 1.2, 'line-dasharray': [3, 3] },
    },
    {
      ...s, id: 'basemap-boundary', type: 'line', 'source-layer': 'boundary', filter: ['all', ['<=', ['get', 'admin_level'], 8], ['!=', ['get', 'maritime'], 1]],
      paint: { 'line-color': P.boundary, 'line-width': ['match', ['get', 'admin_level'], [2, 4], 2, 1.2], 'line-dasharray': [4, 2], 'line-opacity': 0.7 },
    },
    label('basemap-water-name', 'water_name', 12, 12, P.waterLabel),
    label('basemap-road-name', 'transportation_name', 14, 12, P.labelDim, {
      layout: { 'text-field': LABEL_FIELD, 'text-size': 12, 'text-font': FONT, 'symbol-placement': 'line', 'text-max-angle': 30 },
    } as Partial<LayerSpecification>),
    label('basemap-poi', 'poi', 16, 11, P.labelDim, { filter: ['<=', ['coalesce', ['get', 'rank'], 99], 20] } as Partial<LayerSpecification>),
    label('basemap-aerodrome', 'aerodrome_label', 11, 12, P.label),
    label('basemap-place', 'place', 8, 14, P.label, {
      filter: byClass(['city', 'town', 'village', 'suburb', 'quarter', 'neighbourhood']),
    } as Partial<LayerSpecification>),
  ]
}

/** The style over a vector source (a pmtiles:// archive, or any OpenMapTiles TileJSON URL). */
export function openMapTilesStyle(sourceUrl: string): StyleSpecification {
  return { version: 8, sources: { [OPENMAPTILES_SOURCE]: { type: 'vector', url: sourceUrl } }, layers: layers() }
}
