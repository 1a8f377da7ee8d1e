// The styles a basemap is drawn with: each valid for MapLibre's style spec, raster tints as the wall
// needs them, the OpenMapTiles wall style's layers and labels, and where the grid fills go.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { StyleSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { BASEMAP_PALETTE } from '../../../../client/map/basemap/basemap-palette'
import { GRIDS_BELOW_KEY, gridsInsertionLayer, markGridsInsertion } from '../../../../client/map/basemap/grids-insertion'
import { LABEL_FIELD, openMapTilesStyle } from '../../../../client/map/basemap/openmaptiles-style'
import { rasterPmtilesStyle, rasterStyle, rasterTintPaint } from '../../../../client/map/basemap/raster-style'
import { baseStyle } from '../../../../client/map/base-style'

const valid = (style: StyleSpecification) => expect(validateStyleMin(style).map((e) => e.message)).toEqual([])

describe('raster basemaps', () => {
  const tianditu = [
    { tiles: ['https://t0.tianditu.gov.cn/vec_w/wmts?x={x}', 'https://t1.tianditu.gov.cn/vec_w/wmts?x={x}'], tileSize: 256, minzoom: 1, maxzoom: 18 },
    { tiles: ['https://t0.tianditu.gov.cn/cva_w/wmts?x={x}'], tileSize: 256, minzoom: 1, maxzoom: 18 },
  ]

  it('draws one source and layer per template group, in order, over the wall background', () => {
    const style = rasterStyle(tianditu, 'dark')
    valid(style)
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'basemap-raster-0', 'basemap-raster-1'])
    expect(style.sources['basemap-raster-0']).toEqual({ type: 'raster', tiles: tianditu[0].tiles, tileSize: 256, minzoom: 1, maxzoom: 18 })
    expect(style.layers[0]).toMatchObject({ paint: { 'background-color': BASEMAP_PALETTE.background } })
  })

  it('inverts lightness and turns hues back for dark, only darkens for dim, leaves none alone', () => {
    expect(rasterTintPaint('dark')).toMatchObject({ 'raster-brightness-min': 1, 'raster-brightness-max': 0, 'raster-hue-rotate': 180 })
    expect(rasterTintPaint('dark')['raster-saturation']).toBeLessThan(0)
    expect(rasterTintPaint('dark')['raster-contrast']).toBeGreaterThan(0)
    expect(rasterTintPaint('dim')).not.toHaveProperty('raster-brightness-min')
    expect(rasterTintPaint('dim')['raster-brightness-max']).toBeLessThan(1)
    expect(rasterTintPaint('none')).toEqual({})
    expect(rasterStyle(tianditu, 'none').layers[1]).toMatchObject({ paint: {} })
  })

  it('reads a raster .pmtiles through the pmtiles protocol with the tint', () => {
    const style = rasterPmtilesStyle('http://127.0.0.1:3000/basemap/tiles/sat.pmtiles?v=1', 'dim')
    valid(style)
    expect(style.sources['basemap-raster-0']).toMatchObject({ type: 'raster', url: 'pmtiles://http://127.0.0.1:3000/basemap/tiles/sat.pmtiles?v=1' })
    expect(style.layers[1]).toMatchObject({ paint: rasterTintPaint('dim') })
  })
})

describe('the OpenMapTiles wall style', () => {
  const style = openMapTilesStyle('pmtiles://http://127.0.0.1:3000/basemap/tiles/city.pmtiles')

  it('is valid, has no glyphs or sprite, and draws the common OpenMapTiles layers', () => {
    valid(style)
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    const sourceLayers = new Set(style.layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)).filter(Boolean))
    for (const layer of ['water', 'landcover', 'landuse', 'park', 'building', 'transportation', 'transportation_name', 'boundary', 'place', 'poi', 'aeroway', 'waterway']) {
      expect(sourceLayers, layer).toContain(layer)
    }
  })

  it('labels in Chinese first, text only (no icons)', () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol')
    expect(symbols.length).toBeGreaterThan(3)
    for (const layer of symbols) {
      expect(layer.layout?.['text-field'], layer.id).toEqual(LABEL_FIELD)
      expect(layer.layout).not.toHaveProperty('icon-image')
    }
    expect(LABEL_FIELD).toEqual(['coalesce', ['get', 'name:zh'], ['get', 'name']])
  })

  it('uses the wall palette', () => {
    expect(style.layers.find((l) => l.id === 'basemap-building')).toMatchObject({ paint: { 'fill-color': BASEMAP_PALETTE.building } })
    expect(style.layers.find((l) => l.id === 'basemap-water')).toMatchObject({ paint: { 'fill-color': BASEMAP_PALETTE.water } })
  })
})

describe('where grid fills go', () => {
  function fakeMap(style: StyleSpecification) {
    return { getStyle: () => style, getLayer: (id: string) => style.layers.find((l) => l.id === id) } as unknown as Parameters<typeof gridsInsertionLayer>[0]
  }

  it('below the layer a basemap names: the demo buildings, so existing layer order stays', () => {
    const demo = markGridsInsertion(baseStyle('http://127.0.0.1'), 'buildings-fill')
    expect(demo.metadata).toEqual({ [GRIDS_BELOW_KEY]: 'buildings-fill' })
    expect(gridsInsertionLayer(fakeMap(demo))).toBe('buildings-fill')
  })

  it('below the first label of a style that names none; on top of a basemap without labels', () => {
    const labelled = markGridsInsertion({ version: 8, sources: {}, metadata: { kept: 1 }, layers: [{ id: 'bg', type: 'background' }, { id: 'road-label', type: 'symbol', source: 'x' }, { id: 'poi', type: 'symbol', source: 'x' }] })
    expect(labelled.metadata).toEqual({ kept: 1, [GRIDS_BELOW_KEY]: 'road-label' })
    expect(gridsInsertionLayer(fakeMap(labelled))).toBe('road-label')
    expect(gridsInsertionLayer(fakeMap(markGridsInsertion(rasterStyle([], 'dark'))))).toBeUndefined()
  })

  it('on top when the named layer is no longer there', () => {
    const style = markGridsInsertion(rasterStyle([], 'dark'), 'gone')
    expect(gridsInsertionLayer(fakeMap(style))).toBeUndefined()
  })
})
