// The one way readings enter, for MQTT messages, HTTP callbacks and the simulator alike: every
// reading checked first (a bad one refuses the whole batch, nothing is stored), then all stored with
// the devices' new states in one transaction (the point where a reading counts as acknowledged),
// then the alarm rules reconciled for the devices touched. Batches go one at a time: each reads the
// devices' states, awaits the store, then moves them on, so two batches of a device never interleave.
import type { SensorReading } from '../../contract/devices'
import type { DeviceAlarms } from '../../devices/device-alarms'
import type { DeviceConfig } from '../../devices/device-config'
import type { DeviceRegistry } from '../../devices/device-registry'
import { advanceState, type DeviceState } from '../../devices/device-state'
import { DAY_MS } from '../../domain/china-time'
import { oneAtATime } from '../../domain/one-at-a-time'
import type { District } from '../../domain/district'
import type { WallStore } from '../../store/wall-store'
import { InvalidInputError } from '../position-ingest'
import { parseReading } from './parse-reading'

export interface IntakeCounters {
  accepted: number
  duplicates: number
  /** Readings refused, by the field at fault. */
  refused: Record<string, number>
}

export interface SensorIntake {
  district: District
  store: WallStore
  registry: DeviceRegistry
  alarms: DeviceAlarms
  config: DeviceConfig
  maxClockSkewMs: number
  counters: IntakeCounters
  /** After readings were stored: the areas (communities) whose figures changed. */
  stored: (areaCodes: ReadonlySet<string>) => void
}

export interface ReadingRejection {
  index: number
  field: string
  message: string
}

export type IntakeResult =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; rejected: ReadingRejection[] }

const serially = new WeakMap<SensorIntake, ReturnType<typeof oneAtATime>>()

export function ingestReadings(intake: SensorIntake, items: readonly unknown[]): Promise<IntakeResult> {
  let queue = serially.get(intake)
  if (!queue) serially.set(intake, queue = oneAtATime())
  return queue(() => ingestNow(intake, items))
}

async function ingestNow(intake: SensorIntake, items: readonly unknown[]): Promise<IntakeResult> {
  const now = intake.district.clock.now()
  const limits = { now, maxAheadMs: intake.maxClockSkewMs, maxAgeMs: intake.config.retentionDays * DAY_MS }
  const readings: { reading: SensorReading; index: number }[] = []
  const rejected: ReadingRejection[] = []
  items.forEach((item, index) => {
    try {
      readings.push({ reading: known(intake.registry, parseReading(item, limits)), index })
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      rejected.push({ index, field: error.field, message: error.message })
    }
  })
  // Oldest first, so each device's state moves forward in order whatever order the batch came in.
  readings.sort((a, b) => a.reading.at - b.reading.at)
  const states = new Map<string, DeviceState>()
  for (const { reading, index } of readings) {
    const prev = states.get(reading.deviceId) ?? intake.registry.state(reading.deviceId)
    if (reading.kind === 'waterMeter' && prev?.totalM3 != null && reading.at > prev.lastAt && reading.totalM3 < prev.totalM3) {
      rejected.push({ index, field: 'totalM3', message: `totalM3: ${reading.totalM3} m³ is below the meter's last register ${prev.totalM3} m³ (a register never runs back)` })
      continue
    }
    states.set(reading.deviceId, advanceState(prev, reading))
  }
  if (rejected.length > 0) {
    for (const r of rejected) intake.counters.refused[r.field] = (intake.counters.refused[r.field] ?? 0) + 1
    return { ok: false, rejected: rejected.sort((a, b) => a.index - b.index) }
  }
  const rows = readings.map(({ reading }) => ({ ...reading, areaCode: intake.registry.info(reading.deviceId)!.areaCode }))
  const added = await intake.store.devices.saveReadings(rows, [...states.values()])
  intake.counters.accepted += added
  intake.counters.duplicates += rows.length - added
  for (const state of states.values()) intake.registry.setState(state, now)
  reconcileTouched(intake, states.keys(), now)
  intake.stored(new Set(rows.map((r) => r.areaCode)))
  return { ok: true, accepted: added, duplicates: rows.length - added }
}

/** A reading of a registered device, of the kind it is registered as. */
function known(registry: DeviceRegistry, reading: SensorReading): SensorReading {
  const info = registry.info(reading.deviceId)
  if (!info) throw new InvalidInputError('deviceId', `unknown device ${reading.deviceId} (register it in DATA_DIR/devices.geojson)`)
  if (info.kind !== reading.kind) throw new InvalidInputError('kind', `device ${reading.deviceId} is registered as ${info.kind}, not ${reading.kind}`)
  return reading
}

/** The readings are stored whatever happens here: an alarm that fails to open is retried by the periodic reconcile. */
function reconcileTouched(intake: SensorIntake, deviceIds: Iterable<string>, now: number): void {
  for (const id of deviceIds) {
    try {
      intake.alarms.reconcile(id, now)
    } catch (error) {
      console.error(`devices: the alarm of ${id} could not be reconciled (retried later): ${(error as Error).message}`)
    }
  }
}
