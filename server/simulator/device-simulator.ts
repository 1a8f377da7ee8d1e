// The demo's devices, driven through the same entry as real ones: readings go to the sensor intake
// (the function POST /api/ingest/sensors calls), or, when MQTT_URL is set, are published to the
// broker under the documented topics and come back through the wall's own subscription. Counters
// report every minute, meters every 15 minutes, alarm devices on a change of state and every 30
// minutes, cameras every 10. After a restart it picks up from the newest reading, so the gap fills.
import type { MqttClient } from 'mqtt'
import { MAX_SENSOR_BATCH, type DeviceInfo, type SensorReading } from '../contract/devices'
import { cstDayStart, DAY_MS } from '../domain/china-time'
import { ingestReadings, type SensorIntake } from '../ingest/sensors/sensor-intake'
import { alarmAt, countReading, litresDrawn, rngFor, stateReading } from './device-rhythms'

const MINUTE = 60_000
const METER_EVERY = 15
const HEARTBEAT_EVERY = 30
const CAMERA_EVERY = 10
/** A fresh demo's morning is filled in with counters read every 5 minutes (fewer rows, same totals). */
const BACKFILL_COUNT_EVERY = 15

export interface DeviceSimulator {
  /** Simulates from where the readings stop (or this morning, on a fresh store) up to now. */
  catchUp(): void
  /** Simulates the minutes since the last call. */
  step(): void
}

export function createDeviceSimulator(intake: SensorIntake, seed: number, mqtt: { client: MqttClient; root: string } | null): DeviceSimulator {
  const { registry, district } = intake
  const devices = () => registry.all()
  const totals = new Map<string, number>()
  const lastAlarm = new Map<string, boolean>()
  let cursor = Math.floor(district.clock.now() / MINUTE) * MINUTE

  function total(device: DeviceInfo): number {
    let value = totals.get(device.id) ?? registry.state(device.id)?.totalM3
    if (value == null) value = Math.round((80 + rngFor(seed, device.id, 'base')() * 400) * 1000) / 1000
    return value
  }

  /** The readings of minute `m` (epoch ms, on a minute). */
  const offsets = new Map<string, number>()
  const offsetOf = (id: string) => {
    let offset = offsets.get(id)
    if (offset == null) offsets.set(id, offset = rngFor(seed, id, 'offset')() * 60 | 0)
    return offset
  }

  /** `quietBefore`: cameras' heartbeats before it are skipped (a catch-up needs only the latest). */
  function minute(m: number, countEvery: number, quietBefore: number, out: SensorReading[]): void {
    const n = Math.round(m / MINUTE)
    for (const d of devices()) {
      const offset = offsetOf(d.id)
      if (d.kind === 'gate' || d.kind === 'vehicle' || d.kind === 'trampling') {
        if (n % countEvery === 0) { const r = countReading(d, m - countEvery * MINUTE, m, seed); if (r) out.push(r) }
      } else if (d.kind === 'waterMeter') {
        if ((n + offset) % METER_EVERY !== 0) continue
        const next = Math.round((total(d) + litresDrawn(d, m - METER_EVERY * MINUTE, m, seed) / 1000) * 1000) / 1000
        totals.set(d.id, next)
        out.push({ kind: 'waterMeter', deviceId: d.id, at: m, totalM3: next })
      } else if (d.kind === 'camera') {
        if (m >= quietBefore && (n + offset) % CAMERA_EVERY === 0) out.push({ kind: 'camera', deviceId: d.id, at: m })
      } else {
        const alarm = alarmAt(d, m, seed)
        if (lastAlarm.get(d.id) === alarm && (n + offset) % HEARTBEAT_EVERY !== 0) continue
        lastAlarm.set(d.id, alarm)
        const r = stateReading(d, m, seed)
        if (r) out.push(r)
      }
    }
  }

  function send(readings: SensorReading[], viaMqtt: boolean): void {
    if (mqtt && viaMqtt) {
      for (const { deviceId, kind, ...payload } of readings) {
        const areaCode = registry.info(deviceId)!.areaCode
        mqtt.client.publish(`${mqtt.root}/${areaCode}/${kind}/${deviceId}`, JSON.stringify(payload), { qos: 1 })
      }
      return
    }
    for (let i = 0; i < readings.length; i += MAX_SENSOR_BATCH) {
      ingestReadings(intake, readings.slice(i, i + MAX_SENSOR_BATCH)).then((result) => {
        if (!result.ok) console.error(`device simulator: ${result.rejected.length} readings refused, e.g. ${result.rejected[0].message}`)
      }, (error: unknown) => console.error(`device simulator: readings not stored: ${error instanceof Error ? error.message : String(error)}`))
    }
  }

  function run(to: number, countEvery: number, direct: boolean): void {
    const readings: SensorReading[] = []
    const quietBefore = direct ? to - CAMERA_EVERY * MINUTE : 0
    for (let m = cursor + MINUTE; m <= to; m += MINUTE) minute(m, countEvery, quietBefore, readings)
    cursor = Math.max(cursor, Math.floor(to / MINUTE) * MINUTE)
    if (readings.length === 0) return
    // A catch-up goes straight to the intake even with MQTT: thousands of messages would only queue at the broker.
    send(readings, !direct)
  }

  return {
    catchUp() {
      const now = district.clock.now()
      const newest = Math.max(0, ...devices().map((d) => registry.state(d.id)?.lastAt ?? 0))
      const fresh = newest === 0
      cursor = Math.floor(Math.max(fresh ? cstDayStart(now) : newest, now - DAY_MS) / MINUTE) * MINUTE
      for (const d of devices()) { const s = registry.state(d.id); if (s?.alarm != null) lastAlarm.set(d.id, s.alarm) }
      run(now, fresh ? BACKFILL_COUNT_EVERY : 1, true)
    },
    step() {
      run(district.clock.now(), 1, false)
    },
  }
}
