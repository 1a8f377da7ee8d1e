import { describe, expect, it } from 'vitest'
import { KNOTS_TO_MPS } from '../../../server/ingest/osmand/device-fix'
import { parseOsmandParams } from '../../../server/ingest/osmand/parse-osmand-params'
import { parseTimestamp } from '../../../server/ingest/osmand/parse-timestamp'
import { parseTraccarJson } from '../../../server/ingest/osmand/parse-traccar-json'

const NOW = Date.parse('2026-11-29T10:00:00Z')

describe('OsmAnd query/form parameters', () => {
  it('reads the classic query string', () => {
    const fix = parseOsmandParams({ id: '123456', lat: '26.07', lon: '119.35', timestamp: '1795744800', speed: '10', bearing: '271.5', altitude: '12', accuracy: '8', hdop: '0.9', batt: '76' }, NOW)
    expect(fix).toMatchObject({ deviceId: '123456', lat: 26.07, lng: 119.35, at: 1795744800_000, heading: 271.5, accuracy: 8, battery: 0.76, crs: 'WGS84' })
    expect(fix.speed).toBeCloseTo(10 * KNOTS_TO_MPS)
    expect(fix.attributes).toEqual({ altitude: 12, hdop: 0.9 })
  })

  it('accepts deviceid, location=lat,lon and heading', () => {
    expect(parseOsmandParams({ deviceid: 'p1', location: '26.1,119.3', heading: '90' }, NOW)).toMatchObject({ deviceId: 'p1', lat: 26.1, lng: 119.3, heading: 90, at: NOW })
  })

  it('keeps unknown keys as typed attributes', () => {
    expect(parseOsmandParams({ id: 'p', lat: '1', lon: '2', charge: 'true', valid: 'false', driverUniqueId: 'A7', cell: '460,0,1,2' }, NOW).attributes)
      .toEqual({ charge: true, valid: false, driverUniqueId: 'A7', cell: '460,0,1,2' })
  })

  it('names the missing or bad field', () => {
    expect(() => parseOsmandParams({ lat: '1', lon: '2' }, NOW)).toThrow('id: the device id is missing')
    expect(() => parseOsmandParams({ id: 'p', lon: '2' }, NOW)).toThrow('lat: is missing')
    expect(() => parseOsmandParams({ id: 'p', lat: 'NaN', lon: '2' }, NOW)).toThrow('lat: must be a number')
    expect(() => parseOsmandParams({ id: 'p', lat: '1', lon: '2', speed: 'fast' }, NOW)).toThrow('speed: must be a number')
  })
})

describe('device timestamps', () => {
  it('takes epoch seconds, epoch milliseconds, ISO-8601 and yyyy-MM-dd HH:mm:ss', () => {
    expect(parseTimestamp('1795744800', 't', NOW)).toBe(1795744800_000)
    expect(parseTimestamp('1795744800123', 't', NOW)).toBe(1795744800123)
    expect(parseTimestamp('2026-11-29T18:00:00+08:00', 't', NOW)).toBe(Date.parse('2026-11-29T10:00:00Z'))
    expect(parseTimestamp('2026-11-29 10:00:00', 't', NOW)).toBe(Date.parse('2026-11-29T10:00:00Z'))
    expect(parseTimestamp(undefined, 't', NOW)).toBe(NOW)
  })

  it('refuses anything else, naming the field', () => {
    expect(() => parseTimestamp('yesterday', 'timestamp', NOW)).toThrow('timestamp: "yesterday" is not')
    expect(() => parseTimestamp('-5', 'timestamp', NOW)).toThrow('timestamp')
  })
})

describe('Traccar Client JSON', () => {
  const body = {
    device_id: 'p9',
    location: {
      timestamp: '2026-11-29T10:00:00.000Z', is_moving: true, odometer: 1200, event: 'motionchange',
      coords: { latitude: 26.07, longitude: 119.35, speed: 1.4, heading: -1, accuracy: 6, altitude: 15 },
      battery: { level: 0.42, is_charging: false }, activity: { type: 'walking' },
    },
  }

  it('reads the nested location, speed in m/s, battery 0–1, heading -1 as unknown', () => {
    expect(parseTraccarJson(body, NOW)).toMatchObject({
      deviceId: 'p9', lat: 26.07, lng: 119.35, at: NOW, speed: 1.4, heading: null, accuracy: 6, battery: 0.42,
      attributes: { altitude: 15, charging: false, motion: true, odometer: 1200, event: 'motionchange', activity: 'walking' },
    })
  })

  it('names what is missing', () => {
    expect(() => parseTraccarJson({ location: body.location }, NOW)).toThrow('device_id')
    expect(() => parseTraccarJson({ device_id: 'p', location: { coords: { latitude: 1 } } }, NOW)).toThrow('location.coords.longitude: is missing')
    expect(() => parseTraccarJson([], NOW)).toThrow('body: must be a JSON object')
  })

  it('refuses a number given as an array or an object, naming the field (found by fuzz-positions: a JSON object with a "valueOf" key made Number() throw)', () => {
    expect(() => parseTraccarJson({ device_id: 'p', location: { coords: { latitude: [26.07], longitude: 119.35 } } }, NOW)).toThrow('location.coords.latitude: must be a number, got an array')
    expect(() => parseTraccarJson({ device_id: 'p', location: { coords: { latitude: { valueOf: 1, toString: 2 }, longitude: 119.35 } } }, NOW)).toThrow('location.coords.latitude: must be a number, got object')
    expect(() => parseOsmandParams({ id: 'p', lat: '26.07', lon: '119.35', crs: { toString: 1 } as unknown as string }, NOW)).not.toThrow()
  })
})
