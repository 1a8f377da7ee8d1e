// POST /api/ingest/sensors against a real server and its SQLite file: the key's scope, a batch with
// one bad reading refused whole (400 naming readings[i].field, every table unchanged), a good batch
// stored before its 200 and counted once however often it is re-posted, figures from it, and the
// care rule of an elder's water meter opening one 物联感知 case and clearing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommunityBoard, DeviceInfo, DeviceList } from '../../../server/contract/devices'
import type { CaseSummary, WallSnapshot } from '../../../server/contract/domain'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openTableCounter } from '../../helpers/table-counts'

const SENSORS = 'sensor-platform-key'
const POSITIONS = 'phone-vendor-key'
const HOUR = 3_600_000

describe('POST /api/ingest/sensors', () => {
  let server: TestServer
  let devices: DeviceInfo[]
  const post = (body: unknown, key: string | null = SENSORS) => fetch(`${server.url}/api/ingest/sensors`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  })
  const device = (kind: DeviceInfo['kind'], pick: (d: DeviceInfo) => boolean = () => true) => devices.find((d) => d.kind === kind && pick(d))!
  const board = async (code: string) => (await fetch(`${server.url}/api/communities/${code}/board`)).json() as Promise<CommunityBoard>
  const iotCases = async () => ((await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot).cases.filter((c: CaseSummary) => c.source === 'iot')

  beforeAll(async () => {
    server = await startTestServer({
      simulator: false,
      access: { wallToken: null, integrationKeys: [{ key: SENSORS, scopes: ['sensors'] }, { key: POSITIONS, scopes: ['positions'] }], operators: [] },
    })
    devices = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).devices
  }, 60_000)
  afterAll(() => server?.stop())

  it('wants a key with the sensors scope', async () => {
    const gate = device('gate')
    const reading = { deviceId: gate.id, kind: 'gate', at: Date.now(), in: 1, out: 0 }
    expect((await post({ readings: [reading] }, null)).status).toBe(401)
    const refused = await post({ readings: [reading] }, POSITIONS)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('"sensors"')
  })

  it('refuses a batch with one bad reading whole, naming its index and field, and writes nothing', async () => {
    const gate = device('gate')
    const now = Date.now()
    const counter = openTableCounter(server.dataDir)
    const before = counter.read()
    const batches: [unknown[], string][] = [
      [[{ deviceId: gate.id, kind: 'gate', at: now - 3000, in: 2, out: 1 }, { deviceId: gate.id, kind: 'gate', at: now - 2000, in: 1, out: 1 }, { deviceId: gate.id, kind: 'gate', at: now - 1000, in: -4, out: 0 }], 'readings[2].in'],
      [[{ deviceId: gate.id, kind: 'gate', at: now - 3000, in: 2, out: 1 }, { deviceId: 'no-such-device', kind: 'gate', at: now, in: 1, out: 0 }], 'readings[1].deviceId'],
      [[{ deviceId: gate.id, kind: 'smoke', at: now, alarm: true }], 'readings[0].kind'],
      [[{ deviceId: gate.id, kind: 'gate', in: 1, out: 0 }], 'readings[0].at'],
      [[{ deviceId: gate.id, kind: 'gate', at: now + 3_600_000, in: 1, out: 0 }], 'readings[0].at'],
      [[{ deviceId: device('smoke').id, kind: 'smoke', at: now, alarm: 'yes' }], 'readings[0].alarm'],
    ]
    for (const [readings, field] of batches) {
      const answer = await post({ readings })
      expect(answer.status, field).toBe(400)
      const body = await answer.json() as { error: { field: string; message: string }; rejected: { index: number; field: string }[] }
      expect(body.error.field).toBe(field)
      expect(body.error.message).toContain('nothing stored')
    }
    expect((await post({ nothing: [] })).status).toBe(400)
    expect(counter.read()).toEqual(before)
    counter.close()
  })

  it('stores a good batch before the 200, counts a re-posted one once, and the board shows it (plates never kept)', async () => {
    const gate = device('gate')
    const barrier = device('vehicle', (d) => d.areaCode === gate.areaCode)
    const at = Date.now() - 60_000
    const readings = [
      { deviceId: gate.id, kind: 'gate', at, in: 12, out: 5 },
      { deviceId: gate.id, kind: 'gate', at: new Date(at + 1000).toISOString(), in: 3, out: 7 },
      { deviceId: barrier.id, kind: 'vehicle', at, in: 2, out: 1, plate: '闽A12345' },
    ]
    const first = await post({ readings })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ accepted: 3, duplicates: 0 })
    const again = await post(readings)
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 3 })

    const figures = await board(gate.areaCode)
    expect(figures.people.gates.find((g) => g.deviceId === gate.id)).toMatchObject({ in: 15, out: 12 })
    expect(figures.people.in).toBe(15)
    expect(figures.people.hourlyIn.reduce((a, b) => a + b, 0)).toBe(15)
    expect(figures.vehicles).toMatchObject({ in: 2, out: 1 })
    expect(JSON.stringify(figures)).not.toContain('闽A')
    const live = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).live.find((l) => l.id === gate.id)!
    expect(live).toMatchObject({ status: 'online', lastAt: at + 1000 })
  })

  it("refuses a meter's register that runs back", async () => {
    const meter = device('waterMeter', (d) => !d.elderAlone)
    const at = Date.now() - 120_000
    expect((await post([{ deviceId: meter.id, kind: 'waterMeter', at, totalM3: 200.5 }])).status).toBe(200)
    const back = await post([{ deviceId: meter.id, kind: 'waterMeter', at: at + 60_000, totalM3: 199 }])
    expect(back.status).toBe(400)
    expect(((await back.json()) as { error: { field: string } }).error.field).toBe('readings[0].totalM3')
  })

  it("opens one care case for an elder's meter silent past 12 hours, and clears the alarm when water runs again", async () => {
    const meter = device('waterMeter', (d) => d.elderAlone === true)
    const now = Date.now()
    // The register stands still from 13 h ago to an hour ago: no use for 13 hours.
    const still = [{ at: now - 13 * HOUR, totalM3: 88.2 }, { at: now - 6 * HOUR, totalM3: 88.2 }, { at: now - HOUR, totalM3: 88.2 }]
    expect((await post(still.map((r) => ({ deviceId: meter.id, kind: 'waterMeter', ...r })))).status).toBe(200)
    const raised = (await iotCases()).filter((c) => c.categoryCode === 'E0602')
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ gridCode: meter.gridCode, lng: meter.lng, lat: meter.lat, step: 'reported' })
    expect(raised[0].description).toContain('无用水')
    // Another still reading while the case is open: no second case.
    await post([{ deviceId: meter.id, kind: 'waterMeter', at: now - HOUR / 2, totalM3: 88.2 }])
    expect((await iotCases()).filter((c) => c.categoryCode === 'E0602')).toHaveLength(1)

    const detail = await (await fetch(`${server.url}/api/cases/${raised[0].id}`)).json() as { history: { action: string; note: string | null; actor: string }[] }
    expect(detail.history.some((h) => h.action === 'comment' && h.note?.includes('独居老人水表超时无用水'))).toBe(true)

    expect((await post([{ deviceId: meter.id, kind: 'waterMeter', at: now - 60_000, totalM3: 88.26 }])).status).toBe(200)
    const figures = await board(meter.areaCode)
    const alarm = figures.alarms.find((a) => a.deviceId === meter.id)!
    expect(alarm).toMatchObject({ rule: 'care', caseId: raised[0].id })
    expect(alarm.clearedAt).not.toBeNull()
    // The device clears its alarm, not the case: an operator closes that.
    expect((await iotCases()).find((c) => c.id === raised[0].id)?.step).toBe('reported')
    expect(figures.water.meters.find((m) => m.deviceId === meter.id)?.lastUseAt).toBe(now - 60_000)
  })
})
