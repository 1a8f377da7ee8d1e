// The city-scale district, generated: 1 district → streets → communities → grids as a regular
// lattice of small squares (codes 6 + 3 + 3 + 3 digits, as 统计用区划代码 and grid codes are), plus
// where each inspector walks and where cases are reported. Deterministic for a given size.
import fs from 'node:fs'
import path from 'node:path'
import type { Feature, Polygon } from 'geojson'
import type { AreaFeatureProperties } from '../../server/domain/area-tree'
import { gridCount, type BenchPlan } from './options'
import { createRng } from '../../server/simulator/random'

/** Communities are blocks of 5 × 10 grids; streets are blocks of 3 × 5 communities. */
const COMMUNITY_BLOCK: [number, number] = [5, 10]
const STREET_BLOCK: [number, number] = [3, 5]
const DISTRICT_CODE = '350111'

type AreaFeature = Feature<Polygon, AreaFeatureProperties>

/** The simulator's seeded generator (mulberry32), so a scenario is the same every run. */
export const rng = createRng

const r6 = (x: number) => Math.round(x * 1e6) / 1e6

function rect(west: number, south: number, east: number, north: number): Polygon {
  const [w, s, e, n] = [r6(west), r6(south), r6(east), r6(north)]
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }
}

function cellBox(size: BenchPlan, col0: number, row0: number, cols: number, rows: number): Polygon {
  const [x0, y0] = size.origin
  const d = size.cellDeg
  return rect(x0 + col0 * d, y0 + row0 * d, x0 + Math.min(size.gridCols, col0 + cols) * d, y0 + Math.min(size.gridRows, row0 + rows) * d)
}

export function buildAreas(size: BenchPlan): AreaFeature[] {
  const [cw, ch] = COMMUNITY_BLOCK
  const [sw, sh] = STREET_BLOCK
  const communityCols = Math.ceil(size.gridCols / cw)
  const communityRows = Math.ceil(size.gridRows / ch)
  const streetCols = Math.ceil(communityCols / sw)
  const streetRows = Math.ceil(communityRows / sh)
  const feature = (code: string, name: string, level: AreaFeatureProperties['level'], parentCode: string | null, geometry: Polygon): AreaFeature =>
    ({ type: 'Feature', properties: { code, name, level, parentCode }, geometry })
  const features: AreaFeature[] = [feature(DISTRICT_CODE, '基准区', 'district', null, cellBox(size, 0, 0, size.gridCols, size.gridRows))]
  const pad = (n: number) => String(n).padStart(3, '0')
  for (let sy = 0; sy < streetRows; sy++) {
    for (let sx = 0; sx < streetCols; sx++) {
      const streetCode = `${DISTRICT_CODE}${pad(sy * streetCols + sx + 1)}`
      features.push(feature(streetCode, `基准街道${sy * streetCols + sx + 1}`, 'street', DISTRICT_CODE, cellBox(size, sx * sw * cw, sy * sh * ch, sw * cw, sh * ch)))
      let communityNo = 0
      for (let cy = sy * sh; cy < Math.min(communityRows, (sy + 1) * sh); cy++) {
        for (let cx = sx * sw; cx < Math.min(communityCols, (sx + 1) * sw); cx++) {
          const communityCode = `${streetCode}${pad(++communityNo)}`
          const communityName = `基准社区${cy * communityCols + cx + 1}`
          features.push(feature(communityCode, communityName, 'community', streetCode, cellBox(size, cx * cw, cy * ch, cw, ch)))
          let gridNo = 0
          for (let gy = cy * ch; gy < Math.min(size.gridRows, (cy + 1) * ch); gy++) {
            for (let gx = cx * cw; gx < Math.min(size.gridCols, (cx + 1) * cw); gx++) {
              features.push(feature(`${communityCode}${pad(++gridNo)}`, `${communityName}第${gridNo}网格`, 'grid', communityCode, cellBox(size, gx, gy, 1, 1)))
            }
          }
        }
      }
    }
  }
  return features
}

/** Writes DATA_DIR/areas.geojson: the server seeds its store from it on first start. */
export function writeAreasFile(size: BenchPlan, dataDir: string): { file: string; grids: number; features: number; bytes: number } {
  const features = buildAreas(size)
  const file = path.join(dataDir, 'areas.geojson')
  const text = JSON.stringify({ type: 'FeatureCollection', features })
  fs.writeFileSync(file, text)
  return { file, grids: features.filter((f) => f.properties.level === 'grid').length, features: features.length, bytes: text.length }
}

/** A point inside cell (col,row), away from its edges so it is placed in that grid. */
function pointInCell(size: BenchPlan, cell: number, random: () => number): [number, number] {
  const col = cell % size.gridCols
  const row = Math.floor(cell / size.gridCols)
  const d = size.cellDeg
  return [r6(size.origin[0] + (col + 0.1 + 0.8 * random()) * d), r6(size.origin[1] + (row + 0.1 + 0.8 * random()) * d)]
}

export const deviceId = (i: number) => `bench-${String(i).padStart(5, '0')}`
export const PROBE_DEVICE = 'bench-probe'

/** Where each inspector's round starts: inspectors spread evenly over the grids. */
export function inspectorHomes(size: BenchPlan): [number, number][] {
  const random = rng(20261129)
  const grids = gridCount(size)
  return Array.from({ length: size.inspectors }, (_, i) => pointInCell(size, Math.floor((i * grids) / size.inspectors), random))
}

/** Where the open cases are reported: random grids, a point inside each. */
export function caseSpots(size: BenchPlan, count: number, seed = 7): [number, number][] {
  const random = rng(seed)
  const grids = gridCount(size)
  return Array.from({ length: count }, () => pointInCell(size, Math.floor(random() * grids), random))
}

export function districtCentre(size: BenchPlan): [number, number] {
  return [size.origin[0] + (size.gridCols * size.cellDeg) / 2, size.origin[1] + (size.gridRows * size.cellDeg) / 2]
}

/** Subclass codes cases are reported under, with 市容环境 / 街面秩序 dominating as in the field. */
export const SERVICE_CODES = ['E0101', 'E0101', 'E0102', 'E0106', 'E0401', 'E0401', 'E0403', 'E0201', 'C0101', 'C0102', 'C0201', 'E0501']
