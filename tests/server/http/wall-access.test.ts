// Who may read and write: the wall token guards the wall, integration keys carry scopes, and Open311 writes are closed unless opened.
import fs from 'node:fs'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

describe('the wall token', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: 'wall-secret', integrationKeys: [], operators: [] } })
  })
  afterAll(() => server?.stop())

  it('guards the snapshot and the area polygons', async () => {
    expect((await fetch(`${server.url}/api/snapshot`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/areas.geojson?token=nope`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/snapshot`, { headers: { authorization: 'Bearer wall-secret' } })).status).toBe(200)
    expect((await fetch(`${server.url}/api/areas.geojson?token=wall-secret`)).status).toBe(200)
  })

  it('refuses a socket without it and accepts one with it', async () => {
    const connect = (auth: Record<string, string>) => new Promise<string>((resolve) => {
      const socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth })
      socket.on('connect', () => { socket.disconnect(); resolve('connected') })
      socket.on('connect_error', (error) => { socket.disconnect(); resolve(error.message) })
    })
    expect(await connect({})).toBe('wall token required')
    expect(await connect({ token: 'wall-secret' })).toBe('connected')
  })

  it('leaves health open for monitoring', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})

// Keys as an operator writes them in INTEGRATION_KEYS, parsed by the real configuration loader.
describe('integration key scopes', () => {
  let server: TestServer
  const POSITIONS_ONLY = 'phones-vendor-key'
  const CITY = 'city-platform-key'
  const LEGACY = 'old-all-scopes-key'
  const fixture = (name: string) => fs.readFileSync(`tests/fixtures/import/${name}`, 'utf8')
  beforeAll(async () => {
    const { access } = loadConfig({ INTEGRATION_KEYS: `${POSITIONS_ONLY}:positions, ${CITY}:cases+import,${LEGACY}` })
    server = await startTestServer({ simulator: false, access })
  })
  afterAll(() => server?.stop())

  const postAs = (key: string | null, path: string, body: string, type = 'application/json') => fetch(`${server.url}${path}`, {
    method: 'POST', headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) }, body,
  })
  const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error
  const aFix = () => {
    const info = server.wall.district.inspectors.allInfos()[0]
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    return JSON.stringify({ positions: [{ deviceId: info.deviceId, lng, lat, at: Date.now() - 1000 }] })
  }

  it('a positions-only key cannot import areas: 403 naming the scope, and nothing is written', async () => {
    const areasBefore = server.wall.store.loadAreas()
    const gridsBefore = server.wall.district.tree.allGrids().length
    const response = await postAs(POSITIONS_ONLY, '/api/import/areas', fixture('valid-hierarchy.geojson'))
    expect(response.status).toBe(403)
    const error = await errorOf(response)
    expect(error.code).toBe('scope_missing')
    expect(error.message).toContain('import')
    expect(server.wall.store.loadAreas()).toEqual(areasBefore)
    expect(server.wall.district.tree.allGrids()).toHaveLength(gridsBefore)
    expect((await postAs(POSITIONS_ONLY, '/api/import/statistics', fixture('stats-valid.csv'), 'text/csv')).status).toBe(403)
  })

  it('each key does what its scopes allow and nothing else', async () => {
    expect((await postAs(POSITIONS_ONLY, '/api/ingest/positions', aFix())).status).toBe(200)
    const cityPositions = await postAs(CITY, '/api/ingest/positions', aFix())
    expect(cityPositions.status).toBe(403)
    expect(await errorOf(cityPositions)).toMatchObject({ code: 'scope_missing', message: expect.stringContaining('positions') })
    expect((await postAs(LEGACY, '/api/ingest/positions', aFix())).status).toBe(200)
    // A key that is missing or unknown is still a 401: only a known key can lack a scope.
    expect(await errorOf(await postAs(null, '/api/ingest/positions', aFix()))).toMatchObject({ code: 'integration_key_required' })
    expect((await postAs('no-such-key', '/api/import/areas', '{}')).status).toBe(401)
  })

  it('Open311 with keys needs the cases scope, in the Open311 error shape', async () => {
    const [long, lat] = server.wall.district.tree.allGrids()[0].center
    const report = JSON.stringify({ service_code: 'E0101', lat, long })
    const refused = await postAs(POSITIONS_ONLY, '/open311/v2/requests.json', report)
    expect(refused.status).toBe(403)
    const [error] = await refused.json() as { code: number; description: string }[]
    expect(error.code).toBe(403)
    expect(error.description).toMatch(/^api_key: .*cases/)
    // Reads need no key (FixMyStreet sends none on GETs, perllib/Open311.pm:615-616) unless OPEN311_READ=key (open311-formats.test.ts).
    expect((await fetch(`${server.url}/open311/v2/requests.json?api_key=${POSITIONS_ONLY}`)).status).toBe(200)
    expect((await postAs(CITY, '/open311/v2/requests.json', report)).status).toBe(200)
    expect((await postAs(LEGACY, '/open311/v2/requests.json', report)).status).toBe(200)
    expect((await fetch(`${server.url}/open311/v2/requests.json?api_key=${CITY}`)).status).toBe(200)
  })
})

describe('INTEGRATION_KEYS syntax', () => {
  const keysOf = (raw: string) => loadConfig({ INTEGRATION_KEYS: raw }).access.integrationKeys

  it('reads the legacy form as every scope and key:scope+scope as those scopes', () => {
    expect(keysOf('a, b:positions,c:cases+import+sensors')).toEqual([
      { key: 'a', scopes: ['positions', 'cases', 'import', 'sensors'] },
      { key: 'b', scopes: ['positions'] },
      { key: 'c', scopes: ['cases', 'import', 'sensors'] },
    ])
  })

  it.each([
    ['k1:positions,k2:imports', /entry 2: unknown scope "imports"/],
    ['k1:', /entry 1: no scope after ":"/],
    [':positions', /entry 1: the key is empty/],
    ['k1:positions+', /entry 1: unknown scope ""/],
    ['k1:positions,k1:cases', /entry 2: the key is listed twice/],
  ])('stops the server at start on %s, naming the entry', (raw, message) => {
    expect(() => keysOf(raw)).toThrow(ConfigError)
    expect(() => keysOf(raw)).toThrow(message)
  })
})

describe('Open311 writes by default', () => {
  const report = (server: TestServer, key?: string) => {
    const [long, lat] = server.wall.district.tree.allGrids()[0].center
    return fetch(`${server.url}/open311/v2/requests.json${key ? `?api_key=${key}` : ''}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service_code: 'E0101', lat, long }),
    })
  }

  it('refuses an anonymous report when no key is configured, even on a wall token server, and writes nothing', async () => {
    const server = await startTestServer({ simulator: false, access: loadConfig({ WALL_TOKEN: 'wall-secret' }).access })
    try {
      const response = await report(server)
      expect(response.status).toBe(403)
      const [error] = await response.json() as { code: number; description: string }[]
      expect(error).toEqual({ code: 403, description: expect.stringMatching(/^api_key: .*cases.*OPEN311_PUBLIC_WRITES=true/) })
      expect([...server.wall.district.cases.all()]).toHaveLength(0)
      expect((await server.wall.store.loadCases(0))).toHaveLength(0)
      // Reads and service discovery are open (OPEN311_READ=key would close reads).
      expect((await fetch(`${server.url}/open311/v2/services.json`)).status).toBe(200)
      expect((await fetch(`${server.url}/open311/v2/requests.json`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  })

  it('takes anonymous reports when OPEN311_PUBLIC_WRITES=true', async () => {
    const server = await startTestServer({ simulator: false, access: loadConfig({ OPEN311_PUBLIC_WRITES: 'true', INTEGRATION_KEYS: 'k:positions' }).access })
    try {
      expect((await report(server)).status).toBe(200)
      expect([...server.wall.district.cases.all()]).toHaveLength(1)
    } finally {
      await server.stop()
    }
  })
})
