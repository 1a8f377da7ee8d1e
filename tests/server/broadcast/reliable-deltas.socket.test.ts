// What a wall must never miss, over a real socket: status changes (online → stale → offline) used
// to travel only in volatile position frames, so one dropped frame left a silent phone green; the
// per-grid loads were deltas from one global baseline, so a wall that took its snapshot between
// ticks could keep wrong shading; and `wall:sync` answered every request with a multi-MB snapshot.
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import type { StatsChanged } from '../../../server/contract/events'
import { buildStats } from '../../../server/broadcast/snapshot'
import { applyGridLoadChanges } from '../../../server/contract/grid-load-changes'
import { decodePositionFrame, type PositionRecord } from '../../../server/contract/position-frame'
import { actOnCase, reportCase } from '../../../server/ingest/case-ingest'
import { HistorySampler } from '../../../server/ingest/history-sampler'
import { ingestPositions } from '../../../server/ingest/position-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent, waitFor } from '../../helpers/wait-for'

describe('reliable status changes', () => {
  let server: TestServer
  let socket: Socket
  const statusRecords: PositionRecord[] = []

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, tickMs: 100, staleAfterMs: 600, offlineAfterMs: 1200 })
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    // Only the reliable event is listened to: as if every volatile position frame had been dropped.
    socket.on('inspectors:status', (data: ArrayBuffer) => statusRecords.push(...decodePositionFrame(data).records))
  })
  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
  })

  it('sends every status change on a reliable event, from online to stale to offline', { timeout: 20_000 }, async () => {
    const district = server.wall.district
    const inspector = district.inspectors.allInfos()[0]
    const [lng, lat] = district.tree.get(inspector.gridCode)!.center
    ingestPositions({ district, store: server.wall.store, sampler: new HistorySampler({ minIntervalMs: 0, minDistanceM: 0 }) },
      [{ inspectorId: inspector.id, lng, lat, at: district.clock.now() }])
    const statusesOf = () => statusRecords.filter((r) => r.id === inspector.id).map((r) => r.status)
    await waitFor(() => statusesOf().includes('offline'), 10_000, 'an offline status')
    expect(statusesOf()).toEqual(['online', 'stale', 'offline'])
  })
})

describe('grid-load deltas for a wall that joined between ticks', () => {
  let server: TestServer

  beforeAll(async () => {
    // No automatic tick: the test runs them (broadcaster.flush) at the moments it needs.
    server = await startTestServer({ simulator: false, tickMs: 60_000 })
  })
  afterAll(() => server?.stop())

  it('merges to the server\'s loads after a grid changed and changed back between the snapshot and the tick', async () => {
    const district = server.wall.district
    const grid = district.tree.allGrids()[3]
    server.wall.broadcaster.flush()   // the last statistics sent: this grid has no open case

    const record = reportCase(district, { categoryCode: 'E0101', source: 'hotline', lng: grid.center[0], lat: grid.center[1], description: 'x', actor: '热线' })
    const socket = io(server.url, { transports: ['websocket'], forceNew: true })
    const snapshot = await nextEvent<WallSnapshot>(socket, 'wall:snapshot')   // taken while the grid has one open case
    actOnCase(district, record.id, 'cancel', { actor: '受理员' })             // …and back to none before the tick

    const stats = nextEvent<StatsChanged>(socket, 'stats:changed')
    server.wall.broadcaster.flush()
    const merged = applyGridLoadChanges(snapshot.stats.gridLoad, (await stats).gridLoadChanges)
    const { gridLoad: truth } = buildStats(district)
    expect(merged[grid.code]).toBeUndefined()
    expect(merged).toEqual(truth)
    socket.disconnect()
  })
})

describe('wall:sync', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false })
  })
  afterAll(() => server?.stop())

  it('answers one snapshot per socket in its window and refuses the rest cheaply', async () => {
    const socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    const answers = await Promise.all(Array.from({ length: 20 }, () => socket.timeout(5000).emitWithAck('wall:sync')))
    const snapshots = answers.filter((a) => 'areas' in a)
    const refused = answers.filter((a) => 'throttled' in a)
    expect(snapshots).toHaveLength(1)
    expect(refused).toHaveLength(19)
    expect(refused[0]).toMatchObject({ throttled: true, retryAfterMs: expect.any(Number) })
    expect(JSON.stringify(refused[0]).length).toBeLessThan(100)
    // Another socket has its own window.
    const other = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(other, 'wall:snapshot')
    expect('areas' in await other.timeout(5000).emitWithAck('wall:sync')).toBe(true)
    socket.disconnect()
    other.disconnect()
  })
})
