// The demo district's devices with a day of readings in a real PostgreSQL 15 + PostGIS, beside the
// SQLite DeviceStore: the same registry, readings (re-posts and duplicates inside a batch included),
// states and alarms give the same answers to every read the community screen and the alarm rules make.
import path from 'node:path'
import type pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SensorReading } from '../../../server/contract/devices'
import { loadAreaFeatures } from '../../../server/areas/load-areas'
import { demoDevices } from '../../../server/devices/demo-devices'
import { advanceState, type DeviceState } from '../../../server/devices/device-state'
import { AreaTree } from '../../../server/domain/area-tree'
import * as pgDevices from '../../../server/store/pg/pg-devices'
import type { WallStore } from '../../../server/store/wall-store'
import { pgBesideSqlite } from '../../helpers/pg-beside-sqlite'

const HOUR = 3_600_000
const DAY_START = Date.parse('2026-12-02T00:00:00+08:00')
const tree = new AreaTree(loadAreaFeatures(path.resolve('server/demo-district/data/areas.geojson')))
const devices = demoDevices(tree, 7)
const community = devices[0].areaCode

/** A day of readings of one community's devices, every 20 minutes, and the states they lead to. */
function dayOfReadings(): { batches: (SensorReading & { areaCode: string })[][]; states: DeviceState[][] } {
  const mine = devices.filter((d) => d.areaCode === community)
  const states = new Map<string, DeviceState>()
  const batches: (SensorReading & { areaCode: string })[][] = []
  const stateBatches: DeviceState[][] = []
  const register = new Map<string, number>()
  for (let at = DAY_START - 2 * HOUR; at < DAY_START + 24 * HOUR; at += 20 * 60_000) {
    const batch: (SensorReading & { areaCode: string })[] = []
    for (const [k, d] of mine.entries()) {
      const n = Math.floor(at / 60_000) % 7 + k
      const base = { deviceId: d.id, at, areaCode: d.areaCode }
      if (d.kind === 'gate' || d.kind === 'vehicle') batch.push({ ...base, kind: d.kind, in: n, out: n % 3 })
      else if (d.kind === 'trampling') batch.push({ ...base, kind: 'trampling', detections: n % 2 })
      else if (d.kind === 'waterMeter') {
        const total = (register.get(d.id) ?? 100 + k) + (n % 4) * 0.013
        register.set(d.id, total)
        batch.push({ ...base, kind: 'waterMeter', totalM3: total })
      } else if (d.kind === 'smoke' || d.kind === 'manhole' || d.kind === 'flood') batch.push({ ...base, kind: d.kind, alarm: n % 11 === 0, ...(n % 11 === 0 ? { value: 18.5 } : {}) })
      else batch.push({ ...base, kind: 'camera' })
    }
    // A re-post of the previous batch's first reading, and a duplicate inside this one.
    if (batches.length > 0) batch.push(batches[batches.length - 1][0])
    batch.push(batch[0])
    const changed: DeviceState[] = []
    for (const r of batch) {
      const next = advanceState(states.get(r.deviceId), r)
      states.set(r.deviceId, next)
      changed.push(next)
    }
    batches.push(batch)
    stateBatches.push(changed)
  }
  return { batches, states: stateBatches }
}

const stores = pgBesideSqlite('pg-devices')
let pool: pg.Pool
let sqlite: WallStore

beforeAll(async () => {
  ({ pool, sqlite } = stores.get())
})

describe('devices in PostgreSQL, beside SQLite', () => {
  it('keeps the registry as given, cameras\' streams and elders\' meters included', async () => {
    expect(devices.some((d) => d.stream) && devices.some((d) => d.elderAlone)).toBe(true)
    sqlite.devices.replaceDevices(devices)
    await pgDevices.replaceDevices(pool, devices)
    expect(await pgDevices.loadDevices(pool)).toEqual(sqlite.devices.loadDevices())
    expect(await pgDevices.loadDevices(pool)).toEqual(devices)
  })

  it('stores a day of readings and states, counting re-posts once', async () => {
    const { batches, states } = dayOfReadings()
    let addedSqlite = 0, addedPg = 0
    for (const [i, batch] of batches.entries()) {
      addedSqlite += (await sqlite.devices.saveReadings(batch, states[i]))
      addedPg += await pgDevices.saveReadings(pool, batch, states[i])
    }
    expect(addedPg).toBe(addedSqlite)
    expect(addedPg).toBeLessThan(batches.flat().length)
    expect(await pgDevices.countReadings(pool)).toBe((await sqlite.devices.countReadings()))
    const byId = <T extends { deviceId: string }>(list: T[]) => [...list].sort((a, b) => a.deviceId.localeCompare(b.deviceId))
    expect(byId(await pgDevices.loadStates(pool))).toEqual(byId(sqlite.devices.loadStates()))
  })

  it('sums people, vehicles and trampling per hour and reads the meters\' ranges equally', async () => {
    const sort = <T extends { deviceId: string; hour?: number }>(list: T[]) => [...list].sort((a, b) => a.deviceId.localeCompare(b.deviceId) || (a.hour ?? 0) - (b.hour ?? 0))
    for (const kind of ['gate', 'vehicle', 'trampling'] as const) {
      const pgCounts = await pgDevices.hourlyCounts(pool, community, kind, DAY_START, DAY_START + 24 * HOUR)
      expect(sort(pgCounts)).toEqual(sort((await sqlite.devices.hourlyCounts(community, kind, DAY_START, DAY_START + 24 * HOUR))))
      if (kind === 'gate') expect(pgCounts.length).toBeGreaterThan(24)
    }
    const ranges = await pgDevices.meterRanges(pool, community, DAY_START, DAY_START + 24 * HOUR)
    expect(sort(ranges)).toEqual(sort((await sqlite.devices.meterRanges(community, DAY_START, DAY_START + 24 * HOUR))))
    expect(ranges.length).toBeGreaterThan(0)
  })

  it('raises, clears and lists alarms equally', async () => {
    const smoke = devices.find((d) => d.areaCode === community && d.kind === 'smoke') ?? devices.find((d) => d.areaCode === community)!
    const alarm = { deviceId: smoke.id, rule: 'smoke' as const, raisedAt: DAY_START + 9 * HOUR, clearedAt: null, caseId: '202612020001', text: '烟雾浓度 18.5 %/m（烟感告警）' }
    const [idSqlite, idPg] = [sqlite.devices.insertAlarm(alarm), await pgDevices.insertAlarm(pool, alarm)]
    expect(idPg).toBe(idSqlite)
    sqlite.devices.clearAlarm(idSqlite, DAY_START + 10 * HOUR)
    await pgDevices.clearAlarm(pool, idPg, DAY_START + 10 * HOUR)
    // Cleared once: a second clear keeps the first time.
    sqlite.devices.clearAlarm(idSqlite, DAY_START + 11 * HOUR)
    await pgDevices.clearAlarm(pool, idPg, DAY_START + 11 * HOUR)
    const second = { ...alarm, raisedAt: DAY_START + 12 * HOUR, caseId: '202612020002' }
    expect(await pgDevices.insertAlarm(pool, second)).toBe(sqlite.devices.insertAlarm(second))
    expect(await pgDevices.latestAlarms(pool)).toEqual(sqlite.devices.latestAlarms())
    for (const since of [DAY_START, DAY_START + 10.5 * HOUR]) {
      expect(await pgDevices.alarmsOf(pool, community, since)).toEqual((await sqlite.devices.alarmsOf(community, since)))
    }
    expect((await pgDevices.alarmsOf(pool, community, DAY_START))[1].clearedAt).toBe(DAY_START + 10 * HOUR)
  })

  it('prunes old readings equally', async () => {
    const before = DAY_START + HOUR
    expect(await pgDevices.pruneReadings(pool, before)).toBe((await sqlite.devices.pruneReadings(before)))
    expect(await pgDevices.countReadings(pool)).toBe((await sqlite.devices.countReadings()))
  })
})
