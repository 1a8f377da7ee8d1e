// The area hierarchy cut into vector tiles and read back with MapLibre's own decoder: the right
// areas in the right tiles with code and level (and names only at the zooms the wall draws them),
// GCJ-02 tiles shifted while the tree keeps its WGS-84 geometry, and a version that follows content.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AreaTree, type AreaFeature } from '../../../server/domain/area-tree'
import { cutAreaTiles, TILE_MAX_ZOOM } from '../../../server/tiles/area-tile-set'
import { decodeTile, tileAt } from '../../helpers/vector-tiles'

const features = () => (JSON.parse(fs.readFileSync('tests/fixtures/import/valid-hierarchy.geojson', 'utf8')) as { features: AreaFeature[] }).features
const GRID_1 = '350111100012001'

describe('area tiles', () => {
  const tree = new AreaTree(features())
  const tiles = cutAreaTiles(tree, 'wgs84')
  const centre = tree.get(GRID_1)!.center

  it('holds the streets, communities and grids with code and level, ids for every feature, and no district', () => {
    const at = tileAt(centre, 14)
    const layers = decodeTile(tiles.tile(at.z, at.x, at.y)!, at.z, at.x, at.y)
    const areas = layers.areas
    expect(areas.map((f) => f.properties.code).sort()).toEqual(tree.all().filter((a) => a.level !== 'district').map((a) => a.code).sort())
    const grid = areas.find((f) => f.properties.code === GRID_1)!
    expect(grid.properties).toEqual({ code: GRID_1, level: 'grid' })
    expect(new Set(areas.map((f) => f.id)).size).toBe(areas.length)
    expect(areas.every((f) => typeof f.id === 'number' && f.id > 0)).toBe(true)
    // Within a tile unit of the source polygon (~0.6 m at z14 here).
    const ring = (grid.geojson.geometry as GeoJSON.Polygon).coordinates[0]
    const source = (tree.geometry(GRID_1) as GeoJSON.Polygon).coordinates[0]
    for (const [lng, lat] of source) expect(ring.some(([x, y]) => Math.abs(x - lng) < 1e-5 && Math.abs(y - lat) < 1e-5)).toBe(true)
  })

  it('draws each name once, at its label point, only at the zooms the wall shows it', () => {
    const labelsAt = (z: number) => {
      const at = tileAt(centre, z)
      return decodeTile(tiles.tile(at.z, at.x, at.y)!, at.z, at.x, at.y)['area-labels'] ?? []
    }
    const levels = (z: number) => [...new Set(labelsAt(z).map((f) => f.properties.level))].sort()
    expect(levels(12)).toEqual(['community'])
    expect(levels(14)).toEqual(['community', 'grid'])
    expect(levels(15)).toEqual(['grid'])
    const label = labelsAt(15).find((f) => f.properties.code === GRID_1)!
    expect(label.properties.name).toBe('浦东社区第1网格')
    const [lng, lat] = (label.geojson.geometry as GeoJSON.Point).coordinates
    expect(Math.abs(lng - centre[0]) + Math.abs(lat - centre[1])).toBeLessThan(1e-4)
  })

  it('answers null for a tile no area touches, and cuts down to its maximum zoom', () => {
    const far = tileAt([100, 40], 10)
    expect(tiles.tile(far.z, far.x, far.y)).toBeNull()
    const deep = tileAt(centre, TILE_MAX_ZOOM)
    expect(decodeTile(tiles.tile(deep.z, deep.x, deep.y)!, deep.z, deep.x, deep.y).areas.some((f) => f.properties.code === GRID_1)).toBe(true)
  })

  it('bounds the tiled areas (the district, not tiled, may reach further)', () => {
    expect(tiles.bounds).toEqual(tree.get('350111100')!.bbox)
  })

  it('cuts GCJ-02 tiles from shifted copies, leaving the tree in WGS-84', () => {
    const before = JSON.stringify(tree.toFeatureCollection())
    const shifted = cutAreaTiles(tree, 'gcj02')
    expect(JSON.stringify(tree.toFeatureCollection())).toBe(before)
    expect(shifted.version).not.toBe(tiles.version)
    // Here GCJ-02 lies ~480 m east and ~340 m south of WGS-84 (gcoord: 119.3, 26.08 → 119.3048, 26.0769).
    const [w, s] = shifted.bounds
    expect(w - 119.3).toBeGreaterThan(0.003)
    expect(w - 119.3).toBeLessThan(0.008)
    expect(26.08 - s).toBeGreaterThan(0.002)
    expect(26.08 - s).toBeLessThan(0.005)
  })

  it('keeps its version for the same areas and changes it for others', () => {
    expect(cutAreaTiles(new AreaTree(features()), 'wgs84').version).toBe(tiles.version)
    const moved = features().map((f) => (f.properties.code === GRID_1 ? { ...f, properties: { ...f.properties, name: '改名网格' } } : f))
    expect(cutAreaTiles(new AreaTree(moved), 'wgs84').version).not.toBe(tiles.version)
  })
})
