// A real server on a random port and a real socket.io-client: snapshot first, then batched deltas.
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import type { CasesChanged, StatsChanged } from '../../server/contract/events'
import { decodePositionFrame } from '../../server/contract/position-frame'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { nextEvent } from '../helpers/wait-for'

describe('the wall server over a real socket', () => {
  let server: TestServer
  let socket: Socket
  let snapshot: WallSnapshot

  beforeAll(async () => {
    server = await startTestServer()
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    snapshot = await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
  })

  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
  })

  it('sends a snapshot of a district already mid-shift', () => {
    const grids = snapshot.areas.filter((a) => a.level === 'grid')
    expect(grids.length).toBeGreaterThan(20)
    expect(grids.every((g) => /^\d{15}$/.test(g.code))).toBe(true)
    expect(snapshot.inspectors.filter((i) => i.status === 'online').length).toBeGreaterThan(0)
    const steps = new Set(snapshot.cases.map((c) => c.step))
    for (const step of ['reported', 'dispatched', 'handled'] as const) expect(steps).toContain(step)
    expect(snapshot.cases.some((c) => c.deadline === 'overdue')).toBe(true)
    expect(snapshot.stats.daily).toHaveLength(8)
    expect(snapshot.stats.daily.slice(0, 7).every((d) => d.reported > 0)).toBe(true)
    expect(snapshot.feed.length).toBeGreaterThan(0)
  })

  it('then sends positions as packed binary frames', async () => {
    const frame = decodePositionFrame(await nextEvent<ArrayBuffer>(socket, 'inspectors:moved'))
    const known = new Set(snapshot.inspectorInfos.map((i) => i.id))
    expect(frame.records.length).toBeGreaterThan(0)
    expect(frame.records.every((r) => known.has(r.id))).toBe(true)
    expect(frame.serverTime).toBeGreaterThan(snapshot.serverTime)
  })

  it('sends case changes and statistics as they happen', { timeout: 30_000 }, async () => {
    const change = await nextEvent<CasesChanged>(socket, 'cases:changed', 20_000)
    expect(change.cases.length).toBeGreaterThan(0)
    const stats = await nextEvent<StatsChanged>(socket, 'stats:changed')
    expect(stats.openTotal).toBeGreaterThan(0)
    expect(stats.inspectors.online + stats.inspectors.stale + stats.inspectors.offline).toBe(snapshot.inspectorInfos.length)
  })

  it('answers GET /api/snapshot with the same picture, and /api/health with the counts', async () => {
    const fromHttp = (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
    expect(fromHttp.district).toEqual(snapshot.district)
    expect(fromHttp.areas).toEqual(snapshot.areas)
    expect(fromHttp.inspectorInfos).toEqual(snapshot.inspectorInfos)
    const health = await (await fetch(`${server.url}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', grids: snapshot.areas.filter((a) => a.level === 'grid').length, connectedClients: 1 })
    expect(health.inspectors.total).toBe(snapshot.inspectorInfos.length)
    expect(health.openCases).toBeGreaterThan(0)
  })

  it('serves the area polygons for the map', async () => {
    const response = await fetch(`${server.url}/api/areas.geojson`)
    expect(response.headers.get('content-type')).toContain('geo+json')
    const geojson = await response.json()
    expect(geojson.features).toHaveLength(snapshot.areas.length)
  })
})
