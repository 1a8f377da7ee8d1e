// /api/health says which role the node holds and whether its store (and Redis, when configured)
// answer, beside the counts it always had; a node whose store does not answer is degraded (503).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

describe('GET /api/health', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: 'health-wall-token', integrationKeys: [], operators: [] } })
  })
  afterAll(() => server?.stop())

  it('says the node is alone, on a reachable SQLite store, without Redis, and is open without the wall token', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    const health = await response.json()
    expect(health).toMatchObject({
      status: 'ok', role: 'single', store: { kind: 'sqlite', reachable: true }, redis: null,
      grids: server.wall.district.tree.allGrids().length, connectedClients: 0,
    })
    expect(health.inspectors.total).toBe(server.wall.district.inspectors.allInfos().length)
  })

  it('answers 503 degraded when the store no longer answers', async () => {
    server.wall.store.close()
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ status: 'degraded', role: 'single', store: { kind: 'sqlite', reachable: false }, redis: null })
  })
})
