import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Flatbush from 'flatbush'
import { area } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'

type Shape = Polygon | MultiPolygon
interface AreaProps {
  code: string
  name: string
  level: 'district' | 'street' | 'community' | 'grid'
  parentCode: string | null
  buildingCount: number
  footprintM2: number
  floorAreaM2: number
}

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const areas = (JSON.parse(readFileSync(repo('server/demo-district/data/areas.geojson'), 'utf8')) as FeatureCollection<Shape, AreaProps>).features
const buildings = (JSON.parse(readFileSync(repo('public/basemap/buildings.geojson'), 'utf8')) as FeatureCollection<Shape>).features
const communityCsv = repo('../shared/data/admin-codes/fuzhou_fuan_communities_villages.csv')

const byLevel = (level: AreaProps['level']) => areas.filter((f) => f.properties.level === level)
const district = byLevel('district')
const streets = byLevel('street')
const communities = byLevel('community')
const grids = byLevel('grid')
const polygonsOf = (s: Shape) => (s.type === 'Polygon' ? [s.coordinates] : s.coordinates)

// Grid polygons indexed by bbox, for point lookups.
const gridIndex = (() => {
  const index = new Flatbush(grids.length)
  for (const g of grids) {
    const points = polygonsOf(g.geometry).flat(2)
    index.add(Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])),
      Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1])))
  }
  index.finish()
  return index
})()

function gridsHolding(p: Position): number[] {
  return gridIndex.search(p[0], p[1], p[0], p[1]).filter((k) => booleanPointInPolygon(p, grids[k].geometry))
}

// Area-weighted centroid of the building's largest outer ring (what the generator counts with).
function centroid(f: Feature<Shape>): Position {
  const ring = polygonsOf(f.geometry).map((rings) => rings[0]).sort((a, b) => ringArea(b) - ringArea(a))[0]
  let a = 0, cx = 0, cy = 0
  for (let k = 0; k + 1 < ring.length; k++) {
    const cross = ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]
    a += cross
    cx += (ring[k][0] + ring[k + 1][0]) * cross
    cy += (ring[k][1] + ring[k + 1][1]) * cross
  }
  return [cx / (3 * a), cy / (3 * a)]
}

function ringArea(ring: Position[]): number {
  let a = 0
  for (let k = 0; k + 1 < ring.length; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]
  return Math.abs(a / 2)
}

describe('demo district areas', () => {
  it('has one district and its two streets', () => {
    expect(district.map((f) => f.properties)).toMatchObject([{ code: '350111', name: '晋安区', parentCode: null }])
    expect(streets.map((f) => [f.properties.code, f.properties.name, f.properties.parentCode])).toEqual([
      ['350111102', '岳峰镇', '350111'],
      ['350111100', '鼓山镇', '350111'],
    ])
  })

  it('gives every feature the documented properties and a polygon geometry', () => {
    for (const f of areas) {
      expect(Object.keys(f.properties).sort()).toEqual(['buildingCount', 'code', 'floorAreaM2', 'footprintM2', 'level', 'name', 'parentCode'])
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type)
      expect(f.properties.floorAreaM2).toBeGreaterThanOrEqual(f.properties.footprintM2)
      for (const p of polygonsOf(f.geometry).flat(2)) expect(Math.round(p[0] * 1e6) / 1e6).toBe(p[0])
    }
  })

  it.skipIf(!existsSync(communityCsv))('uses real community codes and names under the right street', () => {
    const rows = readFileSync(communityCsv, 'utf8').split('\n').slice(1).map((line) => line.split(',').map((c) => c.replace(/"/g, '')))
    const real = new Map(rows.map(([code, name, streetCode]) => [code, { name, streetCode }]))
    expect(communities.length).toBeGreaterThanOrEqual(6)
    for (const c of communities) {
      const row = real.get(c.properties.code)
      expect(row, c.properties.code).toBeDefined()
      expect(row!.streetCode).toBe(c.properties.parentCode)
      expect(row!.name.startsWith(c.properties.name.replace(/社区$/, ''))).toBe(true)
      expect(c.properties.name).toMatch(/社区$/)
    }
  })

  it('codes grids as community code + 3 digits and names them after the community', () => {
    expect(grids.length).toBeGreaterThanOrEqual(60)
    expect(grids.length).toBeLessThanOrEqual(90)
    const codes = new Set(areas.map((f) => f.properties.code))
    expect(codes.size).toBe(areas.length)
    for (const g of grids) {
      const parent = communities.find((c) => c.properties.code === g.properties.parentCode)
      expect(parent, g.properties.code).toBeDefined()
      expect(g.properties.code).toMatch(/^\d{15}$/)
      expect(g.properties.code.startsWith(parent!.properties.code)).toBe(true)
      const sequence = Number(g.properties.code.slice(12))
      expect(g.properties.name).toBe(`${parent!.properties.name}第${sequence}网格`)
    }
    for (const c of communities) {
      const children = grids.filter((g) => g.properties.parentCode === c.properties.code).length
      expect(children).toBeGreaterThanOrEqual(4)
      expect(children).toBeLessThanOrEqual(8)
    }
  })

  it('sums every parent from its children', () => {
    for (const parent of [...district, ...streets, ...communities]) {
      const children = areas.filter((f) => f.properties.parentCode === parent.properties.code)
      expect(children.length).toBeGreaterThan(0)
      for (const key of ['buildingCount', 'footprintM2', 'floorAreaM2'] as const) {
        expect(children.reduce((n, f) => n + f.properties[key], 0), `${parent.properties.code} ${key}`).toBe(parent.properties[key])
      }
    }
  })

  it('tiles the district with grids: their areas add up', () => {
    const total = grids.reduce((n, g) => n + area(g.geometry), 0)
    expect(Math.abs(total - area(district[0].geometry)) / total).toBeLessThan(1e-4)
  })

  it('puts every building centroid in exactly one grid and counts it there', () => {
    const counts = new Map<number, number>()
    let outside = 0
    for (const b of buildings) {
      const holders = gridsHolding(centroid(b))
      expect(holders.length).toBeLessThanOrEqual(1)
      if (holders.length === 0) outside++
      else counts.set(holders[0], (counts.get(holders[0]) ?? 0) + 1)
    }
    expect(outside / buildings.length).toBeLessThan(0.01)
    const counted = grids.reduce((n, g) => n + g.properties.buildingCount, 0)
    expect(Math.abs(counted - (buildings.length - outside))).toBeLessThanOrEqual(buildings.length * 0.01)
  })

  it('never draws a grid edge through a building', () => {
    for (const b of buildings) {
      for (const rings of polygonsOf(b.geometry)) {
        const holders = new Set(rings[0].slice(0, -1).flatMap((p) => gridsHolding(p)))
        expect(holders.size, JSON.stringify(b.properties)).toBeLessThanOrEqual(1)
      }
    }
  })
})
