// Positions go out on their own short window, not on the tick: with a 10 s tick and a 50 ms
// position flush, a fix ingested through the position intake (the entry point every source uses)
// reaches a real socket.io client well within 300 ms. The timer starts at the ingest call, not at
// an HTTP request: the HTTP round trip is not what the flush changes, and its first request alone
// can take 100+ ms on a loaded machine.
import { performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import { decodePositionFrame, type PositionFrame } from '../../../server/contract/position-frame'
import { HistorySampler } from '../../../server/ingest/history-sampler'
import { ingestPositions, type PositionIntake } from '../../../server/ingest/position-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent } from '../../helpers/wait-for'

const POSITION_FLUSH_MS = 50
const MARGIN_MS = 250

describe('the position flush', () => {
  let server: TestServer
  let intake: PositionIntake
  let socket: Socket
  let snapshot: WallSnapshot
  const frames: { frame: PositionFrame; at: number }[] = []

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, tickMs: 10_000, positionFlushMs: POSITION_FLUSH_MS })
    intake = { district: server.wall.district, store: server.wall.store, sampler: new HistorySampler({ minIntervalMs: 0, minDistanceM: 0 }) }
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    snapshot = await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    socket.on('inspectors:moved', (data: ArrayBuffer) => frames.push({ frame: decodePositionFrame(data), at: performance.now() }))
  })

  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
  })

  it('sends nothing while nothing moves', async () => {
    await new Promise((resolve) => setTimeout(resolve, POSITION_FLUSH_MS * 4))
    expect(frames).toHaveLength(0)
  })

  it(`delivers an ingested fix within positionFlushMs + ${MARGIN_MS} ms while the tick is 10 s`, async () => {
    const inspector = snapshot.inspectorInfos[0]
    const at = Math.floor(server.wall.district.clock.now() / 1000) * 1000 // the frame carries whole seconds
    const ingestedAt = performance.now()
    expect(ingestPositions(intake, [{ inspectorId: inspector.id, lng: 119.3512, lat: 26.0712, heading: 45, at }])).toEqual({ accepted: 1, rejected: [] })
    const deadline = ingestedAt + POSITION_FLUSH_MS + MARGIN_MS
    while (frames.length === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(frames).toHaveLength(1)
    expect(frames[0].at - ingestedAt).toBeLessThan(POSITION_FLUSH_MS + MARGIN_MS)
    expect(frames[0].frame.records).toEqual([expect.objectContaining({ id: inspector.id, fixAt: at, heading: 45, status: 'online' })])
    expect(frames[0].frame.records[0].lat).toBeCloseTo(26.0712, 5)
  })
})
