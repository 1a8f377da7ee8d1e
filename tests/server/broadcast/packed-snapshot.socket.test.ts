// The packed snapshot over a real socket and HTTP: walls that join in the same tick share one
// encoding; a wall that (re)joins after positions and cases changed ends, with the deltas after its
// snapshot, on the server's own state; the tables are served immutable behind the wall token; the
// handshake chooses the format.
import { createPinia, setActivePinia } from 'pinia'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodePackedSnapshot } from '../../../client/snapshot/decode-packed'
import { createTableCache, type TableCache } from '../../../client/snapshot/table-cache'
import { useCasesStore } from '../../../client/stores/cases'
import { useInspectorsStore } from '../../../client/stores/inspectors'
import { buildStats } from '../../../server/broadcast/snapshot'
import type { WallSnapshot } from '../../../server/contract/domain'
import type { StatsChanged } from '../../../server/contract/events'
import { applyGridLoadChanges, type GridLoads } from '../../../server/contract/grid-load-changes'
import type { PackedSnapshot } from '../../../server/contract/packed-snapshot'
import { decodePositionFrame } from '../../../server/contract/position-frame'
import { reportCase } from '../../../server/ingest/case-ingest'
import { HistorySampler } from '../../../server/ingest/history-sampler'
import { ingestPositions } from '../../../server/ingest/position-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent, waitFor } from '../../helpers/wait-for'

const TOKEN = 'wall-secret'

/** `format` null: the handshake names no format. */
function packedSocket(url: string, format: string | null = 'packed'): Socket {
  return io(url, { transports: ['websocket'], forceNew: true, auth: { token: TOKEN, ...(format ? { snapshotFormat: format } : {}) } })
}

/** The wall's own stores and decoder behind a real socket, in the order the wall applies things. */
function mirrorWall(socket: Socket, tables: TableCache) {
  setActivePinia(createPinia())
  const inspectors = useInspectorsStore()
  const cases = useCasesStore()
  let gridLoad: GridLoads = {}
  let chain: Promise<unknown> = Promise.resolve()
  const inOrder = (step: () => unknown) => { chain = chain.then(step) }
  let snapshots = 0
  socket.on('wall:snapshot', (packed: PackedSnapshot) => inOrder(async () => {
    const snapshot = await decodePackedSnapshot(packed, tables)
    inspectors.replaceAll(snapshot)
    cases.replaceAll(snapshot)
    gridLoad = snapshot.stats.gridLoad
    snapshots++
  }))
  socket.on('inspectors:moved', (data: Buffer) => inOrder(() => inspectors.applyFrame(decodePositionFrame(data))))
  socket.on('inspectors:status', (data: Buffer) => inOrder(() => inspectors.applyStatusFrame(decodePositionFrame(data))))
  socket.on('cases:changed', (change) => inOrder(() => cases.apply(change)))
  socket.on('stats:changed', (stats: StatsChanged) => inOrder(() => { gridLoad = applyGridLoadChanges(gridLoad, stats.gridLoadChanges) }))
  return { inspectors, cases, gridLoad: () => gridLoad, snapshots: () => snapshots, settled: () => chain }
}

const fetchTable = (base: string) => async (url: string) => {
  const res = await fetch(base + url, { headers: { authorization: `Bearer ${TOKEN}` } })
  if (!res.ok) throw new Error(`${url}: ${res.status}`)
  return res.json()
}

describe('the packed snapshot over a real socket', () => {
  let server: TestServer
  const sockets: Socket[] = []

  beforeAll(async () => {
    // No automatic tick: the test runs them (broadcaster.flush) where it needs them.
    server = await startTestServer({ simulator: false, tickMs: 60_000, access: { wallToken: TOKEN, integrationKeys: [], operators: [] } })
  })
  afterAll(async () => {
    for (const s of sockets) s.disconnect()
    await server?.stop()
  })

  const open = (format: string | null = 'packed') => {
    const socket = packedSocket(server.url, format)
    sockets.push(socket)
    return socket
  }

  function move(ids: number[], step: number): void {
    const district = server.wall.district
    // Whole seconds (what the frame keeps), one second later per step (an older fix would not move the marker).
    const at = Math.floor(district.clock.now() / 1000) * 1000 - (10 - step) * 1000
    ingestPositions({ district, store: server.wall.store, sampler: new HistorySampler({ minIntervalMs: 0, minDistanceM: 0 }) },
      ids.map((id) => {
        const [lng, lat] = district.tree.get(district.inspectors.info(id)!.gridCode)!.center
        return { inspectorId: id, lng: Math.round((lng + step * 1e-4) * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6, at }
      }))
  }

  it('encodes once for walls that join in the same tick, and anew after a change and a tick', async () => {
    const cache = server.wall.broadcaster.snapshotCache
    const before = cache.encodings
    const packed = await Promise.all(Array.from({ length: 8 }, () => nextEvent<PackedSnapshot>(open(), 'wall:snapshot')))
    expect(cache.encodings).toBe(before + 1)
    expect(new Set(packed.map((p) => p.version)).size).toBe(1)
    expect(packed[0]).toMatchObject({ format: 'packed', tables: expect.arrayContaining([expect.objectContaining({ name: 'areas' })]) })
    expect(Buffer.isBuffer(packed[0].live)).toBe(true)

    const grid = server.wall.district.tree.allGrids()[0]
    reportCase(server.wall.district, { categoryCode: 'E0101', source: 'hotline', lng: grid.center[0], lat: grid.center[1], description: '新案件', actor: '热线' })
    server.wall.broadcaster.flush()
    const after = await nextEvent<PackedSnapshot>(open(), 'wall:snapshot')
    expect(after.version).toBeGreaterThan(packed[0].version)
    expect(cache.encodings).toBe(before + 2)
  })

  it('brings a (re)joining wall, with the deltas after its snapshot, to the server\'s state', { timeout: 20_000 }, async () => {
    const district = server.wall.district
    const ids = district.inspectors.allInfos().slice(0, 6).map((i) => i.id)
    move(ids, 1)
    server.wall.broadcaster.flush()
    await nextEvent(open(), 'wall:snapshot')           // encodes this tick's version

    // After the encoding, in the same tick: some inspectors move (their frame goes out before the
    // wall joins) and a case is reported (it goes out at the next tick).
    move(ids.slice(0, 3), 2)
    expect(district.inspectors.hasDirty()).toBe(true)
    await waitFor(() => !district.inspectors.hasDirty(), 2_000, 'the position flush')
    const grid = district.tree.allGrids()[1]
    const reported = reportCase(district, { categoryCode: 'E0101', source: 'hotline', lng: grid.center[0], lat: grid.center[1], description: '迟到的案件', actor: '热线' })

    const socket = open()
    const wall = mirrorWall(socket, createTableCache(fetchTable(server.url)))
    await waitFor(() => wall.snapshots() === 1, 5_000, 'the snapshot')
    const encodings = server.wall.broadcaster.snapshotCache.encodings
    const stats = nextEvent(socket, 'stats:changed')
    server.wall.broadcaster.flush()
    await stats
    await wall.settled()
    expect(server.wall.broadcaster.snapshotCache.encodings).toBe(encodings)   // it reused the tick's encoding

    const expectState = () => {
      for (const id of ids) expect(wall.inspectors.live.get(id)).toMatchObject(district.inspectors.markerOf(id)!)
      expect([...wall.cases.open.keys()].sort()).toEqual([...district.cases.open()].map((c) => c.id).sort())
      expect(wall.cases.open.has(reported.id)).toBe(true)
      expect(wall.gridLoad()).toEqual(buildStats(district).gridLoad)
    }
    expectState()

    // A reconnect brings a new snapshot; the tables it names are already held.
    socket.disconnect()
    move(ids.slice(3), 3)
    socket.connect()
    await waitFor(() => wall.snapshots() === 2, 5_000, 'the snapshot after the reconnect')
    await wall.settled()
    expectState()
  })

  it('serves the tables immutable, gzip\'d, behind the wall token', async () => {
    const packed = await nextEvent<PackedSnapshot>(open(), 'wall:snapshot')
    const areas = packed.tables.find((t) => t.name === 'areas')!
    expect((await fetch(server.url + areas.url)).status).toBe(401)
    const res = await fetch(server.url + areas.url, { headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(await res.json()).toEqual(server.wall.district.tree.all())
    const viaQuery = await fetch(`${server.url}${areas.url}?token=${TOKEN}`, { headers: { 'accept-encoding': 'identity' } })
    expect(viaQuery.status).toBe(200)
    expect(viaQuery.headers.get('content-encoding')).toBeNull()
    const stale = await fetch(`${server.url}/api/wall-tables/areas.0123456789abcdef.json?token=${TOKEN}`)
    expect(stale.status).toBe(404)
    expect((await stale.json()).error.code).toBe('wall_table_replaced')
    expect((await fetch(`${server.url}/api/wall-tables/secrets.0123456789abcdef.json?token=${TOKEN}`)).status).toBe(404)
  })

  it('gives the JSON WallSnapshot to a socket that asks for json or says nothing, and refuses an unknown format', async () => {
    for (const format of ['json', null]) {
      const snapshot = await nextEvent<WallSnapshot>(open(format), 'wall:snapshot')
      expect(snapshot, `format ${format}`).toHaveProperty('areas')
      expect(snapshot.areas.length).toBeGreaterThan(0)
      expect('format' in snapshot).toBe(false)
    }
    const refused = open('msgpack')
    const error = await nextEvent<Error>(refused, 'connect_error')
    expect(error.message).toBe('auth.snapshotFormat must be one of "json", "packed"')
  })

  it('answers GET /api/snapshot with the JSON the socket sends, tables spliced from the cache', async () => {
    const res = await fetch(`${server.url}/api/snapshot?token=${TOKEN}`)
    const text = await res.text()
    const snapshot = JSON.parse(text) as WallSnapshot
    const now = server.wall.broadcaster.snapshot()
    // The same text but for the clock's readings, which moved on between the two.
    expect(text).toBe(JSON.stringify({ ...now, serverTime: snapshot.serverTime, stats: { ...now.stats, at: snapshot.stats.at } }))
  })
})
