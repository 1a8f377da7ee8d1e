// The shape of a feature's geometry down to each number: a Polygon or MultiPolygon whose positions
// are finite longitude/latitude pairs in range. Only a geometry that passes is looked at further
// (and converted from GCJ-02): the later checks would only repeat the same fault.
import type { Position } from 'geojson'
import type { Report } from './import-errors'
import { isObject } from './read-geojson'

/** A geometry's polygons, each a list of rings, each checked to be numbers in range. */
export interface PolygonList {
  type: 'Polygon' | 'MultiPolygon'
  polygons: Position[][][]
}

export function readPolygons(geometry: unknown, report: Report): PolygonList | undefined {
  const problem = geometryProblem(geometry)
  if (problem) {
    report(problem, 'geometry')
    return undefined
  }
  const { type, coordinates } = geometry as { type: PolygonList['type']; coordinates: unknown[] }
  const polygons = type === 'Polygon' ? [coordinates] : coordinates
  let ok = true
  polygons.forEach((rings, p) => {
    ok = checkPolygon(rings, type, p, report) && ok
  })
  return ok ? { type, polygons: polygons as Position[][][] } : undefined
}

function geometryProblem(geometry: unknown): string | undefined {
  if (!isObject(geometry)) return 'has no geometry'
  const { type, coordinates } = geometry
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `geometry must be a Polygon or MultiPolygon, got ${JSON.stringify(type)}`
  if (!Array.isArray(coordinates) || coordinates.length === 0) return `the ${type} has no coordinates`
  return undefined
}

/** `ring 0` or, in a MultiPolygon, `polygon 2 ring 0`. */
export function ringName(type: PolygonList['type'], polygon: number, ring: number): string {
  return `${type === 'MultiPolygon' ? `polygon ${polygon} ` : ''}ring ${ring}`
}

function checkPolygon(rings: unknown, type: PolygonList['type'], p: number, report: Report): boolean {
  if (!Array.isArray(rings) || rings.length === 0) {
    report(`${type === 'MultiPolygon' ? `polygon ${p}` : 'the polygon'} has no rings`, 'geometry')
    return false
  }
  let ok = true
  rings.forEach((ring, r) => {
    const problem = ringProblem(ring)
    if (problem) report(`${ringName(type, p, r)} ${problem}`, 'geometry')
    ok = ok && !problem
  })
  return ok
}

/** What is wrong with the first bad position of a ring, or undefined. */
function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring)) return 'is not an array of positions'
  for (let i = 0; i < ring.length; i++) {
    const problem = positionProblem(ring[i])
    if (problem) return `position ${i} ${problem}`
  }
  return undefined
}

function positionProblem(position: unknown): string | undefined {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) return 'is not a [longitude, latitude] pair'
  if (!position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return `has a value that is not a finite number: [${position.map(show).join(', ')}]`
  }
  const [lng, lat] = position as number[]
  const projected = Math.abs(lng) > 1000 || Math.abs(lat) > 1000 ? ' (projected coordinates? the file must be in degrees)' : ''
  if (lng < -180 || lng > 180) return `has longitude ${lng}, outside [-180, 180]${projected}`
  if (lat < -90 || lat > 90) return `has latitude ${lat}, outside [-90, 90]${projected}`
  return undefined
}

/** Numbers as JavaScript prints them (Infinity, NaN), anything else as JSON ("119.3" stays quoted). */
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value)
}
