// 12345 and 综合评价 over real HTTP against the real server and its SQLite file: cases walked through
// the workflow API, the 12345 follow-ups recorded by the supervision centre (and refused to anyone
// else, or for a case that is not 12345's), the figures and scores read back, a drill listing the
// exact cases behind a score, and the follow-ups kept through a restart.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseAction } from '../../../server/contract/domain'
import type { EvaluationReport, HotlineFigures, HotlineFollowUp, IndicatorDrill, IndicatorDefinition } from '../../../server/contract/evaluation'
import type { AccessConfig } from '../../../server/http/access'
import { reportCase } from '../../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const access: AccessConfig = {
  wallToken: 'wall-secret',
  integrationKeys: [],
  operators: [
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'disp-token', role: 'dispatch', name: '李派遣' },
    { token: 'dept-token', role: 'department', name: '区环卫中心' },
    { token: 'party-token', role: 'party', name: '林书记' },
  ],
}
const TOKEN_OF: Partial<Record<CaseAction, string>> = { dispatch: 'disp-token', handle: 'dept-token' }

describe('12345 and 综合评价 over HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-evaluation-'))
  let server: TestServer
  const ids = { closed: '', open: '', cancelled: '', inspector: '' }

  const start = async () => { server = await startTestServer({ simulator: false, dataDir, access }) }
  const get = async <T>(route: string) => {
    const res = await fetch(`${server.url}${route}`, { headers: { authorization: 'Bearer wall-secret' } })
    return { status: res.status, body: await res.json() as T }
  }
  const post = (route: string, token: string, body: unknown) => fetch(`${server.url}${route}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  const newCase = (source: 'hotline' | 'inspector') => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    // Reported half an hour ago, so the call-backs recorded below (5 and 10 minutes after) lie in the past.
    const at = server.wall.district.clock.now() - 30 * 60_000
    return reportCase(server.wall.district, { categoryCode: 'E0101', source, lng, lat, description: '暴露垃圾', actor: source === 'hotline' ? '12345' : '王网格', at }).id
  }
  const walk = async (id: string, actions: CaseAction[]) => {
    for (const action of actions) {
      const res = await post(`/api/cases/${id}/actions`, TOKEN_OF[action] ?? 'sup-token', { action, ...(action === 'dispatch' ? { department: '区环卫中心' } : {}) })
      expect(res.status, action).toBe(200)
    }
  }
  const followUp = (id: string, token: string, body: unknown) => post(`/api/hotline/${id}/follow-up`, token, body)

  beforeAll(async () => {
    await start()
    ids.closed = newCase('hotline')
    await walk(ids.closed, ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'])
    ids.open = newCase('hotline')
    await walk(ids.open, ['accept', 'file'])
    ids.cancelled = newCase('hotline')
    await walk(ids.cancelled, ['cancel'])
    ids.inspector = newCase('inspector')
    await walk(ids.inspector, ['accept', 'file'])
  })

  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('records a 12345 follow-up for the supervision centre only, naming a bad field, and only for a 12345 case', async () => {
    const reported = (await server.wall.district.cases.find(ids.closed))!.reportedAt
    let res = await followUp(ids.closed, 'party-token', { resolved: true })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('role_not_allowed')
    for (const [body, field] of [
      [{ satisfaction: 'happy' }, 'satisfaction'], [{ resolved: 'yes' }, 'resolved'], [{ firstContactAt: 'soon' }, 'firstContactAt'],
      [{}, 'body'], [{ firstContactAt: reported - 60_000 }, 'firstContactAt'],
      // A call-back not made yet (here: a year ahead) would count as in time for ever.
      [{ firstContactAt: server.wall.district.clock.now() + 365 * 86_400_000 }, 'firstContactAt'],
    ] as const) {
      res = await followUp(ids.closed, 'sup-token', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await res.json()).error.field).toBe(field)
    }
    res = await followUp(ids.inspector, 'sup-token', { resolved: true })
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('not_a_hotline_case')
    expect((await followUp('AJ20990101999', 'sup-token', { resolved: true })).status).toBe(404)
    expect(server.wall.party.service.followUps().size).toBe(0)

    // Called back 10 minutes after the report; later the 回访: solved, 基本满意 (each answer keeps the others).
    res = await followUp(ids.closed, 'sup-token', { firstContactAt: new Date(reported + 10 * 60_000).toISOString() })
    expect(res.status).toBe(200)
    res = await followUp(ids.closed, 'sup-token', { resolved: true, satisfaction: 'basicallySatisfied' })
    expect(await res.json()).toMatchObject({ caseId: ids.closed, firstContactAt: reported + 10 * 60_000, resolved: true, satisfaction: 'basicallySatisfied' } satisfies Partial<HotlineFollowUp>)
    const openReported = (await server.wall.district.cases.find(ids.open))!.reportedAt
    expect((await followUp(ids.open, 'sup-token', { firstContactAt: openReported + 5 * 60_000 })).status).toBe(200)
  })

  it('gives the 12345 figures: 受理 2 (the cancelled one is not), 在办 1, 办结 1, and the three rates', async () => {
    const { status, body: f } = await get<HotlineFigures>('/api/hotline?period=today')
    expect(status).toBe(200)
    expect([f.received, f.inProgress, f.completed]).toEqual([2, 1, 1])
    // Both called back within 120 minutes (10 and 5 minutes after their reports); one closed and asked: solved, 基本满意 0.8.
    expect(f.firstContactRate).toEqual({ numerator: 2, denominator: 2 })
    expect(f.resolutionRate).toEqual({ numerator: 1, denominator: 1 })
    expect(f.satisfactionRate).toEqual({ numerator: 0.8, denominator: 1 })
    expect(f.recentCaseIds.sort()).toEqual([ids.closed, ids.open].sort())
    expect((await get<unknown>('/api/hotline?period=year')).status).toBe(400)
    expect((await get<unknown>('/api/hotline?area=nowhere')).status).toBe(400)
  })

  it('scores the cases and drills to the exact cases behind an indicator', async () => {
    const { status, body: report } = await get<EvaluationReport>('/api/evaluation?period=today')
    expect(status).toBe(200)
    const value = (id: string) => report.overall.indicators.find((i) => i.id === id)!
    // 有效上报率: filed 3 (closed, open, inspector's) / decided 4 (those and the cancelled one).
    expect(value('validReport')).toMatchObject({ numerator: 3, denominator: 4 })
    // 结案率: the one dispatched case is closed.
    expect(value('closure')).toMatchObject({ numerator: 1, denominator: 1 })
    expect(report.overall.caseCount).toBe(4)
    expect(report.rankings.department.entries.map((e) => e.id)).toEqual(['区环卫中心'])
    expect(report.rankings.acceptor.entries.map((e) => e.id)).toEqual(['王监督'])

    const drill = await get<IndicatorDrill>('/api/evaluation/drill?period=today&kind=overall&indicator=validReport')
    expect(drill.status).toBe(200)
    expect(drill.body.items[0].numeratorCaseIds.sort()).toEqual([ids.closed, ids.open, ids.inspector].sort())
    expect(drill.body.items[0].denominatorCaseIds.sort()).toEqual(Object.values(ids).sort())
    const dept = await get<IndicatorDrill>(`/api/evaluation/drill?period=today&kind=department&subject=${encodeURIComponent('区环卫中心')}`)
    expect(dept.body.items.map((i) => i.id)).toEqual(['onTimeHandle', 'closure', 'onTimeClosure', 'rework'])
    expect(dept.body.items.find((i) => i.id === 'closure')!.numeratorCaseIds).toEqual([ids.closed])

    const definitions = await get<IndicatorDefinition[]>('/api/evaluation/indicators')
    expect(definitions.body.map((d) => d.id)).toEqual(report.overall.indicators.map((i) => i.id))
  })

  it('answers 400 naming the field, and 404 for a subject not scored', async () => {
    for (const [query, field] of [
      ['period=week', 'period'], ['scope=nowhere', 'scope'], ['kind=city&subject=x', 'kind'], ['kind=grid', 'subject'], ['kind=overall&indicator=speed', 'indicator'],
    ]) {
      const res = await get<{ error: { field: string } }>(`/api/evaluation/drill?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.error.field).toBe(field)
    }
    const res = await get<{ error: { field: string } }>('/api/evaluation/drill?kind=grid&subject=nowhere')
    expect(res.status).toBe(404)
    expect(res.body.error.field).toBe('subject')
  })

  it('keeps the follow-ups through a restart, and the figures with them', async () => {
    const before = (await get<HotlineFigures>('/api/hotline?period=today')).body
    await server.stop()
    await start()
    expect(server.wall.party.service.followUps().get(ids.closed)).toMatchObject({ resolved: true, satisfaction: 'basicallySatisfied' })
    const after = (await get<HotlineFigures>('/api/hotline?period=today')).body
    expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 })
  })
})
