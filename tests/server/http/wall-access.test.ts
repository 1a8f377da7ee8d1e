// A wall that must not be public: its read endpoints and its socket need the wall token.
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
