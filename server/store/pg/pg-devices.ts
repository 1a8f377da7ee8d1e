// Devices, their readings, states and alarms in PostgreSQL, as the SQLite DeviceStore keeps them
// (sqlite-device-store.ts): a reading already stored (same device and time) is skipped, readings and
// states commit together, an alarm row is cleared once. Readings go in as arrays, one statement per
// batch. Writes take the `Sql` of the caller's transaction; reads use any.
import type { DeviceAlarm, DeviceInfo, DeviceKind, SensorReading } from '../../contract/devices'
import type { DeviceState } from '../../devices/device-state'
import type { HourlyCount, MeterRange, StoredAlarm } from '../device-store'
import { alarmFromRow, deviceFromRow, deviceValues, readingColumns, stateFromRow, stateValues, type AlarmRow, type DeviceRow, type StateRow } from '../device-rows'
import { toColumns } from './pg-columns'
import type { Sql } from './pg-pool'

const HOUR_MS = 3_600_000

/** The reading's columns in table order. */
const readingValues = (r: SensorReading & { areaCode: string }): unknown[] => Object.values(readingColumns(r))

export async function loadDevices(sql: Sql): Promise<DeviceInfo[]> {
  const { rows } = await sql.query<DeviceRow>('SELECT id, kind, code, name, area_code, grid_code, lng, lat, elder_alone, stream::text AS stream FROM devices ORDER BY ord')
  return rows.map(deviceFromRow)
}

/** Replaces the whole registry (inside the caller's transaction). */
export async function replaceDevices(sql: Sql, devices: readonly DeviceInfo[]): Promise<void> {
  await sql.query('DELETE FROM devices')
  if (devices.length === 0) return
  const rows = devices.map(deviceValues)
  await sql.query(`INSERT INTO devices (id, kind, code, name, area_code, grid_code, lng, lat, elder_alone, stream, ord)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::smallint[], $10::jsonb[], $11::int[])`,
  toColumns(rows, 11))
}

/** Stores new readings and the devices' states (inside the caller's transaction); returns how many readings were new. */
export async function saveReadings(sql: Sql, readings: readonly (SensorReading & { areaCode: string })[], states: readonly DeviceState[]): Promise<number> {
  let added = 0
  if (readings.length > 0) {
    const { rowCount } = await sql.query(`INSERT INTO sensor_readings (device_id, at, kind, area_code, in_count, out_count, detections, total_m3, alarm, value)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::float8[], $9::smallint[], $10::float8[])
      ON CONFLICT (device_id, at) DO NOTHING`, toColumns(readings.map(readingValues), 10))
    added = rowCount ?? 0
  }
  // The last state of a device in the batch wins, as SQLite's INSERT OR REPLACE in order does.
  const last = new Map(states.map((s) => [s.deviceId, s]))
  if (last.size > 0) {
    const rows = [...last.values()].map(stateValues)
    await sql.query(`INSERT INTO device_state (device_id, last_at, alarm, value, total_m3, moved_at)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::float8[], $5::float8[], $6::bigint[])
      ON CONFLICT (device_id) DO UPDATE SET last_at = excluded.last_at, alarm = excluded.alarm, value = excluded.value,
        total_m3 = excluded.total_m3, moved_at = excluded.moved_at`, toColumns(rows, 6))
  }
  return added
}

export async function loadStates(sql: Sql): Promise<DeviceState[]> {
  const { rows } = await sql.query<StateRow>('SELECT * FROM device_state')
  return rows.map(stateFromRow)
}

/** Every device's newest alarm row (open or cleared). */
export async function latestAlarms(sql: Sql): Promise<StoredAlarm[]> {
  const { rows } = await sql.query<AlarmRow>('SELECT * FROM device_alarms WHERE id IN (SELECT MAX(id) FROM device_alarms GROUP BY device_id)')
  return rows.map(alarmFromRow)
}

/** Alarms of an area's devices still open, or raised or cleared since `since`, newest first (at most 200). */
export async function alarmsOf(sql: Sql, areaCode: string, since: number): Promise<StoredAlarm[]> {
  const { rows } = await sql.query<AlarmRow>(`SELECT a.* FROM device_alarms a JOIN devices d ON d.id = a.device_id
    WHERE d.area_code = $1 AND (a.cleared_at IS NULL OR a.cleared_at >= $2 OR a.raised_at >= $2) ORDER BY a.raised_at DESC, a.id DESC LIMIT 200`, [areaCode, Math.ceil(since)])
  return rows.map(alarmFromRow)
}

/** Inserts an alarm row; returns its id. */
export async function insertAlarm(sql: Sql, a: DeviceAlarm): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(`INSERT INTO device_alarms (device_id, rule, raised_at, cleared_at, case_id, text)
    VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [a.deviceId, a.rule, a.raisedAt, a.clearedAt, a.caseId, a.text])
  return rows[0].id
}

/** Inserts an alarm row under the id the leader numbered it with. */
export async function insertAlarmWithId(sql: Sql, a: StoredAlarm): Promise<void> {
  await sql.query(`INSERT INTO device_alarms (id, device_id, rule, raised_at, cleared_at, case_id, text)
    VALUES ($1, $2, $3, $4, $5, $6, $7)`, [a.id, a.deviceId, a.rule, a.raisedAt, a.clearedAt, a.caseId, a.text])
}

export async function clearAlarm(sql: Sql, id: number, at: number): Promise<void> {
  await sql.query('UPDATE device_alarms SET cleared_at = $1 WHERE id = $2 AND cleared_at IS NULL', [at, id])
}

/** Counts per device and hour of [from, to) for an area's devices of one kind. */
export async function hourlyCounts(sql: Sql, areaCode: string, kind: DeviceKind, from: number, to: number): Promise<HourlyCount[]> {
  const { rows } = await sql.query<{ device_id: string; hour: number; i: number; o: number; d: number }>(`SELECT device_id,
      ((at - $3) / ${HOUR_MS})::int AS hour, SUM(COALESCE(in_count, 0))::int AS i, SUM(COALESCE(out_count, 0))::int AS o,
      SUM(COALESCE(detections, 0))::int AS d
    FROM sensor_readings WHERE area_code = $1 AND kind = $2 AND at >= $3 AND at < $4 GROUP BY device_id, hour`, [areaCode, kind, Math.ceil(from), Math.ceil(to)])
  return rows.map((r) => ({ deviceId: r.device_id, hour: r.hour, in: r.i, out: r.o, detections: r.d }))
}

/** Water meters' register at the start of [from, to) (their last reading before it, else their lowest in it) and their top within it. */
export async function meterRanges(sql: Sql, areaCode: string, from: number, to: number): Promise<MeterRange[]> {
  const { rows } = await sql.query<{ device_id: string; low: number; top: number; before: number | null }>(`SELECT r.device_id, MIN(r.total_m3) AS low, MAX(r.total_m3) AS top,
      (SELECT b.total_m3 FROM sensor_readings b WHERE b.device_id = r.device_id AND b.at < $2 ORDER BY b.at DESC LIMIT 1) AS before
    FROM sensor_readings r WHERE r.area_code = $1 AND r.kind = 'waterMeter' AND r.at >= $2 AND r.at < $3 GROUP BY r.device_id`, [areaCode, Math.ceil(from), Math.ceil(to)])
  return rows.map((r) => ({ deviceId: r.device_id, base: r.before ?? r.low, top: r.top }))
}

/** Drops readings stamped before `before`; returns how many went. */
export async function pruneReadings(sql: Sql, before: number): Promise<number> {
  const { rowCount } = await sql.query('DELETE FROM sensor_readings WHERE at < $1', [Math.ceil(before)])
  return rowCount ?? 0
}

export async function countReadings(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM sensor_readings')
  return rows[0].n
}
