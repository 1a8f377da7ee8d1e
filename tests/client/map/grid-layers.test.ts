// The grid layers read the same properties over either source; with tiles each names its source layer.
import { describe, expect, it } from 'vitest'
import { AREA_LABELS_TILE_LAYER, AREAS_TILE_LAYER } from '../../../server/contract/area-tiles'
import { GRID_LAYER_IDS, gridLayers } from '../../../client/map/grid-layers'

describe('the grid layers', () => {
  it('keep their ids and order in both modes', () => {
    for (const mode of ['geojson', 'tiles'] as const) expect(gridLayers('areas', mode, [1, 2, 3]).map((l) => l.id)).toEqual([...GRID_LAYER_IDS])
  })

  it('draw polygons from the areas layer and names from the label points when tiled', () => {
    const sourceLayers = Object.fromEntries(gridLayers('areas', 'tiles', [1, 2, 3]).map((l) => [l.id, (l as { 'source-layer'?: string })['source-layer']]))
    expect(sourceLayers).toEqual({
      'grids-fill': AREAS_TILE_LAYER, 'grids-line': AREAS_TILE_LAYER, 'communities-line': AREAS_TILE_LAYER, 'streets-line': AREAS_TILE_LAYER,
      'grids-label': AREA_LABELS_TILE_LAYER, 'communities-label': AREA_LABELS_TILE_LAYER,
    })
    expect(gridLayers('areas', 'geojson', [1, 2, 3]).some((l) => 'source-layer' in l)).toBe(false)
  })

  it('shade grids by their open-case feature-state with the given breaks', () => {
    const fill = gridLayers('areas', 'tiles', [2, 5, 9])[0] as { paint: { 'fill-color': unknown[] } }
    expect(fill.paint['fill-color'].slice(0, 2)).toEqual(['step', ['coalesce', ['feature-state', 'open'], 0]])
    expect(fill.paint['fill-color'].filter((x) => typeof x === 'number')).toEqual([2, 5, 9])
  })
})
