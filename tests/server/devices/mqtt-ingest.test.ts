// Readings over MQTT from a real Mosquitto (started by the test on a private port) into a real wall
// server: published → stored → the community's figures; a bad payload refused, counted and nothing
// stored; a manhole alarm opening one 物联感知 case however often it repeats while that case is open,
// and cleared when the cover reads normal again; and, the session being persistent, what the broker
// held while the wall was down stored after its restart.
import mqtt, { type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommunityBoard, DeviceInfo, DeviceList } from '../../../server/contract/devices'
import type { CaseSummary, WallSnapshot } from '../../../server/contract/domain'
import { loadConfig } from '../../../server/config'
import { startMosquitto, type Mosquitto } from '../../helpers/start-mosquitto'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openTableCounter } from '../../helpers/table-counts'
import { waitFor } from '../../helpers/wait-for'

const CLIENT_ID = `wall-mqtt-test-${process.pid}`

describe('readings over MQTT (Mosquitto)', () => {
  let broker: Mosquitto
  let server: TestServer
  let publisher: MqttClient
  let devices: DeviceInfo[]

  const start = (dataDir?: string) => startTestServer({
    simulator: false,
    ...(dataDir ? { dataDir } : {}),
    devices: { ...loadConfig({}).devices, mqttUrl: broker.url, mqttClientId: CLIENT_ID },
  })
  const topic = (d: DeviceInfo) => `wall/${d.areaCode}/${d.kind}/${d.id}`
  const publish = (d: DeviceInfo, payload: unknown, rawTopic = topic(d)) => publisher.publishAsync(rawTopic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 })
  const device = (kind: DeviceInfo['kind'], nth = 0) => devices.filter((d) => d.kind === kind)[nth]
  const counters = () => server.wall.devices.intake.counters
  const board = async (code: string) => (await fetch(`${server.url}/api/communities/${code}/board`)).json() as Promise<CommunityBoard>
  const iotCases = async () => ((await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot).cases.filter((c: CaseSummary) => c.source === 'iot')

  beforeAll(async () => {
    broker = await startMosquitto()
    server = await start()
    await server.wall.devices.mqtt!.ready
    devices = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).devices
    publisher = await mqtt.connectAsync(broker.url, { clientId: `publisher-${process.pid}`, clean: true })
  }, 60_000)
  afterAll(async () => {
    await publisher?.endAsync()
    await server?.stop()
    await broker?.dispose()
  })

  it('stores published readings and shows them on the community board', async () => {
    const gate = device('gate')
    const lawn = devices.find((d) => d.kind === 'trampling' && d.areaCode === gate.areaCode)!
    const now = Date.now()
    const before = counters().accepted
    for (let i = 0; i < 5; i++) await publish(gate, { at: now - 10_000 + i * 1000, in: i + 1, out: 1 })
    await publish(lawn, { at: now - 5000, detections: 4 })
    await waitFor(() => counters().accepted === before + 6, 10_000, 'six readings stored')
    const figures = await board(gate.areaCode)
    expect(figures.people.gates.find((g) => g.deviceId === gate.id)).toMatchObject({ in: 15, out: 5 })
    expect(figures.people.hourlyIn[new Date(now - 10_000 + 8 * 3_600_000).getUTCHours()]).toBeGreaterThanOrEqual(1)
    expect(figures.trampling.today).toBe(4)
  })

  it('refuses a bad payload, counts it by field, and stores nothing of it', async () => {
    const gate = device('gate', 1)
    const counter = openTableCounter(server.dataDir)
    const tables = counter.read()
    const refused = () => Object.values(counters().refused).reduce((a, b) => a + b, 0)
    const before = refused()
    await publish(gate, { at: Date.now(), in: 'many', out: 0 })
    await publish(gate, '{not json')
    await publish(gate, { at: Date.now(), in: 1, out: 0 }, `wall/999999999999/gate/${gate.id}`)
    await publish(gate, { at: Date.now(), alarm: true }, `wall/${gate.areaCode}/smoke/${gate.id}`)
    await waitFor(() => refused() === before + 4, 10_000, 'four refusals')
    expect(counters().refused).toMatchObject({ in: expect.any(Number), payload: expect.any(Number), topic: expect.any(Number), kind: expect.any(Number) })
    expect(counter.read()).toEqual(tables)
    counter.close()
  })

  it('opens one case for a manhole alarm while that case is open, and clears the alarm when the cover is back', async () => {
    const cover = device('manhole')
    const now = Date.now()
    await publish(cover, { at: now - 30_000, alarm: true, value: 18.5 })
    await waitFor(() => server.wall.devices.intake.registry.alarm(cover.id) != null, 10_000, 'the alarm raised')
    await publish(cover, { at: now - 20_000, alarm: true, value: 21 })
    await publish(cover, { at: now - 15_000, alarm: false, value: 0.4 })
    await publish(cover, { at: now - 10_000, alarm: true, value: 19 })
    await waitFor(() => (server.wall.devices.intake.registry.state(cover.id)?.lastAt ?? 0) === now - 10_000, 10_000, 'all four stored')
    const cases = (await iotCases()).filter((c) => c.categoryCode === 'C0105')
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({ gridCode: cover.gridCode, lng: cover.lng, lat: cover.lat })
    expect(cases[0].description).toContain('倾斜 18.5°')

    await publish(cover, { at: now - 5000, alarm: false, value: 0.2 })
    await waitFor(() => server.wall.devices.intake.registry.alarm(cover.id)?.clearedAt != null, 10_000, 'the alarm cleared')
    const detail = await (await fetch(`${server.url}/api/cases/${cases[0].id}`)).json() as { step: string; history: { action: string; note: string | null }[] }
    const notes = detail.history.filter((h) => h.action === 'comment').map((h) => h.note ?? '')
    expect(notes[0]).toContain('井盖位移告警即立案')
    expect(notes.filter((n) => n.startsWith('再次告警'))).toHaveLength(1)
    expect(notes.filter((n) => n.startsWith('告警解除'))).toHaveLength(2)
    expect(detail.step).toBe('reported')
    const live = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).live.find((l) => l.id === cover.id)!
    expect(live.alarm).toBeNull()
  })

  it('receives after a restart what the broker held while the wall was down', async () => {
    const gate = device('gate', 2)
    const dataDir = server.dataDir
    await server.wall.stop()
    const now = Date.now()
    for (let i = 0; i < 20; i++) await publish(gate, { at: now - 20_000 + i * 500, in: 1, out: 2 })
    server = await start(dataDir)
    await waitFor(() => counters().accepted === 20, 15_000, 'the 20 held readings stored')
    expect((await board(gate.areaCode)).people.gates.find((g) => g.deviceId === gate.id)).toMatchObject({ in: 20, out: 40 })
  })
})
