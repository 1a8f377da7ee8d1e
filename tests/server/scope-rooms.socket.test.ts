// Scoped figures over Socket.IO rooms, against a real server and a real socket.io-client: a wall
// focuses on an area, gets its figures at once and on every stats tick, and nothing after unfocusing.
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AreaInfo, InspectorInfo, WallSnapshot } from '../../server/contract/domain'
import type { StatsChanged } from '../../server/contract/events'
import { actOnCase, reportCase } from '../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { nextEvent } from '../helpers/wait-for'
import { nextScope } from './helpers/next-scope'

const KEY = 'scope-key'

describe('scoped figures for a focused wall', () => {
  let server: TestServer
  let socket: Socket
  let inspector: InspectorInfo
  let grid: AreaInfo

  const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
  const areaRooms = () => [...server.wall.io.sockets.adapter.rooms.keys()].filter((r) => r.startsWith('area:'))
  /** Open cases and inspectors of the grids under `code`, as GET /api/snapshot shows them. */
  const expected = async (code: string) => {
    const s = await snapshot()
    const grids = new Set(s.areas.filter((a) => a.level === 'grid' && (a.code === code || a.parentCode === code)).map((a) => a.code))
    return { open: s.cases.filter((c) => grids.has(c.gridCode)).length, inspectors: s.inspectorInfos.filter((i) => grids.has(i.gridCode)).length }
  }

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
    const district = server.wall.district
    inspector = district.inspectors.allInfos()[0]
    grid = district.tree.get(inspector.gridCode)!
    const elsewhere = district.tree.allGrids().find((g) => g.parentCode !== grid.parentCode)!
    const report = (at: AreaInfo) => reportCase(district, { categoryCode: 'E0401', source: 'hotline', lng: at.center[0], lat: at.center[1], description: '占道经营', actor: '热线' })
    report(grid)
    report(grid)
    actOnCase(district, report(grid).id, 'cancel', { actor: '监督中心' })
    report(elsewhere)
    await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions: [{ deviceId: inspector.deviceId, lng: grid.center[0], lat: grid.center[1] }] }),
    })
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
  })

  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
  })

  it("answers a focus on a grid at once with the grid's open cases and inspectors", async () => {
    const answer = nextScope(socket, grid.code)
    socket.emit('wall:focus', grid.code)
    const detail = await answer
    const want = await expected(grid.code)
    expect(want).toMatchObject({ open: 2 })
    expect(detail.stats.openTotal).toBe(want.open)
    const { online, stale, offline } = detail.stats.inspectors
    expect(online + stale + offline).toBe(want.inspectors)
    expect(online).toBe(1)
    expect(Object.keys(detail.stats.gridLoad)).toEqual([grid.code])
    expect(detail.cases).toHaveLength(2)
    expect(detail.cases.every((c) => typeof c.remainingWorkMinutes === 'number')).toBe(true)
    expect(areaRooms()).toEqual([`area:${grid.code}`])
  })

  it('keeps sending them on the stats tick, and ignores a focus on an unknown area', async () => {
    socket.emit('wall:focus', 'no-such-area')
    const detail = await nextScope(socket, grid.code)
    expect(detail.stats.openTotal).toBe(2)
    expect(areaRooms()).toEqual([`area:${grid.code}`])
  })

  it('moves the wall to a community: all its grids count, the old room is left', async () => {
    const answer = nextScope(socket, grid.parentCode!)
    socket.emit('wall:focus', grid.parentCode)
    const detail = await answer
    const want = await expected(grid.parentCode!)
    expect(detail.stats.openTotal).toBe(want.open)
    const counts = detail.stats.inspectors
    expect(counts.online + counts.stale + counts.offline).toBe(want.inspectors)
    expect(areaRooms()).toEqual([`area:${grid.parentCode}`])
  })

  it('sends nothing more after a focus on the whole district (null), while district stats flow on', { timeout: 15_000 }, async () => {
    socket.emit('wall:focus', null)
    // A scope event of the tick that crossed the unfocus arrives before the second stats event.
    await nextEvent<StatsChanged>(socket, 'stats:changed')
    await nextEvent<StatsChanged>(socket, 'stats:changed')
    let received = 0
    const count = () => received++
    socket.on('scope:updated', count)
    for (let i = 0; i < 3; i++) await nextEvent<StatsChanged>(socket, 'stats:changed')
    socket.off('scope:updated', count)
    expect(received).toBe(0)
    expect(areaRooms()).toEqual([])
  })

  it('drops the room when a focused wall disconnects', async () => {
    const other = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(other, 'wall:snapshot')
    const answer = nextScope(other, grid.code)
    other.emit('wall:focus', grid.code)
    await answer
    expect(areaRooms()).toEqual([`area:${grid.code}`])
    other.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(areaRooms()).toEqual([])
  })
})
