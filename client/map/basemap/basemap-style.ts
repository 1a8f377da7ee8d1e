// The map style for the configured basemap (server/contract/basemap.ts), resolved before the map is
// created so the first frame is already the right basemap. Our own layers (grids, inspectors,
// cases) are added on top afterwards from our own sources, so they draw whatever the basemap does.
import type { StyleSpecification } from 'maplibre-gl'
import type { BasemapConfig } from '../../../server/contract/basemap'
import { baseStyle } from '../base-style'
import { BASEMAP_PALETTE } from './basemap-palette'
import { markGridsInsertion } from './grids-insertion'
import { openMapTilesStyle } from './openmaptiles-style'
import { pmtilesHoldsImages } from './pmtiles-protocol'
import { rasterPmtilesStyle, rasterStyle } from './raster-style'
import { recolourStyle } from './recolour-style'

export interface ResolvedBasemap {
  style: StyleSpecification
  /** The basemap's sources (id → the host its data comes from), to tell its failures from ours. */
  sources: Record<string, string>
  /** The host of a basemap that failed before the map started (its style could not be fetched). */
  failedHost: string | null
}

export async function resolveBasemap(config: BasemapConfig, origin: string, fetchStyle: typeof fetch = fetch): Promise<ResolvedBasemap> {
  const source = config.source
  switch (source.kind) {
    case 'demo':
      return resolved(markGridsInsertion(baseStyle(origin), 'buildings-fill'), origin)
    case 'raster':
      return resolved(rasterStyle(source.layers, source.tint), origin)
    case 'pmtiles': {
      const url = new URL(source.url, origin).href
      const style = (await pmtilesHoldsImages(url)) ? rasterPmtilesStyle(url, source.tint) : markGridsInsertion(openMapTilesStyle(`pmtiles://${url}`), 'basemap-building')
      return { ...resolved(style, origin), sources: Object.fromEntries(Object.keys(style.sources).map((id) => [id, new URL(url).host])) }
    }
    case 'style':
      return styleBasemap(new URL(source.url, origin).href, origin, fetchStyle)
  }
}

async function styleBasemap(url: string, origin: string, fetchStyle: typeof fetch): Promise<ResolvedBasemap> {
  try {
    const response = await fetchStyle(url)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return resolved(markGridsInsertion(recolourStyle((await response.json()) as StyleSpecification)), origin)
  } catch (error) {
    console.warn(`[basemap] could not load the style ${url}`, error)
    return { style: emptyStyle(), sources: {}, failedHost: new URL(url).host }
  }
}

/** The wall's background alone: what is left when the basemap's style cannot be had. */
export function emptyStyle(): StyleSpecification {
  return { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': BASEMAP_PALETTE.background } }] }
}

function resolved(style: StyleSpecification, origin: string): ResolvedBasemap {
  return { style, sources: Object.fromEntries(Object.entries(style.sources).map(([id, spec]) => [id, sourceHost(spec, origin)])), failedHost: null }
}

/** The host a source's data comes from (its TileJSON URL, first tile URL or GeoJSON URL). */
export function sourceHost(spec: StyleSpecification['sources'][string], origin: string): string {
  const s = spec as { url?: string; tiles?: string[]; data?: unknown }
  const url = s.url ?? s.tiles?.[0] ?? (typeof s.data === 'string' ? s.data : undefined)
  try {
    return url ? new URL(url.replace(/^pmtiles:\/\//, '').replace(/\{[a-z-]+\}/g, '0'), origin).host : new URL(origin).host
  } catch {
    return new URL(origin).host
  }
}
