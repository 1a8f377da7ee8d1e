// The JSON body current Traccar Client versions POST (Traccar Client ≥ 9, server ≥ 6.7):
// { location: { timestamp, coords: { latitude, longitude, speed (m/s), heading, accuracy, altitude },
//   battery: { level 0–1, is_charging }, is_moving, odometer, event, activity, extras }, device_id }
import { InvalidInputError } from '../position-ingest'
import type { DeviceFix } from './device-fix'
import { optionalNumber, requiredNumber } from './parse-osmand-params'
import { parseTimestamp } from './parse-timestamp'

interface TraccarLocation {
  timestamp?: unknown
  coords?: Record<string, unknown>
  battery?: { level?: unknown; is_charging?: unknown }
  is_moving?: unknown
  odometer?: unknown
  event?: unknown
  activity?: { type?: unknown }
}

export function parseTraccarJson(body: unknown, now: number): DeviceFix {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError('body', 'must be a JSON object')
  const { device_id: deviceId, location } = body as { device_id?: unknown; location?: TraccarLocation }
  if (typeof deviceId !== 'string' || deviceId.trim() === '') throw new InvalidInputError('device_id', 'the device id is missing')
  if (!location || typeof location !== 'object') throw new InvalidInputError('location', 'is missing')
  const coords = location.coords
  if (!coords || typeof coords !== 'object') throw new InvalidInputError('location.coords', 'is missing')
  return {
    deviceId: deviceId.trim(),
    lat: requiredNumber(coords.latitude, 'location.coords.latitude'),
    lng: requiredNumber(coords.longitude, 'location.coords.longitude'),
    at: parseTimestamp(location.timestamp, 'location.timestamp', now),
    heading: negativeIsUnknown(optionalNumber(coords.heading, 'location.coords.heading')),
    speed: negativeIsUnknown(optionalNumber(coords.speed, 'location.coords.speed')),
    accuracy: optionalNumber(coords.accuracy, 'location.coords.accuracy'),
    battery: optionalNumber(location.battery?.level, 'location.battery.level'),
    attributes: compact({
      altitude: optionalNumber(coords.altitude, 'location.coords.altitude'),
      charging: typeof location.battery?.is_charging === 'boolean' ? location.battery.is_charging : null,
      motion: typeof location.is_moving === 'boolean' ? location.is_moving : null,
      odometer: optionalNumber(location.odometer, 'location.odometer'),
      event: typeof location.event === 'string' ? location.event : null,
      activity: typeof location.activity?.type === 'string' ? location.activity.type : null,
    }),
    crs: 'WGS84',
  }
}

/** Phones report -1 for "unknown" heading and speed. */
function negativeIsUnknown(value: number | null): number | null {
  return value != null && value < 0 ? null : value
}

function compact(values: Record<string, string | number | boolean | null>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v != null)) as Record<string, string | number | boolean>
}
