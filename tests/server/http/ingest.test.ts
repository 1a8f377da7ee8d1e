// Positions from real phones and integrators over HTTP, against a real server (simulator off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'integration-key-1'

describe('position ingest over HTTP', () => {
  let server: TestServer
  let device: string
  let inspectorId: number
  const t0 = Math.floor(Date.now() / 1000) - 60

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
    const info = server.wall.district.inspectors.allInfos()[0]
    device = info.deviceId
    inspectorId = info.id
  })
  afterAll(() => server?.stop())

  const osmand = (query: string, init?: RequestInit) => fetch(`${server.url}/api/ingest/osmand?${query}`, init)
  const live = () => server.wall.district.inspectors.liveOf(inspectorId)
  const errorOf = async (r: Response) => ((await r.json()) as { error: { field?: string; code: string } }).error

  it('takes the OsmAnd query string, stores the fix and moves the live marker', async () => {
    const response = await osmand(`id=${device}&lat=26.0712&lon=119.3512&timestamp=${t0}&speed=2&bearing=90&batt=81&hdop=1.1`, { method: 'POST' })
    expect(response.status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0712, lng: 119.3512, heading: 90, fixAt: t0 * 1000 })
    const [stored] = (await server.wall.store.track(inspectorId, t0 * 1000, t0 * 1000))
    expect(stored).toMatchObject({ lat: 26.0712, battery: 0.81, attributes: { hdop: 1.1 } })
    expect(stored.speed).toBeCloseTo(2 * 0.514444)
  })

  it('takes a form body, and the Traccar Client JSON body', async () => {
    const form = await fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `deviceid=${device}&location=26.0713,119.3513&timestamp=${encodeURIComponent(new Date((t0 + 5) * 1000).toISOString().replace('T', ' ').slice(0, 19))}`,
    })
    expect(form.status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0713, fixAt: (t0 + 5) * 1000 })
    const json = await fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ device_id: device, location: { timestamp: new Date((t0 + 10) * 1000).toISOString(), coords: { latitude: 26.0714, longitude: 119.3514, speed: 1.3, heading: 180, accuracy: 5 }, battery: { level: 0.8 } } }),
    })
    expect(json.status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0714, heading: 180 })
  })

  it('stores a late fix in history but never moves the live marker back in time', async () => {
    expect((await osmand(`id=${device}&lat=26.0700&lon=119.3500&timestamp=${t0 - 30}`)).status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0714, fixAt: (t0 + 10) * 1000 })
    expect((await server.wall.store.track(inspectorId, (t0 - 30) * 1000, (t0 - 30) * 1000))).toHaveLength(1)
  })

  it('answers malformed requests with a 4xx naming the field, and keeps serving', async () => {
    const cases: [string, number, string | undefined][] = [
      [`lat=26.07&lon=119.35`, 400, 'id'],
      [`id=${device}&lat=91&lon=119.35`, 400, 'lat'],
      [`id=${device}&lat=NaN&lon=119.35`, 400, 'lat'],
      [`id=${device}&lat=26.07&lon=200`, 400, 'lng'],
      [`id=${device}&lat=26.07&lon=119.35&timestamp=yesterday`, 400, 'timestamp'],
      [`id=stranger&lat=26.07&lon=119.35`, 403, 'id'],
    ]
    for (const [query, status, field] of cases) {
      const response = await osmand(query)
      expect(response.status, query).toBe(status)
      expect((await errorOf(response)).field, query).toBe(field)
    }
    const invalidJson = await fetch(`${server.url}/api/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"device_id": ' })
    expect(invalidJson.status).toBe(400)
    const huge = await fetch(`${server.url}/api/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }) })
    expect(huge.status).toBe(413)
    expect(live()).toMatchObject({ lat: 26.0714 })
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('takes a batch with an integration key, reporting bad items by index', async () => {
    const positions = [
      { deviceId: device, lat: 26.072, lng: 119.352, at: (t0 + 20) * 1000 },
      { deviceId: device, lat: 95, lng: 119.352, at: (t0 + 21) * 1000 },
      { deviceId: 'stranger', lat: 26.07, lng: 119.35 },
      { lat: 26.07, lng: 119.35 },
      { deviceId: device, lat: 26.0721, lon: 119.3521, timestamp: t0 + 25, heading: 45 },
    ]
    const post = (body: unknown, key?: string) => fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body),
    })
    expect((await post({ positions }, 'wrong')).status).toBe(401)
    const response = await post({ positions }, KEY)
    expect(response.status).toBe(200)
    const result = await response.json() as { accepted: number; rejected: { index: number; field: string }[] }
    expect(result.accepted).toBe(2)
    expect(result.rejected.map((r) => [r.index, r.field])).toEqual([[1, 'lat'], [2, 'deviceId'], [3, 'deviceId']])
    expect(live()).toMatchObject({ lat: 26.0721, heading: 45 })
    expect((await post({ positions: new Array(10_001).fill(positions[0]) }, KEY)).status).toBe(413)
  })
})

// Registering unknown phones (enrolment key, allowed list, cap): ingest-registration.test.ts.

describe('a phone whose clock runs in the future', () => {
  // 2,100,000,000 epoch seconds is 2036-07-18: a phone with a wrong clock (issue #15).
  const FUTURE_S = 2_100_000_000
  const SKEW_S = 120
  let server: TestServer
  let device: string
  let inspectorId: number

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, maxClockSkewMs: SKEW_S * 1000, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
    const info = server.wall.district.inspectors.allInfos()[1]
    device = info.deviceId
    inspectorId = info.id
  })
  afterAll(() => server?.stop())

  const live = () => server.wall.district.inspectors.liveOf(inspectorId)
  const nowS = () => Math.floor(server.wall.district.clock.now() / 1000)

  it('is refused with a 400 naming timestamp, and the fixes after it still move the marker', async () => {
    const future = await fetch(`${server.url}/api/ingest/osmand?id=${device}&lat=26.0712&lon=119.3512&timestamp=${FUTURE_S}`)
    expect(future.status).toBe(400)
    expect(((await future.json()) as { error: { field: string } }).error.field).toBe('timestamp')
    expect(live()?.fixAt ?? 0).toBeLessThan(FUTURE_S * 1000)

    const real = nowS()
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${device}&lat=26.0722&lon=119.3522&timestamp=${real}`)).status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0722, fixAt: real * 1000, status: 'online' })
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${device}&lat=26.0723&lon=119.3523&timestamp=${real + 5}`)).status).toBe(200)
    expect(live()).toMatchObject({ lat: 26.0723, fixAt: (real + 5) * 1000 })
    const history = (await server.wall.store.track(inspectorId, 0, FUTURE_S * 1000 + 1))
    expect(history.map((f) => f.at)).not.toContain(FUTURE_S * 1000)
    expect((await server.wall.store.loadLatestFixes()).find((f) => f.inspectorId === inspectorId)?.at).toBe((real + 5) * 1000)
  })

  it('names location.timestamp for the Traccar Client JSON body', async () => {
    const response = await fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ device_id: device, location: { timestamp: new Date(FUTURE_S * 1000).toISOString(), coords: { latitude: 26.07, longitude: 119.35 } } }),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('location.timestamp')
  })

  it('accepts a fix a little ahead (within the allowed skew), refuses one just past it', async () => {
    const slightlyAhead = nowS() + 60
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${device}&lat=26.0724&lon=119.3524&timestamp=${slightlyAhead}`)).status).toBe(200)
    expect(live()).toMatchObject({ fixAt: slightlyAhead * 1000 })
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${device}&lat=26.0725&lon=119.3525&timestamp=${nowS() + SKEW_S + 30}`)).status).toBe(400)
  })

  it('rejects future items of a batch by index with field at; the others land', async () => {
    const real = server.wall.district.clock.now()
    const response = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions: [
        { deviceId: device, lat: 26.073, lng: 119.353, at: FUTURE_S * 1000 },
        { deviceId: device, lat: 26.0731, lng: 119.3531, at: real + 61_000 },
        { deviceId: device, lat: 26.0732, lng: 119.3532, timestamp: FUTURE_S },
      ] }),
    })
    expect(response.status).toBe(200)
    const result = await response.json() as { accepted: number; rejected: { index: number; field: string }[] }
    expect(result.accepted).toBe(1)
    expect(result.rejected.map((r) => [r.index, r.field])).toEqual([[0, 'at'], [2, 'timestamp']])
    expect(live()).toMatchObject({ lat: 26.0731 })
  })
})
