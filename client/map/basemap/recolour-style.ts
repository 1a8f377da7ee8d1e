// A centre's own MapLibre style, recoloured for the dark wall: layers of a known OpenMapTiles
// source-layer get the wall palette; any other layer has its colours inverted in lightness (a light
// map turns dark, its dark lines and text light); labels show Chinese names first. The centre's
// sources, sprite and glyphs stay exactly as they are: this only changes paint and text-field.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { BASEMAP_PALETTE as P } from './basemap-palette'
import { formatColour, parseColour } from './colour'
import { LABEL_FIELD, OPENMAPTILES_LAYERS, ROAD_COLOR } from './openmaptiles-style'
import { rasterTintPaint } from './raster-style'

type Paint = Record<string, unknown>

/** Fill colour of each OpenMapTiles layer drawn as an area. */
const AREA_COLORS: Record<string, string> = {
  water: P.water, landcover: P.landcover, landuse: P.landuse, park: P.park, building: P.building, aeroway: P.aeroway,
}
const LINE_COLORS: Record<string, unknown> = {
  transportation: ROAD_COLOR, waterway: P.waterway, boundary: P.boundary, building: P.buildingLine, aeroway: P.aeroway, water: P.waterway, park: P.park,
}
const KNOWN = new Set<string>(OPENMAPTILES_LAYERS)

export function recolourStyle(style: StyleSpecification): StyleSpecification {
  return { ...style, layers: style.layers.map(recolourLayer) }
}

function recolourLayer(layer: LayerSpecification): LayerSpecification {
  const sourceLayer = 'source-layer' in layer ? layer['source-layer'] : undefined
  const paint: Paint = { ...(layer.paint as Paint | undefined) }
  const out = { ...layer } as LayerSpecification & { paint: Paint; layout?: Record<string, unknown> }
  if (layer.type === 'raster') {
    out.paint = { ...paint, ...rasterTintPaint('dark') }
    return out
  }
  out.paint = sourceLayer && KNOWN.has(sourceLayer) ? paletteFor(layer.type, sourceLayer, paint) : invertColours(paint)
  if (layer.type === 'symbol') {
    out.paint = { ...out.paint, 'text-halo-color': P.halo, 'text-halo-width': Math.max(1.2, Number(paint['text-halo-width'] ?? 0)) }
    const field = layer.layout?.['text-field']
    if (field !== undefined && /name/.test(JSON.stringify(field))) out.layout = { ...layer.layout, 'text-field': LABEL_FIELD }
  }
  return out
}

function paletteFor(type: LayerSpecification['type'], sourceLayer: string, paint: Paint): Paint {
  switch (type) {
    case 'background':
      return { ...paint, 'background-color': P.background }
    case 'fill': {
      // A pattern would cover the colour (and needs the light sprite): the wall palette's flat fill instead.
      const rest = { ...paint }
      delete rest['fill-pattern']
      return { ...rest, 'fill-color': AREA_COLORS[sourceLayer] ?? P.landuse, 'fill-outline-color': AREA_COLORS[sourceLayer] ?? P.landuse }
    }
    case 'fill-extrusion':
      return { ...paint, 'fill-extrusion-color': P.building }
    case 'line':
      return { ...paint, 'line-color': LINE_COLORS[sourceLayer] ?? P.roads.minor }
    case 'symbol':
      return { ...paint, 'text-color': sourceLayer === 'water_name' ? P.waterLabel : sourceLayer === 'place' ? P.label : P.labelDim }
    default:
      return invertColours(paint)
  }
}

/** Where an inverted lightness lands: areas stay near the wall's background, lines a step above, text light. */
const LIGHTNESS: Record<string, [number, number]> = {
  'background-color': [0.07, 0.2], 'fill-color': [0.07, 0.22], 'fill-outline-color': [0.12, 0.3], 'fill-extrusion-color': [0.1, 0.25],
  'line-color': [0.16, 0.4], 'circle-color': [0.2, 0.45], 'circle-stroke-color': [0.15, 0.35], 'icon-color': [0.5, 0.35],
  'text-color': [0.55, 0.35], 'icon-halo-color': [0.07, 0.1],
}

function invertColours(paint: Paint): Paint {
  const out: Paint = { ...paint }
  for (const [property, value] of Object.entries(paint)) {
    if (property === 'text-halo-color') out[property] = P.halo
    else if (LIGHTNESS[property]) out[property] = mapColours(value, LIGHTNESS[property])
  }
  return out
}

/** Every colour in a value (a literal, an expression, legacy stops) with its lightness inverted into [base, base+span]. */
export function mapColours(value: unknown, [base, span]: [number, number]): unknown {
  if (typeof value === 'string') {
    const c = parseColour(value)
    return c ? formatColour({ h: c.h, s: c.s * 0.6, l: base + (1 - c.l) * span, a: c.a }) : value
  }
  if (Array.isArray(value)) return value.map((v) => mapColours(v, [base, span]))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapColours(v, [base, span])]))
  return value
}
