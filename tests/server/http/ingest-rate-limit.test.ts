// Phones behind one carrier NAT share an address: the OsmAnd limit is per device, and per address
// only at a bound no honest NAT reaches. A real server; the address is set with X-Forwarded-For,
// which the server trusts from loopback as it would from its reverse proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

describe('the OsmAnd rate limit', () => {
  let server: TestServer
  let devices: string[]
  let lat: number
  let lng: number
  beforeAll(async () => {
    server = await startTestServer({ simulator: false })
    devices = server.wall.district.inspectors.allInfos().map((i) => i.deviceId)
    ;[lng, lat] = server.wall.district.tree.allGrids()[0].center
  })
  afterAll(() => server?.stop())

  const report = (device: string, n: number, address: string) => fetch(
    `${server.url}/api/ingest/osmand?id=${device}&lat=${lat}&lon=${lng}&timestamp=${Math.floor(Date.now() / 1000) - 600 + n}`,
    { method: 'POST', headers: { 'x-forwarded-for': address } },
  )

  it('accepts 60 phones reporting from one address within 10 s', async () => {
    expect(devices.length).toBeGreaterThanOrEqual(60)
    const started = Date.now()
    const statuses = await Promise.all(devices.slice(0, 60).map((d, n) => report(d, n, '100.64.0.1').then((r) => r.status)))
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
  })

  it('answers 429 naming the device when one phone sends 30 fixes within 10 s, and keeps taking the others', async () => {
    const device = devices[60]
    const statuses: number[] = []
    let refusal: Response | undefined
    for (let n = 0; n < 30; n++) {
      const response = await report(device, n, '100.64.0.2')
      statuses.push(response.status)
      if (response.status === 429) refusal ??= response
      else await response.arrayBuffer()
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true)
    const error = ((await refusal!.json()) as { error: { code: string; field: string; message: string } }).error
    expect(error).toMatchObject({ code: 'rate_limited', field: 'id', message: expect.stringContaining(device) })
    // Another phone at the same address is not held back by it.
    expect((await report(devices[61], 0, '100.64.0.2')).status).toBe(200)
  })

  it('counts the Traccar Client JSON device_id as the device', async () => {
    const device = devices[62]
    const statuses: number[] = []
    for (let n = 0; n < 22; n++) {
      const response = await fetch(`${server.url}/api/ingest/osmand`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '100.64.0.3' },
        body: JSON.stringify({ device_id: device, location: { timestamp: new Date(Date.now() - 600_000 + n * 1000).toISOString(), coords: { latitude: lat, longitude: lng } } }),
      })
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429])
  })
})
