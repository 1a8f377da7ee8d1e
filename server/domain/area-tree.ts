// The area hierarchy district → street → community → grid, with the grid polygons indexed so a
// position or a case is placed in its grid in microseconds (flatbush over bboxes, then an exact
// point-in-polygon test on the few candidates; TECH-NOTES §7).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import Flatbush from 'flatbush'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import type { AreaInfo, AreaLevel, LngLat } from '../contract/domain'

export type AreaGeometry = Polygon | MultiPolygon

export interface AreaFeatureProperties {
  code: string
  name: string
  level: AreaLevel
  parentCode: string | null
}

export type AreaFeature = Feature<AreaGeometry, AreaFeatureProperties>

export class AreaTree {
  private readonly infos = new Map<string, AreaInfo>()
  private readonly geometries = new Map<string, AreaGeometry>()
  private readonly children = new Map<string, string[]>()
  private readonly grids: AreaInfo[]
  private readonly gridIndex: Flatbush

  constructor(features: readonly AreaFeature[]) {
    for (const f of features) {
      const { code, name, level, parentCode } = f.properties
      if (this.infos.has(code)) throw new Error(`area ${code} appears twice`)
      this.infos.set(code, { code, name, level, parentCode, bbox: bboxOf(f.geometry), center: labelPoint(f.geometry) })
      this.geometries.set(code, f.geometry)
    }
    for (const info of this.infos.values()) {
      if (info.parentCode == null) continue
      if (!this.infos.has(info.parentCode)) throw new Error(`area ${info.code} has unknown parent ${info.parentCode}`)
      this.children.set(info.parentCode, [...(this.children.get(info.parentCode) ?? []), info.code])
    }
    this.grids = [...this.infos.values()].filter((a) => a.level === 'grid')
    if (this.grids.length === 0) throw new Error('the area hierarchy has no grids')
    this.gridIndex = new Flatbush(this.grids.length)
    for (const g of this.grids) this.gridIndex.add(...g.bbox)
    this.gridIndex.finish()
  }

  get root(): AreaInfo {
    const roots = [...this.infos.values()].filter((a) => a.parentCode == null)
    return roots[0]
  }

  get(code: string): AreaInfo | undefined {
    return this.infos.get(code)
  }

  all(): AreaInfo[] {
    return [...this.infos.values()]
  }

  allGrids(): readonly AreaInfo[] {
    return this.grids
  }

  geometry(code: string): AreaGeometry | undefined {
    return this.geometries.get(code)
  }

  childrenOf(code: string): string[] {
    return this.children.get(code) ?? []
  }

  /** The codes from the root down to `code`, inclusive. */
  pathTo(code: string): string[] {
    const path: string[] = []
    for (let a = this.infos.get(code); a; a = a.parentCode ? this.infos.get(a.parentCode) : undefined) path.unshift(a.code)
    return path
  }

  /** The grid containing the point, or undefined outside every grid. */
  locateGrid([lng, lat]: LngLat): AreaInfo | undefined {
    for (const i of this.gridIndex.search(lng, lat, lng, lat)) {
      const grid = this.grids[i]
      if (booleanPointInPolygon([lng, lat], this.geometries.get(grid.code)!)) return grid
    }
    return undefined
  }

  /** The whole hierarchy as GeoJSON for the map (feature id = index; the code is promoted by the client). */
  toFeatureCollection(): FeatureCollection<AreaGeometry, AreaFeatureProperties> {
    return {
      type: 'FeatureCollection',
      features: [...this.infos.values()].map((a) => ({
        type: 'Feature',
        properties: { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode },
        geometry: this.geometries.get(a.code)!,
      })),
    }
  }
}

function outerRings(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0])
}

function bboxOf(g: AreaGeometry): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const ring of outerRings(g)) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y)
    }
  }
  return [minX, minY, maxX, maxY]
}

/** The area-weighted centroid of the largest ring, or (for a concave shape) the ring's best interior midpoint. */
function labelPoint(g: AreaGeometry): LngLat {
  const ring = outerRings(g).reduce((best, r) => (Math.abs(ringArea(r)) > Math.abs(ringArea(best)) ? r : best))
  const centroid = ringCentroid(ring)
  if (booleanPointInPolygon(centroid, { type: 'Polygon', coordinates: [ring] })) return centroid
  // Concave: scan a horizontal line through the centroid and take the middle of the widest inside span.
  const xs: number[] = []
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i], [x2, y2] = ring[i + 1]
    if ((y1 > centroid[1]) !== (y2 > centroid[1])) xs.push(x1 + ((centroid[1] - y1) / (y2 - y1)) * (x2 - x1))
  }
  xs.sort((a, b) => a - b)
  let best: LngLat = [ring[0][0], ring[0][1]], width = -1
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) { width = xs[i + 1] - xs[i]; best = [(xs[i] + xs[i + 1]) / 2, centroid[1]] }
  }
  return best
}

function ringArea(ring: Position[]): number {
  let a = 0
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return a / 2
}

function ringCentroid(ring: Position[]): LngLat {
  let cx = 0, cy = 0
  const a = ringArea(ring)
  if (a === 0) return [ring[0][0], ring[0][1]]
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    cx += (ring[i][0] + ring[i + 1][0]) * f
    cy += (ring[i][1] + ring[i + 1][1]) * f
  }
  return [cx / (6 * a), cy / (6 * a)]
}
