// A centre's style recoloured for the wall: OpenMapTiles layers in the wall palette, anything else
// inverted to dark, names in Chinese first, sources, sprite and glyphs untouched.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { BASEMAP_PALETTE } from '../../../../client/map/basemap/basemap-palette'
import { formatColour, parseColour } from '../../../../client/map/basemap/colour'
import { LABEL_FIELD, ROAD_COLOR } from '../../../../client/map/basemap/openmaptiles-style'
import { rasterTintPaint } from '../../../../client/map/basemap/raster-style'
import { recolourStyle } from '../../../../client/map/basemap/recolour-style'

// A style as centres' files have them, legacy `stops` functions included (MapLibre still reads them).
const centreStyle = {
  version: 8,
  glyphs: 'https://tiles.example.cn/fonts/{fontstack}/{range}.pbf',
  sprite: 'https://tiles.example.cn/sprite',
  sources: {
    openmaptiles: { type: 'vector', url: 'https://tiles.example.cn/data/v3.json' },
    gov: { type: 'vector', tiles: ['https://gis.example.gov.cn/{z}/{x}/{y}.pbf'] },
    photo: { type: 'raster', tiles: ['https://img.example.cn/{z}/{x}/{y}.jpg'], tileSize: 256 },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#f8f4f0' } },
    { id: 'photo', type: 'raster', source: 'photo' },
    { id: 'water', type: 'fill', source: 'openmaptiles', 'source-layer': 'water', paint: { 'fill-color': 'rgb(158,189,255)', 'fill-pattern': 'wave' } },
    { id: 'road', type: 'line', source: 'openmaptiles', 'source-layer': 'transportation', paint: { 'line-color': '#fff', 'line-width': 3 } },
    { id: 'gov-zone', type: 'fill', source: 'gov', 'source-layer': 'zones', paint: { 'fill-color': ['match', ['get', 'kind'], 'school', '#ffe0b2', 'hsla(120, 40%, 90%, 0.5)'] } },
    { id: 'gov-edge', type: 'line', source: 'gov', 'source-layer': 'zones', paint: { 'line-color': { stops: [[10, '#333333'], [16, '#000']] } } },
    {
      id: 'place', type: 'symbol', source: 'openmaptiles', 'source-layer': 'place',
      layout: { 'text-field': '{name:latin}\n{name:nonlatin}', 'text-font': ['Noto Sans Regular'] }, paint: { 'text-color': '#333', 'text-halo-color': '#fff' },
    },
    { id: 'shield', type: 'symbol', source: 'openmaptiles', 'source-layer': 'transportation_name', layout: { 'text-field': '{ref}', 'icon-image': 'shield' } },
    { id: 'gov-label', type: 'symbol', source: 'gov', 'source-layer': 'zones', layout: { 'text-field': ['get', 'name_en'] }, paint: { 'text-color': '#222222' } },
  ],
} as unknown as StyleSpecification

const layer = (style: StyleSpecification, id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown>; layout: Record<string, unknown> }
const lightness = (value: unknown) => parseColour(value as string)!.l

describe('recolourStyle', () => {
  const out = recolourStyle(centreStyle)

  it('keeps the sources, sprite, glyphs and layer order, and stays a valid style', () => {
    expect(out.sources).toBe(centreStyle.sources)
    expect(out.glyphs).toBe(centreStyle.glyphs)
    expect(out.sprite).toBe(centreStyle.sprite)
    expect(out.layers.map((l) => l.id)).toEqual(centreStyle.layers.map((l) => l.id))
    expect(validateStyleMin(out).map((e) => e.message)).toEqual([])
    expect(centreStyle.layers[2]).toMatchObject({ paint: { 'fill-color': 'rgb(158,189,255)' } })
  })

  it('gives known OpenMapTiles layers the wall palette (and drops fill patterns)', () => {
    expect(layer(out, 'water').paint['fill-color']).toBe(BASEMAP_PALETTE.water)
    expect(layer(out, 'water').paint).not.toHaveProperty('fill-pattern')
    expect(layer(out, 'road').paint).toMatchObject({ 'line-color': ROAD_COLOR, 'line-width': 3 })
    expect(layer(out, 'place').paint['text-color']).toBe(BASEMAP_PALETTE.label)
  })

  it('turns the other layers dark: light fills to near-background, dark lines and text to light', () => {
    expect(lightness(layer(out, 'background').paint['background-color'])).toBeLessThan(0.12)
    const zone = layer(out, 'gov-zone').paint['fill-color'] as unknown[]
    expect(zone.slice(0, 3)).toEqual(['match', ['get', 'kind'], 'school'])
    expect(lightness(zone[3])).toBeLessThan(0.15)
    expect(parseColour(zone[4] as string)!.a).toBe(0.5)
    const edge = layer(out, 'gov-edge').paint['line-color'] as { stops: Array<[number, string]> }
    expect(lightness(edge.stops[1][1])).toBeGreaterThan(lightness(edge.stops[0][1]))
    expect(lightness(edge.stops[1][1])).toBeGreaterThan(0.5)
    expect(lightness(layer(out, 'gov-label').paint['text-color'])).toBeGreaterThan(0.8)
  })

  it('shows Chinese names first where a label shows a name, and leaves other texts (road refs) alone', () => {
    expect(layer(out, 'place').layout['text-field']).toEqual(LABEL_FIELD)
    expect(layer(out, 'gov-label').layout['text-field']).toEqual(LABEL_FIELD)
    expect(layer(out, 'shield').layout['text-field']).toBe('{ref}')
    expect(layer(out, 'place').paint['text-halo-color']).toBe(BASEMAP_PALETTE.halo)
  })

  it('tints raster layers dark', () => {
    expect(layer(out, 'photo').paint).toEqual(rasterTintPaint('dark'))
  })
})

describe('colours', () => {
  it('reads hex, rgb(a), hsl(a) and a few names; not other strings', () => {
    expect(parseColour('#fff')).toEqual({ h: 0, s: 0, l: 1, a: 1 })
    expect(parseColour('#00000080')!.a).toBeCloseTo(0.5, 2)
    expect(parseColour('rgba(255, 0, 0, 0.3)')).toEqual({ h: 0, s: 1, l: 0.5, a: 0.3 })
    expect(parseColour('hsl(200, 50%, 40%)')).toEqual({ h: 200, s: 0.5, l: 0.4, a: 1 })
    expect(parseColour('White')).toEqual({ h: 0, s: 0, l: 1, a: 1 })
    for (const text of ['match', 'name', '#12', 'rgb(1,2)', 'steelblue']) expect(parseColour(text), text).toBeNull()
    expect(formatColour({ h: 210.4, s: 0.5, l: 0.123, a: 1 })).toBe('hsla(210, 50%, 12.3%, 1)')
  })
})
