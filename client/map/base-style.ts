// The offline basemap: real OpenStreetMap building footprints, the district outline and metro
// stations, all GeoJSON served by this server. No tiles, no glyph server: text is drawn from local
// fonts (MapLibre ≥ 5.11 draws text locally when a style has no `glyphs`).
import type { StyleSpecification } from 'maplibre-gl'
import { METRO_ICON } from './icons'

export function baseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      outline: { type: 'geojson', data: `${origin}/basemap/district-outline.geojson` },
      buildings: { type: 'geojson', data: `${origin}/basemap/buildings.geojson`, buffer: 16 },
      metro: { type: 'geojson', data: `${origin}/basemap/metro.geojson` },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#061327' } },
      { id: 'outline-fill', type: 'fill', source: 'outline', paint: { 'fill-color': '#0a1f3c', 'fill-opacity': 0.9 } },
      { id: 'outline-line', type: 'line', source: 'outline', paint: { 'line-color': '#35d0ff', 'line-width': 3, 'line-opacity': 0.55, 'line-blur': 1 } },
      { id: 'buildings-fill', type: 'fill', source: 'buildings', paint: { 'fill-color': '#17375f', 'fill-opacity': 0.95 } },
      { id: 'buildings-line', type: 'line', source: 'buildings', minzoom: 14, paint: { 'line-color': '#2b5f95', 'line-width': 0.6 } },
      {
        id: 'metro-icon', type: 'symbol', source: 'metro',
        layout: { 'icon-image': METRO_ICON, 'icon-size': 0.55, 'icon-allow-overlap': true },
      },
      {
        id: 'metro-label', type: 'symbol', source: 'metro', minzoom: 14,
        layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-font': ['Noto Sans CJK SC'] },
        paint: { 'text-color': '#9ec3e6', 'text-halo-color': '#061327', 'text-halo-width': 1.5 },
      },
    ],
  }
}
