// Reads the real source data from <repo>/../shared/data (see the README there).
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { area as turfArea } from '@turf/area'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { toXY } from './projection'
import type { XY } from './projection'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const sharedDataDir = resolve(repoRoot, '../shared/data')

export interface Building {
  id: string
  name?: string
  levels?: number
  adcode: number
  geometry: Polygon | MultiPolygon
  /** Polygons → rings → projected vertices. */
  polygons: XY[][][]
  /** Area-weighted centroid of the largest outer ring, projected. */
  centroid: XY
  footprintM2: number
}

export interface CommunityCode {
  code: string
  name: string
  streetCode: string
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(resolve(sharedDataDir, relative), 'utf8')) as T
}

function parseLevels(props: Record<string, unknown>): number | undefined {
  const levels = Number.parseFloat(String(props['building:levels'] ?? ''))
  if (Number.isFinite(levels) && levels >= 1) return Math.round(levels)
  // Without a level count, a height tag still tells us roughly how many storeys (about 3 m each).
  const height = Number.parseFloat(String(props.height ?? ''))
  if (Number.isFinite(height) && height >= 3) return Math.max(1, Math.round(height / 3))
  return undefined
}

function ringCentroid(ring: XY[]): { c: XY, a: number } {
  let a = 0
  let cx = 0
  let cy = 0
  for (let k = 0, n = ring.length - 1; k < n; k++) {
    const [x1, y1] = ring[k]
    const [x2, y2] = ring[k + 1]
    const cross = x1 * y2 - x2 * y1
    a += cross
    cx += (x1 + x2) * cross
    cy += (y1 + y2) * cross
  }
  if (Math.abs(a) < 1e-9) return { c: ring[0], a: 0 }
  return { c: [cx / (3 * a), cy / (3 * a)], a: Math.abs(a / 2) }
}

function toBuilding(f: Feature): Building | null {
  const g = f.geometry
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null
  const props = (f.properties ?? {}) as Record<string, unknown>
  const coords = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const polygons = coords.map((poly) => poly.map((ring) => ring.map(toXY)))
  const outer = polygons.map((poly) => ringCentroid(poly[0])).sort((p, q) => q.a - p.a)[0]
  const name = typeof props.name === 'string' && props.name.trim() ? props.name.trim() : undefined
  return {
    id: String(props['@id'] ?? f.id),
    name,
    levels: parseLevels(props),
    adcode: Number(props.district_adcode),
    geometry: g,
    polygons,
    centroid: outer.c,
    footprintM2: turfArea(g),
  }
}

export function loadBuildings(): Building[] {
  const fc = readJson<FeatureCollection>('osm/fuzhou_center_buildings.osm.wgs84.geojson')
  return fc.features.map(toBuilding).filter((b): b is Building => b !== null)
}

export function loadDistrictOutline(adcode: number): Feature<Polygon | MultiPolygon> {
  const fc = readJson<FeatureCollection<Polygon | MultiPolygon>>('boundaries/wgs84/fuzhou_districts.wgs84.geojson')
  const found = fc.features.find((f) => Number(f.properties?.adcode) === adcode)
  if (!found) throw new Error(`district ${adcode} not in fuzhou_districts`)
  return found
}

export function loadMetroStations(): Feature<Point>[] {
  return readJson<FeatureCollection<Point>>('poi/fuzhou_metro_stations.wgs84.geojson').features
}

export function loadCommunityCodes(): CommunityCode[] {
  const lines = readFileSync(resolve(sharedDataDir, 'admin-codes/fuzhou_fuan_communities_villages.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
  return lines.slice(1).map((line) => {
    const [code, name, streetCode] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
    return { code, name, streetCode }
  })
}

/** Official township (街道/镇) names by code. */
export function loadTownshipNames(): Map<string, string> {
  const lines = readFileSync(resolve(sharedDataDir, 'admin-codes/fuzhou_fuan_townships.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
  return new Map(lines.slice(1).map((line) => {
    const [code, name] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
    return [code, name]
  }))
}
