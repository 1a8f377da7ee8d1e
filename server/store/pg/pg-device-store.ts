// The DeviceStore over PostgreSQL for the leader: the registry, each device's state and newest alarm
// are read once at open and kept in memory (the device registry reads them synchronously); writes go
// to the leader's write queue; the readings' history is only ever read from PostgreSQL, after the
// queue has committed what came before (a board never misses a reading it was told about).
import type { DeviceAlarm, DeviceInfo } from '../../contract/devices'
import type { DeviceState } from '../../devices/device-state'
import type { DeviceStore, StoredAlarm } from '../device-store'
import * as devices from './pg-devices'
import type { Sql } from './pg-pool'
import type { WriteQueue } from './pg-write-queue'

export async function openPgDeviceStore(sql: Sql, queue: WriteQueue, read: <T>(query: (sql: Sql) => Promise<T>) => Promise<T>): Promise<DeviceStore> {
  let registry = await devices.loadDevices(sql)
  const states = new Map((await devices.loadStates(sql)).map((s) => [s.deviceId, s]))
  const newestAlarm = new Map((await devices.latestAlarms(sql)).map((a) => [a.deviceId, a]))
  // Alarm ids are numbered here (only the leader writes), so insertAlarm answers at once as with SQLite.
  let lastAlarmId = Number((await sql.query<{ id: number | null }>('SELECT MAX(id) AS id FROM device_alarms')).rows[0].id ?? 0)

  return {
    loadDevices: () => registry.map((d) => ({ ...d })),
    replaceDevices(next: readonly DeviceInfo[]) {
      const copy = structuredClone([...next])
      queue.append((tx) => devices.replaceDevices(tx, copy))
      registry = copy
    },
    async saveReadings(readings, next) {
      const rows = readings.map((r) => ({ ...r }))
      const nextStates = next.map((s) => ({ ...s }))
      let added = 0
      queue.append(async (tx) => { added = await devices.saveReadings(tx, rows, nextStates) })
      for (const s of nextStates) states.set(s.deviceId, s)
      await queue.flush()
      return added
    },
    loadStates: (): DeviceState[] => [...states.values()].map((s) => ({ ...s })),
    latestAlarms: (): StoredAlarm[] => [...newestAlarm.values()].map((a) => ({ ...a })),
    alarmsOf: (areaCode, since) => read((q) => devices.alarmsOf(q, areaCode, since)),
    insertAlarm(alarm: DeviceAlarm) {
      const stored: StoredAlarm = { ...alarm, id: ++lastAlarmId }
      queue.append((tx) => devices.insertAlarmWithId(tx, stored))
      newestAlarm.set(stored.deviceId, stored)
      return stored.id
    },
    clearAlarm(id, at) {
      queue.append((tx) => devices.clearAlarm(tx, id, at))
      for (const a of newestAlarm.values()) if (a.id === id && a.clearedAt == null) a.clearedAt = at
    },
    hourlyCounts: (areaCode, kind, from, to) => read((q) => devices.hourlyCounts(q, areaCode, kind, from, to)),
    meterRanges: (areaCode, from, to) => read((q) => devices.meterRanges(q, areaCode, from, to)),
    async pruneReadings(before) {
      let pruned = 0
      queue.append(async (tx) => { pruned = await devices.pruneReadings(tx, before) })
      await queue.flush()
      return pruned
    },
    countReadings: () => read((q) => devices.countReadings(q)),
  }
}
