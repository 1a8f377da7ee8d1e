// The configured basemap → the style the map starts with, and which sources are the basemap's.
import { describe, expect, it, vi } from 'vitest'
import { resolveBasemap, sourceHost } from '../../../../client/map/basemap/basemap-style'
import { GRIDS_BELOW_KEY } from '../../../../client/map/basemap/grids-insertion'
import type { BasemapConfig } from '../../../../server/contract/basemap'

const ORIGIN = 'http://127.0.0.1:3000'
const config = (source: BasemapConfig['source']): BasemapConfig => ({ source, crs: 'wgs84', attribution: '© x' })

describe('resolveBasemap', () => {
  it('keeps the demo style, grid fills below its buildings', async () => {
    const { style, sources, failedHost } = await resolveBasemap(config({ kind: 'demo' }), ORIGIN)
    expect(style.layers.map((l) => l.id)).toContain('buildings-fill')
    expect(style.metadata).toEqual({ [GRIDS_BELOW_KEY]: 'buildings-fill' })
    expect(sources).toEqual({ outline: '127.0.0.1:3000', buildings: '127.0.0.1:3000', metro: '127.0.0.1:3000' })
    expect(failedHost).toBeNull()
  })

  it('draws raster templates, naming their host', async () => {
    const { style, sources } = await resolveBasemap(config({ kind: 'raster', tint: 'dark', layers: [{ tiles: ['https://t3.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}'], tileSize: 256, minzoom: 0, maxzoom: 18 }] }), ORIGIN)
    expect(style.layers.map((l) => l.type)).toEqual(['background', 'raster'])
    expect(sources).toEqual({ 'basemap-raster-0': 't3.tianditu.gov.cn' })
  })

  it('fetches a style (relative to this server when it is DATA_DIR\'s) and recolours it', async () => {
    const fetchStyle = vi.fn(async () => new Response(JSON.stringify({
      version: 8, sources: { v: { type: 'vector', url: 'https://tiles.example.cn/v3.json' } },
      layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#ffffff' } }, { id: 'label', type: 'symbol', source: 'v', 'source-layer': 'place', layout: { 'text-field': '{name}' } }],
    })))
    const { style, sources, failedHost } = await resolveBasemap(config({ kind: 'style', url: '/basemap/tiles/style.json?v=1' }), ORIGIN, fetchStyle as never)
    expect(fetchStyle).toHaveBeenCalledWith('http://127.0.0.1:3000/basemap/tiles/style.json?v=1')
    expect(style.layers[0]).not.toMatchObject({ paint: { 'background-color': '#ffffff' } })
    expect(style.metadata).toEqual({ [GRIDS_BELOW_KEY]: 'label' })
    expect(sources).toEqual({ v: 'tiles.example.cn' })
    expect(failedHost).toBeNull()
  })

  it('starts on the wall background, naming the host, when the style cannot be fetched', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const fetchStyle of [async () => new Response('no', { status: 502 }), async () => { throw new TypeError('fetch failed') }, async () => new Response('<html>')]) {
      const { style, sources, failedHost } = await resolveBasemap(config({ kind: 'style', url: 'https://tiles.example.cn/styles/dark.json' }), ORIGIN, fetchStyle as never)
      expect(style.layers.map((l) => l.id)).toEqual(['background'])
      expect(sources).toEqual({})
      expect(failedHost).toBe('tiles.example.cn')
    }
    warn.mockRestore()
  })
})

describe('sourceHost', () => {
  it('reads the host from a TileJSON URL, a pmtiles URL, tile templates or GeoJSON data', () => {
    expect(sourceHost({ type: 'vector', url: 'pmtiles://http://10.0.0.5:8080/city.pmtiles' }, ORIGIN)).toBe('10.0.0.5:8080')
    expect(sourceHost({ type: 'raster', tiles: ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'] }, ORIGIN)).toBe('0.tile.openstreetmap.org')
    expect(sourceHost({ type: 'geojson', data: '/basemap/buildings.geojson' }, ORIGIN)).toBe('127.0.0.1:3000')
    expect(sourceHost({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, ORIGIN)).toBe('127.0.0.1:3000')
  })
})
