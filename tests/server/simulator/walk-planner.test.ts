import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Flatbush from 'flatbush'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { createWalkPlanner } from '../../../server/simulator/walk-planner'
import { decodeWalkableRaster, isWalkable, loadWalkableRaster } from '../../../server/simulator/walkable-raster'
import type { LngLat, WalkableRaster } from '../../../server/simulator/walkable-raster'

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const readGeoJson = <T extends Polygon | MultiPolygon>(path: string) =>
  JSON.parse(readFileSync(repo(path), 'utf8')) as FeatureCollection<T, Record<string, unknown>>

const raster = loadWalkableRaster(repo('server/demo-district/data/walkable.json'))
const planner = createWalkPlanner(raster)
const grids = readGeoJson('server/demo-district/data/areas.geojson').features.filter((f) => f.properties.level === 'grid')
const footprints = buildingIndex(readGeoJson('public/basemap/buildings.geojson').features)

// Every polygon part of every building, indexed by its bbox.
function buildingIndex(features: Feature<Polygon | MultiPolygon>[]) {
  const parts = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
  const index = new Flatbush(parts.length)
  for (const rings of parts) {
    const xs = rings[0].map((p) => p[0])
    const ys = rings[0].map((p) => p[1])
    index.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))
  }
  index.finish()
  return { parts, index }
}

function inBuilding(p: Position): boolean {
  return footprints.index.search(p[0], p[1], p[0], p[1])
    .some((k) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: footprints.parts[k] }))
}

function metres(a: Position, b: Position): number {
  const kx = 111_320 * Math.cos((a[1] * Math.PI) / 180)
  return Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * 110_574)
}

// mulberry32: small, seeded, good enough for test sampling.
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('walk planner on the demo district', () => {
  it('routes 200 random pairs inside grids without ever entering a building', () => {
    const rng = seeded(20261129)
    const times: number[] = []
    let samples = 0
    let vertices = 0
    for (let n = 0; n < 200; n++) {
      const grid = grids[Math.floor(rng() * grids.length)]
      const from = planner.randomWalkablePoint(grid.geometry, rng)
      const to = planner.randomWalkablePoint(grid.geometry, rng)
      const started = performance.now()
      const route = planner.route(from, to)
      times.push(performance.now() - started)
      expect(route, `route ${n} in ${grid.properties.code}`).not.toBeNull()
      expect(route![0]).toEqual(from)
      expect(route!.at(-1)).toEqual(to)
      vertices += route!.length
      for (let k = 0; k + 1 < route!.length; k++) {
        const [a, b] = [route![k], route![k + 1]]
        const steps = Math.max(1, Math.ceil(metres(a, b)))
        for (let s = 0; s <= steps; s++) {
          const p: LngLat = [a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]
          samples++
          if (inBuilding(p)) expect.fail(`route ${n} enters a building at ${p}`)
          if (!isWalkable(raster, p)) expect.fail(`route ${n} leaves the walkable cells at ${p}`)
        }
      }
    }
    times.sort((a, b) => a - b)
    console.log(`walk-planner: 200 in-grid routes, median ${times[100].toFixed(2)} ms, p95 ${times[190].toFixed(2)} ms, `
      + `max ${times[199].toFixed(2)} ms; ${(vertices / 200).toFixed(1)} vertices per route; ${samples} samples checked`)
  })

  it('puts random points on walkable ground inside the area, never in a building', () => {
    const rng = seeded(7)
    for (let n = 0; n < 500; n++) {
      const grid = grids[n % grids.length]
      const p = planner.randomWalkablePoint(grid.geometry, rng)
      expect(isWalkable(raster, p)).toBe(true)
      expect(inBuilding(p)).toBe(false)
      expect(booleanPointInPolygon(p, grid.geometry), `${grid.properties.code}`).toBe(true)
    }
  })

  it('snaps a point inside a building to walkable ground nearby, and routes to the snapped point', () => {
    const rng = seeded(3)
    const building = footprints.parts.find((rings) => inBuilding(ringCentre(rings[0])))!
    const inside = ringCentre(building[0])
    const snapped = planner.snap(inside)
    expect(isWalkable(raster, snapped)).toBe(true)
    expect(metres(inside, snapped)).toBeLessThan(200)
    const start = planner.randomWalkablePoint(grids[0].geometry, rng)
    const route = planner.route(start, inside)
    // Decision: a blocked target is not unreachable; the route ends at its snapped point.
    expect(route).not.toBeNull()
    expect(route!.at(-1)).toEqual(snapped)
  })
})

function ringCentre(ring: Position[]): LngLat {
  const n = ring.length - 1
  return [ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n, ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n]
}

// A 20 × 10 open field with a walled-off 3 × 3 room in its north-east corner.
function syntheticRaster(): WalkableRaster {
  const width = 20
  const height = 10
  const blocked = new Uint8Array(width * height)
  for (let j = 5; j < 10; j++) blocked[j * width + 14] = 1
  for (let i = 14; i < 20; i++) blocked[5 * width + i] = 1
  return { originLng: 119, originLat: 26, cellLng: 0.00003, cellLat: 0.000027, width, height, blocked }
}

const cellPoint = (r: WalkableRaster, i: number, j: number): LngLat => [r.originLng + (i + 0.5) * r.cellLng, r.originLat + (j + 0.5) * r.cellLat]

describe('walk planner on a synthetic raster', () => {
  it('returns null when the target cell is walkable but sealed off', () => {
    const r = syntheticRaster()
    const p = createWalkPlanner(r)
    expect(p.route(cellPoint(r, 1, 1), cellPoint(r, 17, 8))).toBeNull()
  })

  it('walks a straight line across open ground and pulls a detour tight', () => {
    const r = syntheticRaster()
    const p = createWalkPlanner(r)
    expect(p.route(cellPoint(r, 1, 1), cellPoint(r, 12, 2))).toHaveLength(2)
    // Round the room's wall: one bend near its corner, no zig-zag.
    const around = p.route(cellPoint(r, 12, 8), cellPoint(r, 18, 2))!
    expect(around.length).toBeGreaterThanOrEqual(3)
    expect(around.length).toBeLessThanOrEqual(4)
  })
})

describe('decodeWalkableRaster', () => {
  const good = { originLng: 119, originLat: 26, cellLng: 0.00003, cellLat: 0.000027, width: 10, height: 3, blocked: Buffer.from([0xff, 0, 0, 0b0010]).toString('base64') }

  it('decodes the row-major LSB-first bitset', () => {
    const r = decodeWalkableRaster(good)
    expect(r.blocked.length).toBe(30)
    expect([...r.blocked.slice(0, 9)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0])
    expect(r.blocked[25]).toBe(1)
    expect(isWalkable(r, cellPoint(r, 0, 0))).toBe(false)
    expect(isWalkable(r, cellPoint(r, 8, 0))).toBe(true)
    expect(isWalkable(r, [118, 26])).toBe(false)
  })

  it.each([
    ['width', { ...good, width: undefined }],
    ['height', { ...good, height: 2.5 }],
    ['cellLat', { ...good, cellLat: -1 }],
    ['originLng', { ...good, originLng: 'east' }],
    ['blocked', { ...good, blocked: 'not base64!' }],
    ['blocked', { ...good, width: 40 }],
  ])('rejects a bad "%s"', (field, json) => {
    expect(() => decodeWalkableRaster(json)).toThrow(new RegExp(`"${field}"`))
  })

  it('rejects something that is not an object', () => {
    expect(() => decodeWalkableRaster([1, 2])).toThrow(/object/)
  })
})
