// ingestPositions splits a batch into history (down-sampled) and latest-only fixes. The split must
// stay linear: the batch API takes 10,000 fixes a request and the simulator replays a week at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistorySampler } from '../../../server/ingest/history-sampler'
import { ingestPositions, type PositionInput, type PositionIntake } from '../../../server/ingest/position-ingest'
import type { StoredFix } from '../../../server/store/wall-store'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

describe('ingesting a large batch', () => {
  let server: TestServer
  let ids: number[]
  beforeAll(async () => {
    server = await startTestServer({ simulator: false })
    ids = server.wall.district.inspectors.allInfos().map((i) => i.id)
  })
  afterAll(() => server?.stop())

  const intake = (minIntervalMs: number): PositionIntake => ({ district: server.wall.district, store: server.wall.store, sampler: new HistorySampler({ minIntervalMs, minDistanceM: 1e9 }) })
  const batch = (n: number, start: number, stepMs: number): PositionInput[] =>
    Array.from({ length: n }, (_, i) => ({ inspectorId: ids[i % ids.length], lng: 119.35, lat: 26.07, at: start + Math.floor(i / ids.length) * stepMs + (i % ids.length) }))

  it('keeps history down-sampled and moves every latest fix', async () => {
    const start = server.wall.district.clock.now() - 3600_000
    // One fix every 5 s per inspector, history every 15 s: the 1st, 4th, 7th … of each inspector.
    const inputs = batch(ids.length * 10, start, 5_000)
    expect(ingestPositions(intake(15_000), inputs)).toEqual({ accepted: inputs.length, rejected: [] })
    const first = ids[0]
    expect((await server.wall.store.track(first, start - 1, start + 60_000)).map((f) => f.at - start)).toEqual([0, 15_000, 30_000, 45_000])
    expect((await server.wall.store.loadLatestFixes()).find((f) => f.inspectorId === first)?.at).toBe(start + 45_000)
    expect(server.wall.district.inspectors.liveOf(first)?.fixAt).toBe(start + 45_000)
  })

  it('costs about what writing the fixes costs, not the square of the batch', () => {
    // 100,000 fixes all kept: a split that looks each fix up in the kept list does 5·10⁹ comparisons
    // (~5 s here), about four times the cost of the writes it is compared with.
    const n = 100_000
    const base = server.wall.district.clock.now() - 2 * 86_400_000
    const direct = batch(n, base, 1000).map((p): StoredFix => ({ ...p, heading: null }))
    let started = performance.now()
    server.wall.store.transaction(() => server.wall.store.appendFixes(direct))
    const writeMs = performance.now() - started
    const inputs = batch(n, base + 86_400_000, 1000)
    started = performance.now()
    expect(ingestPositions(intake(0), inputs).accepted).toBe(n)
    const ingestMs = performance.now() - started
    expect(ingestMs, `ingest ${Math.round(ingestMs)} ms, writes alone ${Math.round(writeMs)} ms`).toBeLessThan(writeMs * 2.5 + 300)
  }, 60_000)
})
