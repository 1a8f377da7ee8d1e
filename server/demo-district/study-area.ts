// The study area: the built-up core of 晋安区 where the demo grids are drawn. It is a morphological
// closing of the building footprints, so it follows the built-up land and leaves out hills and fields.
import type { Building } from './load-sources'
import { fillCentres, rasterisePolygon } from './rasterise'
import { dilate, erode } from './distance-transform'
import { fillSmallHoles, keepLargest } from './components'
import { rasterOver, toLngLat, toXY } from './projection'
import type { RasterSpec } from './projection'
import type { MultiPolygon, Polygon } from 'geojson'

export const DISTRICT_ADCODE = 350111
// Where to look for the dense block: the brief's rough extent, a little wider east and south so the
// closing can decide, and cut at 26.087 N, above which only a few clusters hang off thin strips.
const SEARCH_BOX = { west: 119.318, south: 26.053, east: 119.382, north: 26.087 }
/** Fine raster for blocks and grids. */
export const BLOCK_CELL_M = 5
// Buildings up to 2 × 110 m apart count as one built-up area; empty land wider than that is left out.
const CLOSING_RADIUS_M = 110
// The area reaches this far beyond the outermost buildings, so they have a street around them.
const MARGIN_M = 30
// Necks narrower than twice this are cut.
const NECK_RADIUS_M = 25
// Enclosed gaps up to this size (parks, unmapped plots) belong to the grids around them.
const MAX_FILLED_HOLE_M2 = 150_000

export interface StudyArea {
  spec: RasterSpec
  /** 1 = inside the study area. */
  mask: Uint8Array
  /** 晋安区 buildings touching the study area (it is widened to hold them wholly). */
  buildings: Building[]
  /** Every building touching the study area, whatever its district (the basemap layer). */
  footprints: Building[]
}

function inSearchBox(b: Building): boolean {
  const [lng, lat] = toLngLat(b.centroid)
  return lng > SEARCH_BOX.west && lng < SEARCH_BOX.east && lat > SEARCH_BOX.south && lat < SEARCH_BOX.north
}

export function findStudyArea(all: Building[], outline: Polygon | MultiPolygon): StudyArea {
  const candidates = all.filter((b) => b.adcode === DISTRICT_ADCODE && inSearchBox(b))
  const pad = CLOSING_RADIUS_M + 4 * BLOCK_CELL_M
  const sw = toXY([SEARCH_BOX.west, SEARCH_BOX.south])
  const ne = toXY([SEARCH_BOX.east, SEARCH_BOX.north])
  const spec = rasterOver(sw[0] - pad, sw[1] - pad, ne[0] + pad, ne[1] + pad, BLOCK_CELL_M)
  const { width, height } = spec
  const built = new Uint8Array(width * height)
  for (const b of candidates) for (const rings of b.polygons) rasterisePolygon(spec, rings, 0, (k) => { built[k] = 1 })

  const closed = erode(dilate(built, width, height, CLOSING_RADIUS_M / spec.cell), width, height,
    (CLOSING_RADIUS_M - MARGIN_M) / spec.cell)
  const district = districtMask(spec, outline)
  for (let k = 0; k < closed.length; k++) closed[k] &= district[k]
  // An opening then cuts thin necks, so no grid hangs off the area by a strip.
  const opened = dilate(erode(closed, width, height, NECK_RADIUS_M / spec.cell), width, height, NECK_RADIUS_M / spec.cell)
  const holeCells = MAX_FILLED_HOLE_M2 / (spec.cell * spec.cell)
  const mask = fillSmallHoles(keepLargest(opened, width, height), width, height, holeCells)
  // A district building the area touches belongs to it wholly: grid edges must never cut one.
  const footprints = all.filter((b) => touches(spec, mask, b))
  const buildings = footprints.filter((b) => b.adcode === DISTRICT_ADCODE)
  for (const b of buildings) for (const rings of b.polygons) rasterisePolygon(spec, rings, spec.cell, (k) => { mask[k] = 1 })
  return { spec, mask, buildings, footprints }
}

function touches(spec: RasterSpec, mask: Uint8Array, b: Building): boolean {
  let hit = false
  for (const rings of b.polygons) rasterisePolygon(spec, rings, 0, (k) => { hit ||= mask[k] === 1 })
  return hit
}

function districtMask(spec: RasterSpec, outline: Polygon | MultiPolygon): Uint8Array {
  const mask = new Uint8Array(spec.width * spec.height)
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates
  for (const poly of polygons) fillCentres(spec, poly.map((ring) => ring.map(toXY)), (k) => { mask[k] = 1 })
  return mask
}
