// The area hierarchy as GeoJSON features: district → streets → communities → grids, each with its
// building statistics. Buildings are counted in the grid (final polygon) holding their centroid.
import type { Feature, Position } from 'geojson'
import type { AreaLevel } from '../contract/domain'
import type { Building } from './load-sources'
import type { StreetPlan } from './hierarchy'
import type { GridTopology } from './topology'
import { pointInRing } from './trace'
import type { Shape } from './shapes'

export interface AreaProperties {
  code: string
  name: string
  level: AreaLevel
  parentCode: string | null
  buildingCount: number
  footprintM2: number
  floorAreaM2: number
}

// OSM rarely tags storeys; an unknown building counts as 3 storeys, typical of this district's
// older walk-ups, so floor area = footprint × 3 for it.
const DEFAULT_LEVELS = 3

interface Totals { buildingCount: number, footprintM2: number, floorAreaM2: number }

export const DISTRICT = { code: '350111', name: '晋安区' }

/**
 * `toCorner` maps a projected point to cell-corner units; `toWgs84` maps a whole shape from
 * cell-corner units to rounded lng/lat.
 */
export function buildAreaFeatures(
  streets: StreetPlan[],
  topology: GridTopology,
  buildings: Building[],
  toCorner: (p: [number, number]) => Position,
  toWgs84: (shape: Shape) => Shape,
): Feature<Shape, AreaProperties>[] {
  const order = streets.flatMap((s) => s.communities.flatMap((c) => c.grids))
  const gridTotals = countBuildings(order.map((g) => topology.grid(g)), buildings, toCorner)
  const totalsOf = new Map(order.map((g, k) => [g, gridTotals[k]]))
  const feature = (props: Omit<AreaProperties, keyof Totals>, shape: Shape, grids: number[]) =>
    ({ type: 'Feature', properties: { ...props, ...sum(grids.map((g) => totalsOf.get(g)!)) }, geometry: toWgs84(shape) }) as Feature<Shape, AreaProperties>

  const out = [feature({ ...DISTRICT, level: 'district', parentCode: null }, topology.merged(order), order)]
  for (const street of streets) {
    const grids = street.communities.flatMap((c) => c.grids)
    out.push(feature({ code: street.code, name: street.name, level: 'street', parentCode: DISTRICT.code }, topology.merged(grids), grids))
  }
  for (const street of streets) {
    for (const c of street.communities) {
      out.push(feature({ code: c.code, name: c.name, level: 'community', parentCode: street.code }, topology.merged(c.grids), c.grids))
    }
  }
  for (const street of streets) {
    for (const c of street.communities) {
      c.grids.forEach((g, k) => {
        const props = { code: gridCode(c.code, k + 1), name: `${c.name}第${k + 1}网格`, level: 'grid' as const, parentCode: c.code }
        out.push(feature(props, topology.grid(g), [g]))
      })
    }
  }
  return out
}

/** county(6) + township(3) + community(3) + grid(3). */
export function gridCode(communityCode: string, sequence: number): string {
  return communityCode + String(sequence).padStart(3, '0')
}

function countBuildings(shapes: Shape[], buildings: Building[], toCorner: (p: [number, number]) => Position): Totals[] {
  const totals = shapes.map(() => ({ buildingCount: 0, footprintM2: 0, floorAreaM2: 0 }))
  for (const b of buildings) {
    const p = toCorner(b.centroid)
    const k = shapes.findIndex((s) => inShape(p, s))
    if (k < 0) continue
    totals[k].buildingCount++
    totals[k].footprintM2 += b.footprintM2
    totals[k].floorAreaM2 += b.footprintM2 * (b.levels ?? DEFAULT_LEVELS)
  }
  // Rounded per grid, so every parent is exactly the sum of its children.
  return totals.map((t) => ({ ...t, footprintM2: Math.round(t.footprintM2), floorAreaM2: Math.round(t.floorAreaM2) }))
}

function inShape(p: Position, shape: Shape): boolean {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates
  return polygons.some((rings) => pointInRing(p, rings[0]) && !rings.slice(1).some((hole) => pointInRing(p, hole)))
}

function sum(parts: Totals[]): Totals {
  return {
    buildingCount: parts.reduce((n, t) => n + t.buildingCount, 0),
    footprintM2: parts.reduce((n, t) => n + t.footprintM2, 0),
    floorAreaM2: parts.reduce((n, t) => n + t.floorAreaM2, 0),
  }
}
