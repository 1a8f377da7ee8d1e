// The grid layers' styles, the same over either source (client/map/grid-source-mode.ts): one GeoJSON
// holding every level, or vector tiles with the polygons in one source layer and the label points
// in another. Grid cells are shaded by their open-case load (feature-state, no re-tiling when counts
// change); community and street boundaries are drawn over them, names at the zooms where they fit.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import { AREA_LABELS_TILE_LAYER, AREAS_TILE_LAYER } from '../../server/contract/area-tiles'
import { THEME } from '../theme/palette'
import type { GridSourceMode } from './grid-source-mode'

export const GRID_LAYER_IDS = ['grids-fill', 'grids-line', 'communities-line', 'streets-line', 'grids-label', 'communities-label'] as const

const level = (l: string): ExpressionSpecification => ['==', ['get', 'level'], l]
const open: ExpressionSpecification = ['coalesce', ['feature-state', 'open'], 0]

export function loadColor([b1, b2, b3]: [number, number, number]): ExpressionSpecification {
  return ['step', open, THEME.load[0], b1, THEME.load[1], b2, THEME.load[2], b3, THEME.load[3]]
}

/** The layers in drawing order; with tiles each names its source layer. */
export function gridLayers(source: string, mode: GridSourceMode, breaks: [number, number, number]): LayerSpecification[] {
  const polygons = mode === 'tiles' ? { source, 'source-layer': AREAS_TILE_LAYER } : { source }
  const labels = mode === 'tiles' ? { source, 'source-layer': AREA_LABELS_TILE_LAYER } : { source }
  return [
    { id: 'grids-fill', type: 'fill', ...polygons, filter: level('grid'), paint: { 'fill-color': loadColor(breaks) } },
    { id: 'grids-line', type: 'line', ...polygons, filter: level('grid'), paint: { 'line-color': '#3aa6e0', 'line-width': 1, 'line-opacity': 0.7, 'line-dasharray': [3, 2] } },
    { id: 'communities-line', type: 'line', ...polygons, filter: level('community'), paint: { 'line-color': '#5fe1ff', 'line-width': 2.2, 'line-opacity': 0.9 } },
    { id: 'streets-line', type: 'line', ...polygons, filter: level('street'), paint: { 'line-color': '#ffd166', 'line-width': 3.5, 'line-opacity': 0.85 } },
    {
      id: 'grids-label', type: 'symbol', ...labels, filter: level('grid'), minzoom: 14.6,
      layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['Noto Sans CJK SC'], 'symbol-placement': 'point' },
      paint: { 'text-color': '#bfe6ff', 'text-halo-color': '#04101f', 'text-halo-width': 1.5 },
    },
    {
      id: 'communities-label', type: 'symbol', ...labels, filter: level('community'), maxzoom: 14.6,
      layout: { 'text-field': ['get', 'name'], 'text-size': 17, 'text-font': ['Noto Sans CJK SC'], 'text-allow-overlap': false },
      paint: { 'text-color': '#e6f7ff', 'text-halo-color': '#04101f', 'text-halo-width': 2 },
    },
  ] as LayerSpecification[]
}
