// What goes into the area tiles: the streets', communities' and grids' polygons (layer `areas`, with
// their code and level), and one label point per area with its name (layer `area-labels`), so a
// grid's name is drawn once at its label point rather than once per tile its polygon touches, and
// names travel only in the tiles of the zooms where the wall draws them (LABEL_ZOOMS). The district
// itself is left out: the wall draws no district fill, and its one polygon would sit in every tile.
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { BasemapCrs } from '../contract/basemap'
import type { AreaLevel } from '../contract/domain'
import type { AreaGeometry, AreaTree } from '../domain/area-tree'
import { toDisplayGeometry, toDisplayPoint } from './display-crs'

export { AREAS_TILE_LAYER as AREAS_LAYER, AREA_LABELS_TILE_LAYER as LABELS_LAYER } from '../contract/area-tiles'
export const TILED_LEVELS: readonly AreaLevel[] = ['street', 'community', 'grid']

/**
 * The tile zooms whose tiles carry each level's names, inclusive. The wall draws community names
 * below zoom 14.6 and grid names above it (GridsLayer.vue), both from the z14 tiles at 14.6; a
 * city's 15,000 grid names in the z8–z13 tiles would double their size for text never drawn.
 */
export const LABEL_ZOOMS: Partial<Record<AreaLevel, [number, number]>> = { community: [0, 14], grid: [14, Infinity] }

export interface AreaPolygonProperties {
  code: string
  level: AreaLevel
}

export interface AreaLabelProperties extends AreaPolygonProperties {
  name: string
}

export interface AreaTileFeatures {
  polygons: FeatureCollection<AreaGeometry, AreaPolygonProperties>
  /** Label points by level (only the levels in LABEL_ZOOMS). */
  labels: Map<AreaLevel, FeatureCollection<Point, AreaLabelProperties>>
}

export function areaTileFeatures(tree: AreaTree, crs: BasemapCrs): AreaTileFeatures {
  const areas = tree.all().filter((a) => TILED_LEVELS.includes(a.level))
  const polygons: Feature<AreaGeometry, AreaPolygonProperties>[] = []
  const labels = new Map<AreaLevel, FeatureCollection<Point, AreaLabelProperties>>()
  for (const level of Object.keys(LABEL_ZOOMS) as AreaLevel[]) labels.set(level, { type: 'FeatureCollection', features: [] })
  // MVT ids are unsigned integers, so not the codes (strings; a 15-digit number costs 7 bytes a
  // feature): the wall keys feature-state by the `code` property (promoteId), and the id is the
  // area's position in the hierarchy, the same in the polygon and the label layer.
  areas.forEach((a, i) => {
    polygons.push({ type: 'Feature', id: i + 1, properties: { code: a.code, level: a.level }, geometry: toDisplayGeometry(tree.geometry(a.code)!, crs) })
    labels.get(a.level)?.features.push({
      type: 'Feature', id: i + 1, properties: { code: a.code, level: a.level, name: a.name },
      geometry: { type: 'Point', coordinates: toDisplayPoint(a.center, crs) },
    })
  })
  return { polygons: { type: 'FeatureCollection', features: polygons }, labels }
}
