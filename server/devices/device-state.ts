// A device's latest state, moved forward by its readings: when it last spoke, its alarm state, and
// for a water meter its register and when that last moved (the care rule's clock). Pure and
// idempotent: a reading not newer than the state (a redelivery, a late one) leaves it as it was.
import type { SensorReading } from '../contract/devices'
import type { EpochMs } from '../contract/domain'

export interface DeviceState {
  deviceId: string
  /** Time of the newest reading. */
  lastAt: EpochMs
  /** smoke / manhole / flood: the newest reading's alarm flag; null for other kinds. */
  alarm: boolean | null
  value: number | null
  /** waterMeter: the newest register (m³). */
  totalM3: number | null
  /** waterMeter: when the register last rose (its first reading counts as a rise: no use is known before it). */
  movedAt: EpochMs | null
}

export function advanceState(prev: DeviceState | undefined, reading: SensorReading): DeviceState {
  if (prev && reading.at <= prev.lastAt) return prev
  const next: DeviceState = prev ? { ...prev, lastAt: reading.at } : { deviceId: reading.deviceId, lastAt: reading.at, alarm: null, value: null, totalM3: null, movedAt: null }
  if (reading.kind === 'smoke' || reading.kind === 'manhole' || reading.kind === 'flood') {
    next.alarm = reading.alarm
    next.value = reading.value ?? null
  } else if (reading.kind === 'waterMeter') {
    if (next.totalM3 == null || reading.totalM3 > next.totalM3) next.movedAt = reading.at
    next.totalM3 = reading.totalM3
  }
  return next
}
