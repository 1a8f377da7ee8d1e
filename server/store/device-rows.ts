// Row ↔ object mapping for devices, their states, alarms and readings, shared by the SQLite and the
// PostgreSQL stores (0/1 flags; JSON read as text).
import type { CameraStream, DeviceInfo, DeviceKind, SensorReading } from '../contract/devices'
import type { DeviceState } from '../devices/device-state'
import type { StoredAlarm } from './device-store'

export interface DeviceRow {
  id: string; kind: DeviceKind; code: string; name: string; area_code: string; grid_code: string
  lng: number; lat: number; elder_alone: number; stream: string | null
}
export interface StateRow { device_id: string; last_at: number; alarm: number | null; value: number | null; total_m3: number | null; moved_at: number | null }
export interface AlarmRow { id: number; device_id: string; rule: StoredAlarm['rule']; raised_at: number; cleared_at: number | null; case_id: string; text: string }

export function deviceFromRow(r: DeviceRow): DeviceInfo {
  return {
    id: r.id, kind: r.kind, code: r.code, name: r.name, areaCode: r.area_code, gridCode: r.grid_code, lng: r.lng, lat: r.lat,
    ...(r.kind === 'waterMeter' ? { elderAlone: r.elder_alone === 1 } : {}),
    ...(r.stream ? { stream: JSON.parse(r.stream) as CameraStream } : {}),
  }
}

/** A device's columns in table order (id … stream, then its place in the registry). */
export function deviceValues(d: DeviceInfo, ord: number): unknown[] {
  return [d.id, d.kind, d.code, d.name, d.areaCode, d.gridCode, d.lng, d.lat, d.elderAlone ? 1 : 0, d.stream ? JSON.stringify(d.stream) : null, ord]
}

export function stateFromRow(r: StateRow): DeviceState {
  return { deviceId: r.device_id, lastAt: r.last_at, alarm: r.alarm == null ? null : r.alarm === 1, value: r.value, totalM3: r.total_m3, movedAt: r.moved_at }
}

/** A state's columns in table order. */
export function stateValues(s: DeviceState): unknown[] {
  return [s.deviceId, s.lastAt, s.alarm == null ? null : s.alarm ? 1 : 0, s.value, s.totalM3, s.movedAt]
}

export function alarmFromRow(r: AlarmRow): StoredAlarm {
  return { id: r.id, deviceId: r.device_id, rule: r.rule, raisedAt: r.raised_at, clearedAt: r.cleared_at, caseId: r.case_id, text: r.text }
}

/** A reading's columns: counts, detections, register, alarm and value by kind, the others null. */
export function readingColumns(r: SensorReading & { areaCode: string }) {
  const counts = r.kind === 'gate' || r.kind === 'vehicle'
  const state = r.kind === 'smoke' || r.kind === 'manhole' || r.kind === 'flood'
  return {
    device_id: r.deviceId, at: r.at, kind: r.kind, area_code: r.areaCode,
    in_count: counts ? r.in : null, out_count: counts ? r.out : null,
    detections: r.kind === 'trampling' ? r.detections : null,
    total_m3: r.kind === 'waterMeter' ? r.totalM3 : null,
    alarm: state ? (r.alarm ? 1 : 0) : null, value: state ? (r.value ?? null) : null,
  }
}
