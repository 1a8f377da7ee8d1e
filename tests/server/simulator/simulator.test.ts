// The simulator on the real demo district: inspectors walk between buildings (never through them,
// never jittering in place), and a replayed week looks like the seed documents' figures.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import Flatbush from 'flatbush'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_AREAS_FILE, loadAreaFeatures } from '../../../server/areas/load-areas'
import { AreaTree } from '../../../server/domain/area-tree'
import { createManualClock } from '../../../server/domain/clock'
import { createDistrict, type District } from '../../../server/domain/district'
import { computeKpis } from '../../../server/domain/kpis'
import { HistorySampler } from '../../../server/ingest/history-sampler'
import { buildingFactsOf, demoGridWeight, demoStaff } from '../../../server/simulator/demo-setup'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import { metresBetween } from '../../../server/domain/geo-math'
import { createSimulator, type Simulator } from '../../../server/simulator/simulator'
import { createWalkPlanner } from '../../../server/simulator/walk-planner'
import { loadWalkableRaster } from '../../../server/simulator/walkable-raster'

type Building = Feature<Polygon | MultiPolygon>
const WEDNESDAY_0940 = Date.parse('2026-11-25T09:40:00+08:00')
const planner = createWalkPlanner(loadWalkableRaster(path.join(path.dirname(DEMO_AREAS_FILE), 'walkable.json')))

function buildingIndex() {
  const fc = JSON.parse(fs.readFileSync('public/basemap/buildings.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>
  const index = new Flatbush(fc.features.length)
  const boxes = fc.features.map((f) => {
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0])
    const xs = rings.flat().map((p) => p[0]), ys = rings.flat().map((p) => p[1])
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const
  })
  for (const b of boxes) index.add(...b)
  index.finish()
  return (p: [number, number]): Building | undefined =>
    index.search(p[0], p[1], p[0], p[1]).map((i) => fc.features[i]).find((b) => booleanPointInPolygon(p, b))
}

function demo(): { district: District; simulator: Simulator; clock: ReturnType<typeof createManualClock> } {
  const features = loadAreaFeatures(DEMO_AREAS_FILE)
  const clock = createManualClock(WEDNESDAY_0940)
  const district = createDistrict({ tree: new AreaTree(features), clock, silence: { staleAfterMs: 60_000, offlineAfterMs: 300_000 } })
  for (const inspector of demoStaff(district.tree, buildingFactsOf(features), 11).roster) district.inspectors.register(inspector)
  const store = openSqliteStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-test-')), 'wall.db'))
  const intake = { district, store, sampler: new HistorySampler({ minIntervalMs: 0, minDistanceM: 0 }) }
  return { district, clock, simulator: createSimulator({ intake, planner, seed: 11, gridWeight: demoGridWeight(features) }) }
}

describe('the simulator walking the demo district', () => {
  const tracks = new Map<number, { at: number; p: [number, number] }[]>()
  const buildingAt = buildingIndex()

  beforeAll(() => {
    const { district, clock, simulator } = demo()
    simulator.startRounds()
    for (let minute = 0; minute < 20 * 12; minute++) {
      clock.advance(5_000)
      simulator.step(clock.now())
      for (const i of district.inspectors.allLive()) {
        const track = tracks.get(i.id) ?? []
        if (track.at(-1)?.at !== i.fixAt) track.push({ at: i.fixAt, p: [i.lng, i.lat] })
        tracks.set(i.id, track)
      }
    }
  })

  it('never places an inspector inside a building', () => {
    const inside = [...tracks.values()].flat().filter(({ p }) => buildingAt(p))
    expect([...tracks.values()].flat().length).toBeGreaterThan(5_000)
    expect(inside).toEqual([])
  })

  it('walks at a walking pace, and really walks rather than jitters', () => {
    let walkers = 0
    for (const track of tracks.values()) {
      for (let k = 1; k < track.length; k++) {
        const metres = metresBetween(track[k - 1].p, track[k].p)
        expect(metres / ((track[k].at - track[k - 1].at) / 1000)).toBeLessThanOrEqual(1.6)
      }
      const distance = track.slice(1).reduce((sum, fix, k) => sum + metresBetween(track[k].p, fix.p), 0)
      if (distance > 300) walkers++
    }
    // 20 minutes on the round: almost everyone on duty covers a few hundred metres.
    expect(walkers).toBeGreaterThan(tracks.size * 0.6)
  })
})

describe('the simulator after a restart', () => {
  it('carries every inspector on from their last fix instead of a new random point', () => {
    const { district, clock, simulator } = demo()
    simulator.startRounds()
    const before = new Map(district.inspectors.allLive().map((i) => [i.id, i]))
    clock.advance(30_000)
    // A second simulator over the same live state stands for the restarted server.
    const restarted = createSimulator({ intake: { district, store: openSqliteStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-restart-')), 'wall.db')), sampler: new HistorySampler({ minIntervalMs: 0, minDistanceM: 0 }) }, planner, seed: 12, gridWeight: () => 1 })
    restarted.startRounds()
    for (const after of district.inspectors.allLive()) {
      const last = before.get(after.id)
      if (!last || last.status === 'offline') continue
      const seconds = (after.fixAt - last.fixAt) / 1000
      expect(metresBetween([last.lng, last.lat], [after.lng, after.lat]), `inspector ${after.id}`).toBeLessThanOrEqual(1.6 * seconds + 5)
    }
  })
})

describe('the simulator replaying a week', () => {
  it('starts mid-shift with cases at every step and figures like the seeds', () => {
    const { district, simulator } = demo()
    simulator.replayPast(WEDNESDAY_0940 - 8 * 86_400_000)
    const open = [...district.cases.open()]
    for (const step of ['reported', 'accepted', 'filed', 'dispatched', 'handled', 'verified']) {
      expect(open.some((c) => c.step === step), `an open case at ${step}`).toBe(true)
    }
    const kpis = computeKpis(district.cases.all(), WEDNESDAY_0940 - 7 * 86_400_000, WEDNESDAY_0940)
    const rate = (r: { numerator: number; denominator: number }) => r.numerator / r.denominator
    expect(rate(kpis.filingRate)).toBeGreaterThan(0.88)   // Fu'an: 10,692 of 11,531 filed (92.7%)
    expect(rate(kpis.filingRate)).toBeLessThan(0.97)
    expect(rate(kpis.closureRate)).toBeGreaterThan(0.85)  // Fu'an: 处置率 94%
    expect(rate(kpis.reworkRate)).toBeLessThan(0.15)
  })
})
