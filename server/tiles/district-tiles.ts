// Keeps the area tiles in step with the district's hierarchy: cut at start, cut again when an import
// swaps in a new tree (live-import calls refresh; a request that finds the tree changed cuts too, so
// no path can serve the old areas' tiles for the new ones).
import type { BasemapCrs } from '../contract/basemap'
import type { AreaTree } from '../domain/area-tree'
import type { District } from '../domain/district'
import { cutAreaTiles, TILE_MAX_ZOOM, type AreaTileSet } from './area-tile-set'
import { warmUp } from './tile-warm-up'

export interface DistrictTiles {
  /** The tiles of the district's current hierarchy. */
  current(): AreaTileSet
  crs: BasemapCrs
}

export function districtTiles(district: Pick<District, 'tree'>, crs: BasemapCrs = 'wgs84'): DistrictTiles {
  let cutFrom: AreaTree | null = null
  let tiles: AreaTileSet | null = null
  function current(): AreaTileSet {
    if (tiles && cutFrom === district.tree) return tiles
    cutFrom = district.tree
    const cut = cutAreaTiles(district.tree, crs)
    tiles = cut
    warmUp(cut, TILE_MAX_ZOOM, () => tiles !== cut)
    return cut
  }
  current()
  return { current, crs }
}
