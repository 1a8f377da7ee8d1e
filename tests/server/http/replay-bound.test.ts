// A replay of a whole district reads every inspector's history: on a real server whose store holds
// 48 h of every demo inspector (one fix every 30 s), the district's 48 h replay must not stall the
// walls (the event loop never blocked > 200 ms, a connected wall keeps receiving frames), must give
// the same tracks as reading them one by one, and an area × range above the bound is refused up front.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReplayData } from '../../../server/contract/detail'
import { downsampleTrack, toleranceForRange } from '../../../server/domain/downsample-track'
import { distanceToSegment, localMetres } from '../../../server/domain/local-metres'
import { toTrackPoints } from '../../../server/http/track-source'
import type { StoredFix } from '../../../server/store/wall-store'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { watchWall, type LivenessWatch } from '../helpers/wall-liveness'

const HOUR_MS = 3600_000
const FIX_EVERY_MS = 30_000
const MAX_LOOP_DELAY_MS = 200

describe('area replays: bounded, and the walls stay live', () => {
  let server: TestServer
  let wall: LivenessWatch
  let now: number
  let districtCode: string

  beforeAll(async () => {
    server = await startTestServer({ access: { wallToken: null, integrationKeys: [], operators: [] } })
    const { district, store } = server.wall
    now = district.clock.now()
    districtCode = district.tree.all().find((a) => a.level === 'district')!.code
    // A random walk (the worst case for the down-sampling: hardly a point is collinear).
    for (const info of district.inspectors.allInfos()) {
      const [lng0, lat0] = district.tree.get(info.gridCode)!.center
      let lng = lng0, lat = lat0, seed = info.id
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5
      const fixes: StoredFix[] = []
      for (let at = now - 48 * HOUR_MS; at < now; at += FIX_EVERY_MS) {
        lng += random() * 2e-4
        lat += random() * 2e-4
        fixes.push({ inspectorId: info.id, lng, lat, heading: null, at })
      }
      store.appendFixes(fixes)
    }
    wall = await watchWall(server.url)
  }, 120_000)
  afterAll(async () => {
    wall?.close()
    await server?.stop()
  })

  const track = (code: string, from: number, to: number) => fetch(`${server.url}/api/grids/${code}/track?from=${from}&to=${to}`)

  it(`answers the district's 48 h replay while the event loop is never blocked > ${MAX_LOOP_DELAY_MS} ms`, async () => {
    const from = now - 48 * HOUR_MS
    wall.start()
    const started = performance.now()
    const response = await track(districtCode, from, now)
    // Parsed after the watch: the test's own JSON.parse of the answer is not the server's doing.
    const body = await response.text()
    const live = wall.stop()
    const replay = JSON.parse(body) as ReplayData
    console.log(`district replay of ${replay.tracks.length} inspectors × 48 h, ${(body.length / 1e6).toFixed(1)} MB in ${(performance.now() - started).toFixed(0)} ms:`, live)
    expect(response.status).toBe(200)
    expect(live.maxLoopDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS)
    expect(live.maxSilenceMs).toBeLessThan(1_000)
    expect(live.frames).toBeGreaterThan(0)

    const inspectors = server.wall.district.inspectors.allInfos()
    expect(replay.tracks.map((t) => t.inspectorId)).toEqual(inspectors.map((i) => i.id).sort((a, b) => a - b))
    for (const t of [replay.tracks[0], replay.tracks.at(-1)!]) {
      const direct = downsampleTrack(toTrackPoints((await server.wall.store.track(t.inspectorId, from, now))), toleranceForRange(now - from))
      expect(t.points).toEqual(direct)
    }
    expect(replay).toMatchObject({ from, to: now, events: expect.any(Array) })
  }, 120_000)

  it('refuses an area whose inspectors × hours exceed 4,800 up front with 413 naming to, and serves it for fewer hours', async () => {
    const { district } = server.wall
    const grid = district.tree.allGrids()[0].code
    // 73 demo inspectors + 40 = 113: 48 h is 5,424 inspector-hours, 42 h (4,746) is within the bound.
    for (let i = 0; i < 40; i++) district.inspectors.register({ id: 90_000 + i, deviceId: `bound-${i}`, name: `巡查员${i}`, gridCode: grid })
    const count = district.inspectors.allInfos().length
    expect(count).toBe(113)
    wall.start()
    const refused = await track(districtCode, now - 48 * HOUR_MS, now)
    const live = wall.stop()
    expect(refused.status).toBe(413)
    const { error } = await refused.json() as { error: { code: string; field: string; message: string } }
    expect(error).toMatchObject({ code: 'replay_too_large', field: 'to' })
    expect(error.message).toContain('113 inspectors × 48.0 h = 5,424 inspector-hours')
    expect(error.message).toContain('at most 4,800 inspector-hours')
    expect(error.message).toContain('ask at most 42 h')
    expect(live.maxLoopDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS)

    const within = await track(districtCode, now - 42 * HOUR_MS, now)
    expect(within.status).toBe(200)
    expect((await within.json() as ReplayData).tracks).toHaveLength(113)
    // A grid asks 48 h whatever the district holds.
    expect((await track(grid, now - 48 * HOUR_MS, now)).status).toBe(200)
  }, 120_000)

  it("slices one dense inspector's replay too (a fix a second for 12 h), keeping every fix within the tolerance", async () => {
    const { district, store } = server.wall
    const info = { id: 91_000, deviceId: 'dense', name: '骑行巡查员', gridCode: district.tree.allGrids()[0].code }
    district.inspectors.register(info)
    const from = now - 12 * HOUR_MS
    const [lng0, lat0] = district.tree.get(info.gridCode)!.center
    // Riding at 4 m/s, the heading drifting: smooth enough that the track needs no more than its 5,000 points.
    let lng = lng0, lat = lat0, heading = 0, seed = 11
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5
    const fixes: StoredFix[] = []
    for (let at = from; at <= now; at += 1_000) {
      heading += random() * 0.2
      fixes.push({ inspectorId: info.id, lng: (lng += 4e-5 * Math.cos(heading)), lat: (lat += 3.6e-5 * Math.sin(heading)), heading: null, at })
    }
    store.appendFixes(fixes)

    wall.start()
    const response = await fetch(`${server.url}/api/inspectors/${info.id}/track?from=${from}&to=${now}`)
    const body = await response.text()
    const live = wall.stop()
    expect(response.status).toBe(200)
    expect(live.maxLoopDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS)

    const points = (JSON.parse(body) as ReplayData).tracks[0].points
    expect(points[0]).toEqual([fixes[0].lng, fixes[0].lat, fixes[0].at])
    expect(points.at(-1)).toEqual([fixes.at(-1)!.lng, fixes.at(-1)!.lat, fixes.at(-1)!.at])
    expect(points.length).toBeLessThan(fixes.length / 4)
    const project = localMetres([lng0, lat0])
    const tolerance = toleranceForRange(now - from)
    let k = 0, worst = 0
    for (const f of fixes) {
      while (points[k + 1][2] < f.at) k++
      worst = Math.max(worst, distanceToSegment(project(f.lng, f.lat), project(points[k][0], points[k][1]), project(points[k + 1][0], points[k + 1][1])))
    }
    console.log(`dense 12 h: ${fixes.length} fixes → ${points.length} points, worst ${worst.toFixed(2)} m (tolerance ${tolerance} m):`, live)
    // The server projects each chunk around its own first fix: allow the 0.1 % the local frames differ by.
    expect(worst).toBeLessThanOrEqual(tolerance * 1.001)
  }, 120_000)
})
