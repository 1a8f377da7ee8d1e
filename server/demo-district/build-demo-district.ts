// Builds the demo district from the real data in ../shared/data: basemap layers, the area hierarchy
// and the walkability raster. Deterministic (no randomness at all): same inputs, same bytes.
// Run with `npm run build:demo-data`; see README.md in this folder for the method.
import { area as turfArea } from '@turf/area'
import { loadBuildings, loadCommunityCodes, loadDistrictOutline, loadMetroStations, loadTownshipNames } from './load-sources'
import { DISTRICT_ADCODE, findStudyArea } from './study-area'
import { findBlocks } from './blocks'
import { groupBlocksIntoGrids } from './grids'
import { traceLabels } from './trace'
import { buildGridTopology } from './topology'
import { gridNodes, planHierarchy } from './hierarchy'
import { buildAreaFeatures } from './area-features'
import { buildWalkable } from './walkable'
import { cornerToMetres, cornerToWgs84, mapShape, metresToCorner, polygonsOf } from './shapes'
import { OUTPUT, buildingFeatures, collection, metroFeatures, outlineFeature, writeJson } from './write-outputs'
import type { XY } from './projection'

function main(): void {
  const started = Date.now()
  const all = loadBuildings()
  const outline = loadDistrictOutline(DISTRICT_ADCODE)
  const area = findStudyArea(all, outline.geometry)
  const { spec } = area
  const plan = groupBlocksIntoGrids(findBlocks(area), area)
  const obstacles = area.footprints.flatMap((b) => b.polygons.map((rings) => rings[0].map(metresToCorner(spec))))
  const topology = buildGridTopology(traceLabels(plan.label, spec.width, spec.height, plan.count), obstacles)
  const streets = planHierarchy(gridNodes(plan.label, plan.count, spec, area.buildings), loadCommunityCodes(), loadTownshipNames())
  const features = buildAreaFeatures(streets, topology, area.buildings, metresToCorner(spec), cornerToWgs84(spec))

  const district = topology.merged([...Array(plan.count).keys()])
  const toMetres = cornerToMetres(spec)
  const walk = buildWalkable(polygonsOf(mapShape(district, toMetres)) as XY[][][], all)
  const bbox = bboxOf(features[0].geometry)

  const sizes = {
    [OUTPUT.buildings]: writeJson(OUTPUT.buildings, collection(buildingFeatures(area.footprints))),
    [OUTPUT.outline]: writeJson(OUTPUT.outline, collection([outlineFeature(outline)])),
    [OUTPUT.metro]: writeJson(OUTPUT.metro, collection(metroFeatures(loadMetroStations(), bbox))),
    [OUTPUT.areas]: writeJson(OUTPUT.areas, collection(features)),
    [OUTPUT.walkable]: writeJson(OUTPUT.walkable, walk.json),
  }
  const byLevel = (level: string) => features.filter((f) => f.properties.level === level)
  const gridKm2 = byLevel('grid').map((f) => turfArea(f.geometry) / 1e6).sort((a, b) => a - b)
  const counts = byLevel('grid').map((f) => f.properties.buildingCount).sort((a, b) => a - b)
  console.log(`study area ${features[0].properties.buildingCount} buildings in ${(turfArea(features[0].geometry) / 1e6).toFixed(2)} km², bbox ${bbox.join(', ')}`)
  console.log(`${byLevel('street').length} streets, ${byLevel('community').length} communities, ${gridKm2.length} grids`)
  console.log(`grid area km²: min ${gridKm2[0].toFixed(3)}, median ${median(gridKm2).toFixed(3)}, max ${gridKm2.at(-1)!.toFixed(3)}`)
  console.log(`buildings per grid: min ${counts[0]}, median ${median(counts)}, max ${counts.at(-1)}`)
  console.log(`walkable: ${walk.json.width}×${walk.json.height} cells, ${walk.walkableCells} walkable, ${walk.pocketCells} in sealed pockets dropped`)
  for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB`)
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function bboxOf(shape: ReturnType<typeof mapShape>): [number, number, number, number] {
  const points = polygonsOf(shape).flat(2)
  const lngs = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]
}

main()
