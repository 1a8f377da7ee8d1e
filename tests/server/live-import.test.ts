// Importing grids through the API on the running server: a valid file reaches every wall at once; a
// broken one is refused whole and leaves the database and the walls as they were.
import fs from 'node:fs'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { nextEvent } from '../helpers/wait-for'

const KEY = 'import-key'
const fixture = (name: string) => fs.readFileSync(`tests/fixtures/import/${name}`, 'utf8')

describe('importing areas into a running wall', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
  })
  afterAll(() => server?.stop())

  const post = (file: string, key = KEY) => fetch(`${server.url}/api/import/areas`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: fixture(file),
  })

  it('refuses a broken file whole, naming the feature, and changes nothing', async () => {
    const before = server.wall.store.loadAreas()
    const response = await post('unclosed-ring.geojson')
    expect(response.status).toBe(422)
    const body = await response.json() as { error: { errors: { feature?: number; problem: string }[] } }
    expect(body.error.errors[0]).toMatchObject({ feature: expect.any(Number), problem: expect.stringContaining('closed') })
    expect(server.wall.store.loadAreas()).toEqual(before)
    expect((await post('valid-hierarchy.geojson', 'wrong')).status).toBe(401)
  })

  it('applies a valid file to the store, the district and every connected wall', async () => {
    const socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    const pushed = nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    expect((await post('valid-hierarchy.geojson')).status).toBe(200)
    const codes = (JSON.parse(fixture('valid-hierarchy.geojson')) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code).sort()
    expect((await pushed).areas.map((a) => a.code).sort()).toEqual(codes)
    expect(server.wall.store.loadAreas()!.map((f) => f.properties.code).sort()).toEqual(codes)
    const geojson = await (await fetch(`${server.url}/api/areas.geojson`)).json() as { features: unknown[] }
    expect(geojson.features).toHaveLength(codes.length)
    socket.disconnect()
  })
})
