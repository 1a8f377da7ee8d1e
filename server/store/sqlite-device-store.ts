// The SQLite side of the DeviceStore, on the WallStore's database (same file, same WAL): a reading
// that was answered for is committed, so it survives a kill -9 of the server.
import type Database from 'better-sqlite3'
import type { DeviceAlarm, DeviceInfo, DeviceKind } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import type { DeviceStore, HourlyCount, MeterRange } from './device-store'
import { alarmFromRow, deviceFromRow, deviceValues, readingColumns, stateFromRow, stateValues, type AlarmRow, type DeviceRow, type StateRow } from './device-rows'

const HOUR_MS = 3_600_000

export function createSqliteDeviceStore(db: Database.Database): DeviceStore {
  const insertReading = db.prepare(`INSERT OR IGNORE INTO sensor_readings (device_id, at, kind, area_code, in_count, out_count, detections, total_m3, alarm, value)
    VALUES (@device_id, @at, @kind, @area_code, @in_count, @out_count, @detections, @total_m3, @alarm, @value)`)
  const upsertState = db.prepare(`INSERT OR REPLACE INTO device_state (device_id, last_at, alarm, value, total_m3, moved_at) VALUES (?, ?, ?, ?, ?, ?)`)

  return {
    loadDevices() {
      return (db.prepare('SELECT * FROM devices ORDER BY ord').all() as DeviceRow[]).map(deviceFromRow)
    },
    replaceDevices(devices: readonly DeviceInfo[]) {
      const insert = db.prepare(`INSERT INTO devices (id, kind, code, name, area_code, grid_code, lng, lat, elder_alone, stream, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      db.transaction(() => {
        db.prepare('DELETE FROM devices').run()
        devices.forEach((d, i) => insert.run(...deviceValues(d, i)))
      })()
    },
    async saveReadings(readings, states) {
      return db.transaction(() => {
        let added = 0
        for (const r of readings) added += insertReading.run(readingColumns(r)).changes
        for (const s of states) upsertState.run(...stateValues(s))
        return added
      })()
    },
    loadStates() {
      return (db.prepare('SELECT * FROM device_state').all() as StateRow[]).map(stateFromRow)
    },
    latestAlarms() {
      return (db.prepare('SELECT * FROM device_alarms WHERE id IN (SELECT MAX(id) FROM device_alarms GROUP BY device_id)').all() as AlarmRow[]).map(alarmFromRow)
    },
    async alarmsOf(areaCode: string, since: EpochMs) {
      return (db.prepare(`SELECT a.* FROM device_alarms a JOIN devices d ON d.id = a.device_id
        WHERE d.area_code = ? AND (a.cleared_at IS NULL OR a.cleared_at >= ? OR a.raised_at >= ?) ORDER BY a.raised_at DESC, a.id DESC LIMIT 200`)
        .all(areaCode, since, since) as AlarmRow[]).map(alarmFromRow)
    },
    insertAlarm(a: DeviceAlarm) {
      return Number(db.prepare('INSERT INTO device_alarms (device_id, rule, raised_at, cleared_at, case_id, text) VALUES (?, ?, ?, ?, ?, ?)')
        .run(a.deviceId, a.rule, a.raisedAt, a.clearedAt, a.caseId, a.text).lastInsertRowid)
    },
    clearAlarm(id: number, at: EpochMs) {
      db.prepare('UPDATE device_alarms SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL').run(at, id)
    },
    async hourlyCounts(areaCode: string, kind: DeviceKind, from: EpochMs, to: EpochMs): Promise<HourlyCount[]> {
      // better-sqlite3 binds a JS number as REAL: cast, or the division is not by whole hours.
      return (db.prepare(`SELECT device_id, (at - CAST(@from AS INTEGER)) / ${HOUR_MS} AS hour, SUM(COALESCE(in_count, 0)) AS i, SUM(COALESCE(out_count, 0)) AS o,
          SUM(COALESCE(detections, 0)) AS d
        FROM sensor_readings WHERE area_code = @area AND kind = @kind AND at >= @from AND at < @to GROUP BY device_id, hour`)
        .all({ area: areaCode, kind, from, to }) as { device_id: string; hour: number; i: number; o: number; d: number }[])
        .map((r) => ({ deviceId: r.device_id, hour: r.hour, in: r.i, out: r.o, detections: r.d }))
    },
    async meterRanges(areaCode: string, from: EpochMs, to: EpochMs): Promise<MeterRange[]> {
      const rows = db.prepare(`SELECT device_id, MIN(total_m3) AS low, MAX(total_m3) AS top FROM sensor_readings
        WHERE area_code = ? AND kind = 'waterMeter' AND at >= ? AND at < ? GROUP BY device_id`).all(areaCode, from, to) as { device_id: string; low: number; top: number }[]
      const before = db.prepare('SELECT total_m3 FROM sensor_readings WHERE device_id = ? AND at < ? ORDER BY at DESC LIMIT 1').pluck()
      return rows.map((r) => ({ deviceId: r.device_id, base: (before.get(r.device_id, from) as number | undefined) ?? r.low, top: r.top }))
    },
    async pruneReadings(before: EpochMs) {
      return db.prepare('DELETE FROM sensor_readings WHERE at < ?').run(before).changes
    },
    async countReadings() {
      return db.prepare('SELECT COUNT(*) FROM sensor_readings').pluck().get() as number
    },
  }
}
