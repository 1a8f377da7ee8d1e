// The drill-down endpoints over real HTTP, on a known walk stored fix by fix (history sampling off):
// a case with proof of presence, an inspector's day, and replays of an inspector and of an area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail, InspectorDetail, ReplayData } from '../../../server/contract/detail'
import type { CaseAction } from '../../../server/contract/domain'
import { cstDayStart } from '../../../server/domain/china-time'
import { actOnCase, reportCase } from '../../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { layKnownTrack, type KnownTrack } from '../helpers/known-track'

const KEY = 'drill-key'
const TOKEN = 'wall-secret'

describe('drill-down: case detail, inspector day, replay', () => {
  let server: TestServer
  let walk: KnownTrack
  let caseId: string

  const get = (path: string, token: string | null = TOKEN) => fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  const json = async <T>(path: string) => {
    const response = await get(path)
    expect(response.status, path).toBe(200)
    return (await response.json()) as T
  }
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; field?: string } }).error

  beforeAll(async () => {
    server = await startTestServer({
      simulator: false, historyMinIntervalMs: 0, historyMinDistanceM: 0,
      access: { wallToken: TOKEN, integrationKeys: [KEY], operators: [] },
    })
    walk = await layKnownTrack(server, KEY, server.wall.district.inspectors.allInfos()[0])
    // Reported abreast of the case point (fix 15), checked on site 50 s later (fix 20).
    const [lng, lat] = walk.casePoint
    const reportedAt = walk.fixes[15][2]
    const district = server.wall.district
    caseId = reportCase(district, { categoryCode: 'E0101', source: 'inspector', lng, lat, description: '暴露垃圾', reporterId: walk.info.id, actor: walk.info.name, at: reportedAt }).id
    const steps: [CaseAction, string][] = [['accept', '监督中心'], ['file', '监督中心'], ['dispatch', '指挥中心'], ['handle', '区环卫中心']]
    steps.forEach(([action, actor], i) => actOnCase(district, caseId, action, { actor, at: reportedAt + (i + 1) * 1_000, department: '区环卫中心' }))
    actOnCase(district, caseId, 'verify', { actor: walk.info.name, at: walk.fixes[20][2] })
  })
  afterAll(() => server?.stop())

  it('answers a case as a CaseDetail with proof of presence of its reporter and its verifier', async () => {
    const detail = await json<CaseDetail & { allowedActions: string[] }>(`/api/cases/${caseId}`)
    expect(detail).toMatchObject({ id: caseId, step: 'verified', mediaUrl: null, allowedActions: ['close'], category: { code: 'E0101', name: '暴露垃圾' } })
    expect(detail.history.map((t) => t.action)).toEqual(['report', 'accept', 'file', 'dispatch', 'handle', 'verify'])
    expect(detail.remainingWorkMinutes).toEqual(expect.any(Number))
    expect(detail.presence.map((p) => [p.role, p.inspectorId, p.name])).toEqual([['reporter', walk.info.id, walk.info.name], ['verifier', walk.info.id, walk.info.name]])
    for (const check of detail.presence) {
      expect(Math.abs(check.nearestMetres! - 12), check.role).toBeLessThan(0.5)
      expect(check.track).toEqual(walk.fixes.filter(([, , t]) => Math.abs(t - check.at) <= 10 * 60_000))
    }
    expect(detail.presence[1].at).toBe(walk.fixes[20][2])
  })

  it('has no presence for a citizen report, and 404s an unknown case', async () => {
    const [lng, lat] = walk.casePoint
    const citizen = reportCase(server.wall.district, { categoryCode: 'E0101', source: 'citizen', lng, lat, description: '垃圾', actor: '市民' })
    expect((await json<CaseDetail>(`/api/cases/${citizen.id}`)).presence).toEqual([])
    expect((await get('/api/cases/nope')).status).toBe(404)
  })

  it("answers an inspector's day: live marker, distance, reports, checks and status periods", async () => {
    const detail = await json<InspectorDetail>(`/api/inspectors/${walk.info.id}`)
    const last = walk.fixes.at(-1)!
    expect(detail.info).toEqual(walk.info)
    expect(detail.live).toMatchObject({ id: walk.info.id, lng: last[0], lat: last[1], fixAt: last[2] })
    expect(detail.gridName).toBe(server.wall.district.tree.get(walk.info.gridCode)!.name)
    expect(detail.todayDistanceM).toBeGreaterThan(395)
    expect(detail.todayDistanceM).toBeLessThan(405)
    expect(detail).toMatchObject({ reportsToday: 1, verificationsToday: 1 })
    const periods = detail.statusHistory
    const now = server.wall.district.clock.now()
    expect(periods[0]).toEqual({ status: 'offline', from: cstDayStart(now), to: walk.fixes[0][2] })
    expect(periods[1]).toMatchObject({ status: 'online', from: walk.fixes[0][2] })
    expect(periods.at(-1)!.to).toBeGreaterThan(last[2])
  })

  it('refuses an inspector without the wall token, and 404s an unknown one naming id', async () => {
    expect((await get(`/api/inspectors/${walk.info.id}`, null)).status).toBe(401)
    for (const id of ['99999', 'abc']) {
      const response = await get(`/api/inspectors/${id}`)
      expect(response.status).toBe(404)
      expect(await errorOf(response)).toMatchObject({ code: 'inspector_not_found', field: 'id' })
    }
  })

  it("replays an inspector's track, down-sampled to its ends and its turn, with the events of their cases", async () => {
    const from = walk.fixes[0][2], to = walk.fixes.at(-1)![2]
    const replay = await json<ReplayData>(`/api/inspectors/${walk.info.id}/track?from=${from}&to=${new Date(to).toISOString()}`)
    expect(replay).toMatchObject({ from, to })
    expect(replay.tracks).toEqual([{ inspectorId: walk.info.id, points: [walk.fixes[0], walk.fixes[walk.corner], walk.fixes.at(-1)] }])
    expect(replay.events.map((e) => e.action)).toEqual(['report', 'accept', 'file', 'dispatch', 'handle', 'verify'])
    expect(replay.events[0]).toMatchObject({ caseId, step: 'reported', lng: walk.casePoint[0], lat: walk.casePoint[1], categoryCode: 'E0101' })
  })

  it("replays today by default, and an area's inspectors for a grid or any area above it", async () => {
    const mine = await json<ReplayData>(`/api/inspectors/${walk.info.id}/track`)
    expect(mine.from).toBe(cstDayStart(mine.to))
    expect(mine.tracks[0].points.at(-1)).toEqual(walk.fixes.at(-1))
    const grid = server.wall.district.tree.get(walk.info.gridCode)!
    for (const code of [grid.code, grid.parentCode!]) {
      const area = await json<ReplayData>(`/api/grids/${code}/track`)
      expect(area.tracks.find((t) => t.inspectorId === walk.info.id)!.points.at(-1)).toEqual(walk.fixes.at(-1))
      expect(area.events.filter((e) => e.caseId === caseId)).toHaveLength(6)
      expect(area.events.every((e, i) => i === 0 || e.at >= area.events[i - 1].at)).toBe(true)
    }
  })

  it('refuses bad ranges naming the parameter, and unknown areas', async () => {
    const base = `/api/inspectors/${walk.info.id}/track`
    const now = server.wall.district.clock.now()
    const cases: [string, string][] = [
      [`${base}?from=yesterday`, 'from'],
      [`${base}?from=${now - 49 * 3600_000}&to=${now}`, 'to'],
      [`${base}?from=${now}&to=${now - 1000}`, 'to'],
      [`/api/grids/${walk.info.gridCode}/track?to=soon`, 'to'],
    ]
    for (const [path, field] of cases) {
      const response = await get(path)
      expect(response.status, path).toBe(400)
      expect((await errorOf(response)).field, path).toBe(field)
    }
    const unknown = await get('/api/grids/000/track')
    expect(unknown.status).toBe(404)
    expect(await errorOf(unknown)).toMatchObject({ code: 'area_not_found', field: 'code' })
    expect((await get(`/api/grids/${walk.info.gridCode}/track`, null)).status).toBe(401)
  })
})
