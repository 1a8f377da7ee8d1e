// The OsmAnd / Traccar Client HTTP protocol in its query-string and form-body variants
// (https://www.traccar.org/osmand/): id|deviceid, lat+lon or location=lat,lon, timestamp, speed in
// knots, bearing|heading, altitude, accuracy, hdop, batt (percent); any other key is kept as an
// attribute (numbers as numbers, true/false as booleans), as Traccar does.
import { InvalidInputError } from '../position-ingest'
import { KNOTS_TO_MPS, type DeviceFix } from './device-fix'
import { parseTimestamp } from './parse-timestamp'

const CONSUMED = new Set(['id', 'deviceid', 'lat', 'lon', 'location', 'timestamp', 'speed', 'bearing', 'heading', 'accuracy', 'batt', 'crs', 'token'])

export function parseOsmandParams(params: Record<string, unknown>, now: number): DeviceFix {
  const deviceId = text(params.id) ?? text(params.deviceid)
  if (!deviceId) throw new InvalidInputError('id', 'the device id is missing (id or deviceid)')
  const [lat, lon] = location(params)
  return {
    deviceId,
    lat, lng: lon,
    at: parseTimestamp(params.timestamp, 'timestamp', now),
    heading: optionalNumber(params.bearing ?? params.heading, params.bearing != null ? 'bearing' : 'heading'),
    speed: scaled(optionalNumber(params.speed, 'speed'), KNOTS_TO_MPS),
    accuracy: optionalNumber(params.accuracy, 'accuracy'),
    battery: scaled(optionalNumber(params.batt, 'batt'), 0.01),
    attributes: attributesOf(params),
    crs: typeof params.crs === 'string' && params.crs.toLowerCase() === 'gcj02' ? 'GCJ02' : 'WGS84',
  }
}

function location(params: Record<string, unknown>): [number, number] {
  if (params.lat == null && params.lon == null && typeof params.location === 'string') {
    const [lat, lon] = params.location.split(',')
    return [requiredNumber(lat, 'location'), requiredNumber(lon, 'location')]
  }
  return [requiredNumber(params.lat, 'lat'), requiredNumber(params.lon, 'lon')]
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function requiredNumber(value: unknown, field: string): number {
  if (value == null || value === '') throw new InvalidInputError(field, 'is missing')
  // Only a number or its text: Number() of an array reads [5] as 5, and of a JSON object with a
  // "valueOf" or "toString" key it throws instead of answering.
  if (typeof value !== 'number' && typeof value !== 'string') throw new InvalidInputError(field, `must be a number, got ${Array.isArray(value) ? 'an array' : typeof value}`)
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) throw new InvalidInputError(field, `must be a number, got "${value}"`)
  return n
}

export function optionalNumber(value: unknown, field: string): number | null {
  return value == null || value === '' ? null : requiredNumber(value, field)
}

function scaled(value: number | null, factor: number): number | null {
  return value == null ? null : value * factor
}

function attributesOf(params: Record<string, unknown>): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {}
  for (const [key, raw] of Object.entries(params)) {
    if (CONSUMED.has(key) || typeof raw !== 'string') continue
    attributes[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw
  }
  return attributes
}
