// What the store keeps of devices (issue #13), beside the WallStore: the registry, the readings,
// each device's state and the alarms. Every method is one transaction.
import type { DeviceAlarm, DeviceInfo, DeviceKind, SensorReading } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import type { DeviceState } from '../devices/device-state'

export interface StoredAlarm extends DeviceAlarm {
  id: number
}

export interface HourlyCount {
  deviceId: string
  /** Hours since `from` (0–23 for a CST day). */
  hour: number
  in: number
  out: number
  detections: number
}

export interface MeterRange {
  deviceId: string
  /** The register before the window (its last reading before `from`), else its first in the window. */
  base: number
  /** The highest register in the window. */
  top: number
}

export interface DeviceStore {
  loadDevices(): DeviceInfo[]
  /** Replaces the whole registry (a layer file imported, or the demo devices). */
  replaceDevices(devices: readonly DeviceInfo[]): void
  /**
   * Stores readings with the area they came from, skipping any already stored (same device and time),
   * and the devices' new states: together, or nothing. Returns how many readings were new.
   */
  saveReadings(readings: readonly (SensorReading & { areaCode: string })[], states: readonly DeviceState[]): Promise<number>
  loadStates(): DeviceState[]
  /** Every device's newest alarm row (open or cleared). */
  latestAlarms(): StoredAlarm[]
  /** Alarms of an area's devices still open, or raised or cleared since `since`, newest first. */
  alarmsOf(areaCode: string, since: EpochMs): Promise<StoredAlarm[]>
  insertAlarm(alarm: DeviceAlarm): number
  clearAlarm(id: number, at: EpochMs): void
  /** Counts per device and hour of [from, to) for an area's devices of one kind. */
  hourlyCounts(areaCode: string, kind: DeviceKind, from: EpochMs, to: EpochMs): Promise<HourlyCount[]>
  /** Water meters' register at the start of [from, to) and its top within it. */
  meterRanges(areaCode: string, from: EpochMs, to: EpochMs): Promise<MeterRange[]>
  /** Drops readings stamped before `before`; returns how many went. */
  pruneReadings(before: EpochMs): Promise<number>
  countReadings(): Promise<number>
}
