// One reading as a device (or an IoT platform) sends it, checked field by field: a bad field throws
// InvalidInputError naming it, so nothing of a bad reading is ever stored.
import { DEVICE_KINDS, type DeviceKind, type SensorReading } from '../../contract/devices'
import { parseTimestamp } from '../osmand/parse-timestamp'
import { InvalidInputError } from '../position-ingest'

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/
/** More people or vehicles than this in one reading is a counter fault, not a crowd. */
const MAX_COUNT = 100_000

export interface ReadingLimits {
  now: number
  /** A reading further ahead of the server's clock than this is refused (a device with a wrong clock). */
  maxAheadMs: number
  /** A reading older than this would be pruned at once. */
  maxAgeMs: number
}

export function parseReading(item: unknown, limits: ReadingLimits): SensorReading {
  if (item == null || typeof item !== 'object' || Array.isArray(item)) throw new InvalidInputError('reading', 'must be a JSON object')
  const r = item as Record<string, unknown>
  if (typeof r.deviceId !== 'string' || !DEVICE_ID_PATTERN.test(r.deviceId)) throw new InvalidInputError('deviceId', 'must be 1–64 of A–Z a–z 0–9 _ . -')
  const kind = r.kind
  if (typeof kind !== 'string' || !(DEVICE_KINDS as readonly string[]).includes(kind)) throw new InvalidInputError('kind', `must be one of ${DEVICE_KINDS.join(', ')}`)
  // Required: (deviceId, at) is what makes a redelivered reading a duplicate rather than a second one.
  if (r.at == null || r.at === '') throw new InvalidInputError('at', 'is required (epoch ms, or ISO 8601 with an offset)')
  const at = parseTimestamp(r.at, 'at', limits.now)
  if (at > limits.now + limits.maxAheadMs) throw new InvalidInputError('at', `is ${Math.round((at - limits.now) / 1000)} s ahead of the server's clock (the device's clock is wrong)`)
  if (at < limits.now - limits.maxAgeMs) throw new InvalidInputError('at', 'is older than the readings kept (SENSOR_RETENTION_DAYS)')
  const base = { deviceId: r.deviceId, at }
  switch (kind as DeviceKind) {
    case 'gate':
    case 'vehicle':
      // A platform's plate number (车牌) is dropped here, unread: counts only are kept or shown.
      return { ...base, kind: kind as 'gate' | 'vehicle', in: count(r.in, 'in'), out: count(r.out, 'out') }
    case 'trampling':
      return { ...base, kind: 'trampling', detections: count(r.detections, 'detections') }
    case 'waterMeter':
      return { ...base, kind: 'waterMeter', totalM3: register(r.totalM3) }
    case 'smoke':
    case 'manhole':
    case 'flood': {
      if (typeof r.alarm !== 'boolean') throw new InvalidInputError('alarm', 'must be true (alarm) or false (normal)')
      if (r.value != null && (typeof r.value !== 'number' || !Number.isFinite(r.value))) throw new InvalidInputError('value', 'must be a number when given')
      return { ...base, kind: kind as 'smoke' | 'manhole' | 'flood', alarm: r.alarm, ...(typeof r.value === 'number' ? { value: r.value } : {}) }
    }
    case 'camera':
      return { ...base, kind: 'camera' }
  }
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
    throw new InvalidInputError(field, `must be a whole number from 0 to ${MAX_COUNT}, got ${JSON.stringify(value) ?? 'nothing'}`)
  }
  return value
}

function register(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10_000_000) {
    throw new InvalidInputError('totalM3', `must be the meter's register in m³ (0–10,000,000), got ${JSON.stringify(value) ?? 'nothing'}`)
  }
  return value
}
