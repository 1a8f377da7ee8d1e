// A phone that is not yet known becomes an inspector only with the enrolment key or when its id is
// on the allowed list, and only up to a cap: against a real server and its SQLite file.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, type ServerConfig } from '../../../server/config'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const ENROL = 'district-enrolment-2026'
const KEY = 'registration-test-key'

/** The ingest settings as an operator writes them, through the real configuration loader. */
function ingestSettings(env: Record<string, string>): Partial<ServerConfig> {
  const { ingestRegisterUnknown, ingestEnrolment, access } = loadConfig({ INTEGRATION_KEYS: `${KEY}:positions`, ...env })
  return { ingestRegisterUnknown, ingestEnrolment, access }
}

const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; field?: string; message: string } }).error

describe('registering an unknown phone with the enrolment key', () => {
  let server: TestServer
  let lat: number
  let lng: number
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, ...ingestSettings({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROL }) })
    ;[lng, lat] = server.wall.district.tree.allGrids()[0].center
  })
  afterAll(() => server?.stop())

  const stored = (deviceId: string) => server.wall.store.loadInspectors().find((i) => i.deviceId === deviceId)
  const osmand = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/ingest/osmand?${query}&lat=${lat}&lon=${lng}`, { method: 'POST', headers })

  it('refuses a phone without the key with a 403 naming enrol, and creates nobody', async () => {
    const before = server.wall.store.loadInspectors().length
    const response = await osmand('id=stranger-1')
    expect(response.status).toBe(403)
    expect(await errorOf(response)).toMatchObject({ code: 'enrolment_required', field: 'enrol', message: expect.stringContaining('enrolment key') })
    const wrong = await osmand(`id=stranger-1&enrol=guess`)
    expect(wrong.status).toBe(403)
    expect((await errorOf(wrong)).field).toBe('enrol')
    expect(server.wall.store.loadInspectors()).toHaveLength(before)
    expect(server.wall.district.inspectors.idOfDevice('stranger-1')).toBeUndefined()
  })

  it('registers a phone that sends enrol=… (and never keeps the key), or the X-Enrolment-Key header', async () => {
    expect((await osmand(`id=new-phone-1&enrol=${ENROL}&batt=80`)).status).toBe(200)
    const id = server.wall.district.inspectors.idOfDevice('new-phone-1')!
    expect(stored('new-phone-1')).toMatchObject({ id, deviceId: 'new-phone-1' })
    const [fix] = (await server.wall.store.loadLatestFixes()).filter((f) => f.inspectorId === id)
    expect(JSON.stringify(fix.attributes ?? {})).not.toContain(ENROL)
    // Once registered, a phone reports without the key.
    expect((await osmand('id=new-phone-1&timestamp=' + Math.floor(Date.now() / 1000))).status).toBe(200)
    expect((await osmand('id=new-phone-2', { 'x-enrolment-key': ENROL })).status).toBe(200)
    expect(stored('new-phone-2')).toBeDefined()
  })

  it('takes the key from a form body and a Traccar Client JSON body too', async () => {
    const form = await fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `deviceid=new-phone-3&lat=${lat}&lon=${lng}&enrol=${ENROL}`,
    })
    expect(form.status).toBe(200)
    const json = (headers: Record<string, string>) => fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ device_id: 'new-phone-4', location: { timestamp: new Date().toISOString(), coords: { latitude: lat, longitude: lng } } }),
    })
    const refused = await json({})
    expect(refused.status).toBe(403)
    expect((await errorOf(refused)).field).toBe('enrol')
    expect((await json({ 'x-enrolment-key': ENROL })).status).toBe(200)
    expect(stored('new-phone-3')).toBeDefined()
    expect(stored('new-phone-4')).toBeDefined()
  })

  it('registers through the batch API only with the X-Enrolment-Key header, naming enrol per position otherwise', async () => {
    const batch = (headers: Record<string, string>) => fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
      body: JSON.stringify({ positions: [{ deviceId: 'fleet-1', lat, lng, at: Date.now() - 1000 }] }),
    })
    const refused = await (await batch({})).json() as { accepted: number; rejected: { index: number; field: string }[] }
    expect(refused).toMatchObject({ accepted: 0, rejected: [{ index: 0, field: 'enrol' }] })
    expect(stored('fleet-1')).toBeUndefined()
    expect(await (await batch({ 'x-enrolment-key': ENROL })).json()).toMatchObject({ accepted: 1, rejected: [] })
    expect(stored('fleet-1')).toBeDefined()
  })
})

describe('registering from a list of allowed devices', () => {
  let server: TestServer
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-devices-'))
  const list = path.join(dir, 'devices.txt')
  beforeAll(async () => {
    fs.writeFileSync(list, '# phones handed out in November\nphone-0001\n  phone-0002  \n\n')
    server = await startTestServer({ simulator: false, ...ingestSettings({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ALLOWED_DEVICES: `@${list}` }) })
  })
  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('registers a listed phone without a key and refuses others with a 403 naming id', async () => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    expect((await fetch(`${server.url}/api/ingest/osmand?id=phone-0002&lat=${lat}&lon=${lng}`)).status).toBe(200)
    const refused = await fetch(`${server.url}/api/ingest/osmand?id=phone-9999&lat=${lat}&lon=${lng}`)
    expect(refused.status).toBe(403)
    expect(await errorOf(refused)).toMatchObject({ code: 'enrolment_required', field: 'id', message: expect.stringContaining('phone-9999') })
    expect(server.wall.district.inspectors.idOfDevice('phone-0002')).toBeDefined()
    expect(server.wall.district.inspectors.idOfDevice('phone-9999')).toBeUndefined()
  })

  it('takes a comma-separated list in the variable itself', () => {
    expect([...loadConfig({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ALLOWED_DEVICES: 'a, b,,c' }).ingestEnrolment.allowedDevices!]).toEqual(['a', 'b', 'c'])
  })
})

describe('the registration cap', () => {
  it('refuses new phones once INGEST_REGISTER_MAX have registered, and remembers the count across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-cap-'))
    const settings = ingestSettings({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROL, INGEST_REGISTER_MAX: '2' })
    let server = await startTestServer({ simulator: false, dataDir, ...settings })
    try {
      const [lng, lat] = server.wall.district.tree.allGrids()[0].center
      const register = (id: string) => fetch(`${server.url}/api/ingest/osmand?id=${id}&lat=${lat}&lon=${lng}&enrol=${ENROL}`)
      expect((await register('cap-1')).status).toBe(200)
      expect((await register('cap-2')).status).toBe(200)
      const full = await register('cap-3')
      expect(full.status).toBe(403)
      expect(await errorOf(full)).toMatchObject({ code: 'registration_full', field: 'id', message: expect.stringMatching(/2 devices.*INGEST_REGISTER_MAX/) })
      await server.stop()
      server = await startTestServer({ simulator: false, dataDir, ...settings })
      expect((await register('cap-3')).status).toBe(403)
      // A registered phone keeps reporting when the cap is reached.
      expect((await fetch(`${server.url}/api/ingest/osmand?id=cap-1&lat=${lat}&lon=${lng}&timestamp=${Math.floor(Date.now() / 1000)}`)).status).toBe(200)
      expect(server.wall.store.loadInspectors().filter((i) => i.deviceId.startsWith('cap-'))).toHaveLength(2)
    } finally {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('registers the next phone after 200,000 inspectors without spreading every id (was a stack overflow)', async () => {
    const server = await startTestServer({ simulator: false, ...ingestSettings({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROL }) })
    try {
      const { inspectors, tree } = server.wall.district
      const gridCode = tree.allGrids()[0].code
      for (let id = 1_000_001; id <= 1_200_000; id++) inspectors.register({ id, deviceId: `bulk-${id}`, name: `bulk ${id}`, gridCode })
      const [lng, lat] = tree.allGrids()[0].center
      const response = await fetch(`${server.url}/api/ingest/osmand?id=after-bulk&lat=${lat}&lon=${lng}&enrol=${ENROL}`)
      expect(response.status).toBe(200)
      expect(inspectors.idOfDevice('after-bulk')).toBe(1_200_001)
    } finally {
      await server.stop()
    }
  })
})

describe('registration settings', () => {
  it('refuses INGEST_REGISTER_UNKNOWN=true with neither an enrolment key nor an allowed list, saying why', () => {
    expect(() => loadConfig({ INGEST_REGISTER_UNKNOWN: 'true' })).toThrow(ConfigError)
    expect(() => loadConfig({ INGEST_REGISTER_UNKNOWN: 'true' })).toThrow(/INGEST_ENROLMENT_KEY or INGEST_ALLOWED_DEVICES.*anyone/)
    expect(loadConfig({ INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROL }).ingestEnrolment).toMatchObject({ key: ENROL, maxNew: 500 })
  })

  it.each([
    [{ INGEST_ALLOWED_DEVICES: '@/nowhere/devices.txt' }, /INGEST_ALLOWED_DEVICES.*\/nowhere\/devices\.txt/],
    [{ INGEST_ENROLMENT_KEY: ENROL, INGEST_REGISTER_MAX: 'many' }, /INGEST_REGISTER_MAX=many/],
    [{ INGEST_ENROLMENT_KEY: ENROL, INGEST_REGISTER_MAX: '-1' }, /INGEST_REGISTER_MAX=-1/],
  ])('stops the server at start on %o', (env, message) => {
    expect(() => loadConfig({ INGEST_REGISTER_UNKNOWN: 'true', ...env })).toThrow(ConfigError)
    expect(() => loadConfig({ INGEST_REGISTER_UNKNOWN: 'true', ...env })).toThrow(message)
  })

  it('refuses an unknown phone as before while registration is off, whatever it sends', async () => {
    const server = await startTestServer({ simulator: false, ...ingestSettings({ INGEST_ENROLMENT_KEY: ENROL }) })
    try {
      const [lng, lat] = server.wall.district.tree.allGrids()[0].center
      const response = await fetch(`${server.url}/api/ingest/osmand?id=someone&lat=${lat}&lon=${lng}&enrol=${ENROL}`)
      expect(response.status).toBe(403)
      expect(await errorOf(response)).toMatchObject({ code: 'unknown_device', field: 'id' })
    } finally {
      await server.stop()
    }
  })
})
