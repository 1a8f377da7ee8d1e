// The 党员领办 loop over real HTTP against the real server and its SQLite file: projects raised from an
// escalated case and on a branch's own initiative, walked 支部派单 → 党员领办 (领办 / 议 / 定) → 组团兑现
// → 群众评议 by the roles that may; every refusal (401, 403, 409, 400) leaves the party tables exactly
// as they were; a restart on the same data dir keeps every project and its history, and the history
// replays to the step the project is at.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProjectAction, ProjectDetail, ProjectStep, ProjectSummary } from '../../../server/contract/party'
import { PROJECT_LOOP } from '../../../server/contract/party'
import type { AccessConfig } from '../../../server/http/access'
import { reportCase } from '../../../server/ingest/case-ingest'
import { nextProjectStep } from '../../../server/party/project-workflow'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openPartyTables } from './party-tables'

const access: AccessConfig = {
  wallToken: 'wall-secret',
  integrationKeys: [],
  operators: [
    { token: 'party-token', role: 'party', name: '林书记' },
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'disp-token', role: 'dispatch', name: '李派遣' },
    { token: 'dept-token', role: 'department', name: '区住建局' },
  ],
}
const DAY = 86_400_000

describe('the 党员领办 project loop over HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-party-loop-'))
  let server: TestServer
  let tables: ReturnType<typeof openPartyTables>
  /** A 小区党支部 and a 网格党总支 of the demo district, and a 社区大党委 (which may not hand out projects). */
  let branch: { code: string; name: string; areaCode: string }
  let generalBranch: { code: string; areaCode: string }
  let committeeCode: string
  const created: string[] = []

  const start = async () => {
    server = await startTestServer({ simulator: false, dataDir, access })
    tables = openPartyTables(dataDir)
  }
  const stop = async () => {
    tables?.close()
    await server?.stop()
  }
  const post = (route: string, token: string | null, body: unknown, raw?: string) => fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  })
  const get = async <T>(route: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${server.url}${route}`, { headers: { authorization: 'Bearer wall-secret' } })
    return { status: res.status, body: await res.json() as T }
  }
  const act = (id: string, token: string, body: unknown, raw?: string) => post(`/api/party/projects/${id}/actions`, token, body, raw)
  const deadline = () => new Date(server.wall.district.clock.now() + 30 * DAY).toISOString()
  /** A refused write: the status, the error's field (or code), and the party tables unchanged. */
  const refused = async (write: () => Promise<Response>, status: number, field?: string) => {
    const before = tables.read()
    const res = await write()
    const body = await res.json() as { error: { code: string; field?: string; message: string; currentStep?: ProjectStep } }
    expect(res.status, body.error?.message).toBe(status)
    if (field) expect(body.error.field).toBe(field)
    expect(tables.read()).toEqual(before)
    return body.error
  }

  beforeAll(async () => {
    await start()
    const orgs = server.wall.party.service.orgs()
    const estate = orgs.find((o) => o.level === 'estateBranch')!
    branch = { code: estate.code, name: estate.name, areaCode: estate.areaCode }
    const general = orgs.find((o) => o.level === 'gridGeneralBranch' && o.areaCode !== estate.areaCode)!
    generalBranch = { code: general.code, areaCode: general.areaCode }
    committeeCode = orgs.find((o) => o.level === 'communityCommittee')!.code
  })

  afterAll(async () => {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('raises a project on the branch’s own initiative (支部派单 by the 党建办)', async () => {
    const res = await post('/api/party/projects', 'party-token', {
      title: '老旧小区加装电梯议事', description: '3号楼住户提出加装电梯', branchCode: branch.code, deadlineAt: deadline(), note: '说事会提出',
    })
    expect(res.status).toBe(201)
    const p = await res.json() as ProjectDetail
    created.push(p.id)
    expect(p.id).toMatch(/^XM\d{8}\d{3}$/)
    expect(p).toMatchObject({
      origin: 'own', caseId: null, branchCode: branch.code, branchName: branch.name, gridCode: branch.areaCode,
      step: 'assigned', leadMembers: [], rating: null, overdue: false, allowedActions: ['claim'],
    })
    expect(p.history).toEqual([{ projectId: p.id, step: 'assigned', action: 'assign', at: p.createdAt, actor: '林书记（党建办）', note: '说事会提出' }])
    expect(p.shuoshi).toEqual({ ask: p.createdAt, discuss: null, decide: null, do: null, rate: null })
    expect(tables.projectRows()).toBe(1)
  })

  it('raises a project from an escalated case (the supervision centre hands a case too big for one grid to the branch)', async () => {
    const grid = server.wall.district.tree.get(generalBranch.areaCode)!
    const record = reportCase(server.wall.district, { categoryCode: 'E0101', source: 'hotline', lng: grid.center[0], lat: grid.center[1], description: '小区内长期积存垃圾', actor: '12345' })
    const res = await post('/api/party/projects', 'sup-token', {
      title: '积存垃圾清理与分类点建设', branchCode: generalBranch.code, caseId: record.id,
      deadlineAt: server.wall.district.clock.now() + 10 * DAY,
    })
    expect(res.status).toBe(201)
    const p = await res.json() as ProjectDetail
    created.push(p.id)
    expect(p).toMatchObject({ origin: 'case', caseId: record.id, branchCode: generalBranch.code, gridCode: generalBranch.areaCode, step: 'assigned', description: '' })
    expect(p.history[0].actor).toBe('王监督（监督中心）')
    expect(p.id).not.toBe(created[0])
  })

  it('escalates a case once: a second project from the same case is a 409 naming caseId, storing nothing', async () => {
    const caseId = server.wall.party.service.projects.get(created[1])!.caseId!
    const e = await refused(() => post('/api/party/projects', 'party-token', { title: '重复升级', branchCode: branch.code, caseId, deadlineAt: deadline() }), 409, 'caseId')
    expect(e).toMatchObject({ code: 'case_already_escalated' })
    expect(e.message).toContain(created[1])
  })

  it('walks 党员领办 → 议 → 定 → 组团兑现 → 群众评议 with the roles that may, ending with the residents’ rating', async () => {
    const id = created[0]
    const loop: [string, ProjectAction, ProjectStep, Record<string, unknown>?][] = [
      ['party-token', 'claim', 'claimed', { leadMembers: [' 陈明华 ', '林秀琴'] }],
      ['party-token', 'discuss', 'discussed', { note: '说事会：住户12户同意' }],
      ['party-token', 'decide', 'decided'],
      ['dept-token', 'deliver', 'delivered', { note: '电梯已安装验收' }],
      ['sup-token', 'rate', 'rated', { rating: 'basicallySatisfied', note: '回访12户' }],
    ]
    for (const [token, action, step, extra] of loop) {
      const res = await act(id, token, { action, ...extra })
      expect(res.status, action).toBe(200)
      const p = await res.json() as ProjectDetail
      expect(p.step, action).toBe(step)
      expect(p.history.at(-1)).toMatchObject({ action, step })
    }
    const { status, body: p } = await get<ProjectDetail>(`/api/party/projects/${id}`)
    expect(status).toBe(200)
    expect(p).toMatchObject({ step: 'rated', rating: 'basicallySatisfied', leadMembers: ['陈明华', '林秀琴'], allowedActions: [], overdue: false })
    expect(p.history.map((t) => [t.action, t.step])).toEqual([
      ['assign', 'assigned'], ['claim', 'claimed'], ['discuss', 'discussed'], ['decide', 'decided'], ['deliver', 'delivered'], ['rate', 'rated'],
    ])
    expect(p.history.map((t) => t.actor)).toEqual(['林书记（党建办）', '林书记（党建办）', '林书记（党建办）', '林书记（党建办）', '区住建局（专业部门）', '王监督（监督中心）'])
    expect(p.history[2].note).toBe('说事会：住户12户同意')
    // 问议定办评: each stage stamped when the step that completes it was entered.
    const at = (step: ProjectStep) => p.history.find((t) => t.step === step)!.at
    expect(p.shuoshi).toEqual({ ask: at('assigned'), discuss: at('discussed'), decide: at('decided'), do: at('delivered'), rate: at('rated') })
    // The stored row and its six history lines.
    expect(tables.project(id)).toMatchObject({ step: 'rated', rating: 'basicallySatisfied', lead_members: '["陈明华","林秀琴"]' })
    expect(tables.transitions(id).map((t) => t.action)).toEqual(['assign', 'claim', 'discuss', 'decide', 'deliver', 'rate'])
  })

  it('shows the projects in the list and the board’s summary (办结率, 群众满意率 with the 0.8 of 基本满意)', async () => {
    const list = await get<ProjectSummary[]>('/api/party/projects')
    expect(list.body.map((p) => p.id).sort()).toEqual([...created].sort())
    const rated = await get<ProjectSummary[]>('/api/party/projects?step=rated')
    expect(rated.body.map((p) => p.id)).toEqual([created[0]])
    const summary = await get<{ projectsByStep: Record<ProjectStep, number>; closureRate: unknown; satisfactionRate: unknown }>('/api/party/summary')
    expect(summary.body.projectsByStep).toMatchObject({ assigned: 1, rated: 1 })
    // 办结率: 1 rated / (1 rated + 0 overdue unrated); 满意率: 0.8 (基本满意) / 1 rated.
    expect(summary.body.closureRate).toEqual({ numerator: 1, denominator: 1 })
    expect(summary.body.satisfactionRate).toEqual({ numerator: 0.8, denominator: 1 })
  })

  it('answers 401 without an operator token and 403 to a role that may not, storing nothing', async () => {
    const body = { title: '无权派单', branchCode: branch.code, deadlineAt: deadline() }
    expect((await refused(() => post('/api/party/projects', null, body), 401)).code).toBe('operator_token_required')
    expect((await refused(() => post('/api/party/projects', 'wall-secret', body), 401)).code).toBe('operator_token_required')
    const e = await refused(() => post('/api/party/projects', 'disp-token', body), 403)
    expect(e.code).toBe('role_not_allowed')
    expect(e.message).toContain('party or supervision')
    await refused(() => post('/api/party/projects', 'dept-token', body), 403)
    const id = created[1]
    await refused(() => act(id, 'dept-token', { action: 'claim', leadMembers: ['张三'] }), 403)
    await refused(() => act(id, 'sup-token', { action: 'claim', leadMembers: ['张三'] }), 403)
    await refused(() => act(id, 'disp-token', { action: 'claim', leadMembers: ['张三'] }), 403)
    // Rating is the residents' (taken by the supervision centre's 回访), not the branch's own.
    expect((await refused(() => act(id, 'party-token', { action: 'rate', rating: 'satisfied' }), 403)).message).toContain('only supervision')
  })

  it('answers 409 with the current step to an action out of order, storing nothing', async () => {
    const id = created[1]   // assigned
    for (const action of ['discuss', 'decide'] as const) {
      const e = await refused(() => act(id, 'party-token', { action }), 409)
      expect(e).toMatchObject({ code: 'illegal_transition', currentStep: 'assigned' })
    }
    expect((await refused(() => act(id, 'dept-token', { action: 'deliver' }), 409)).currentStep).toBe('assigned')
    expect((await refused(() => act(id, 'sup-token', { action: 'rate', rating: 'satisfied' }), 409)).currentStep).toBe('assigned')
    // A closed project takes no more actions: not rated twice, not claimed again.
    expect((await refused(() => act(created[0], 'sup-token', { action: 'rate', rating: 'dissatisfied' }), 409)).currentStep).toBe('rated')
    expect((await refused(() => act(created[0], 'party-token', { action: 'claim', leadMembers: ['张三'] }), 409)).currentStep).toBe('rated')
    // One step on, the step before is out of order too.
    expect((await act(id, 'party-token', { action: 'claim', leadMembers: ['郑志明'] })).status).toBe(200)
    expect((await refused(() => act(id, 'party-token', { action: 'claim', leadMembers: ['郑志明'] }), 409)).currentStep).toBe('claimed')
  })

  it('answers 400 naming the field to a bad body, storing nothing', async () => {
    const good = { title: '楼道照明改造', branchCode: branch.code, deadlineAt: deadline() }
    const create = (body: unknown, raw?: string) => () => post('/api/party/projects', 'party-token', body, raw)
    await refused(create({ ...good, title: undefined }), 400, 'title')
    await refused(create({ ...good, title: '   ' }), 400, 'title')
    await refused(create({ ...good, title: 42 }), 400, 'title')
    await refused(create({ ...good, title: '长'.repeat(81) }), 400, 'title')
    await refused(create({ ...good, branchCode: undefined }), 400, 'branchCode')
    await refused(create({ ...good, deadlineAt: undefined }), 400, 'deadlineAt')
    await refused(create({ ...good, deadlineAt: '2026-12-31' }), 400, 'deadlineAt')            // no time, no offset
    await refused(create({ ...good, deadlineAt: server.wall.district.clock.now() - DAY }), 400, 'deadlineAt')
    await refused(create({ ...good, description: ['x'] }), 400, 'description')
    await refused(create({ ...good, note: 'n'.repeat(501) }), 400, 'note')
    await refused(create({ ...good, caseId: 7 }), 400, 'caseId')
    await refused(create([good]), 400, 'body')
    await refused(create(null, '{"title": "楼道'), 400, 'body')
    // A 大党委 does not hand out projects; an unknown branch or case is a 404 naming it.
    expect((await refused(create({ ...good, branchCode: committeeCode }), 400, 'branchCode')).message).toContain('网格党总支')
    await refused(create({ ...good, branchCode: 'NO-SUCH-BRANCH' }), 404, 'branchCode')
    await refused(create({ ...good, caseId: 'AJ20990101999' }), 404, 'caseId')

    const id = created[1]   // claimed
    await refused(() => act(id, 'party-token', {}), 400, 'action')
    await refused(() => act(id, 'party-token', { action: 'approve' }), 400, 'action')
    await refused(() => act(id, 'party-token', { action: 'discuss', leadMembers: ['张三'] }), 400, 'leadMembers')
    await refused(() => act(id, 'party-token', { action: 'discuss', rating: 'satisfied' }), 400, 'rating')
    await refused(() => act(id, 'party-token', { action: 'discuss', note: 5 }), 400, 'note')
    await refused(() => act(created[0], 'sup-token', { action: 'rate' }), 400, 'rating')
    await refused(() => act(created[0], 'sup-token', { action: 'rate', rating: 'great' }), 400, 'rating')
    await refused(() => act(created[0], 'party-token', { action: 'claim' }), 400, 'leadMembers')
    await refused(() => act(created[0], 'party-token', { action: 'claim', leadMembers: [] }), 400, 'leadMembers')
    await refused(() => act(created[0], 'party-token', { action: 'claim', leadMembers: Array.from({ length: 11 }, (_, i) => `党员${i}`) }), 400, 'leadMembers')
    await refused(() => act(created[0], 'party-token', { action: 'claim', leadMembers: [''] }), 400, 'leadMembers')
    await refused(() => act(id, 'party-token', null, 'not json'), 400, 'body')
    // An unknown project, with a good body, is a 404 naming the id.
    await refused(() => act('XM20990101001', 'party-token', { action: 'discuss' }), 404, 'id')
    expect((await get<unknown>('/api/party/projects/XM20990101001')).status).toBe(404)
    expect((await get<unknown>('/api/party/projects?step=done')).status).toBe(400)
  })

  it('keeps every project and its history through a restart on the same data dir, and numbers the next one after them', async () => {
    const before = await Promise.all(created.map(async (id) => (await get<ProjectDetail>(`/api/party/projects/${id}`)).body))
    const storedBefore = tables.read()
    await stop()
    await start()
    expect(tables.read()).toEqual(storedBefore)
    for (const p of before) {
      const after = await get<ProjectDetail>(`/api/party/projects/${p.id}`)
      expect(after.status).toBe(200)
      expect(after.body).toEqual({ ...p, overdue: after.body.overdue })
    }
    // The demo's organisations are not generated again over the stored ones.
    expect(server.wall.party.service.org(branch.code)?.name).toBe(branch.name)
    // The loop goes on where it was, and a new project never takes a stored number.
    expect((await act(created[1], 'party-token', { action: 'discuss' })).status).toBe(200)
    const res = await post('/api/party/projects', 'party-token', { title: '重启后新派单', branchCode: branch.code, deadlineAt: deadline() })
    expect(res.status).toBe(201)
    const fresh = await res.json() as ProjectDetail
    expect(created).not.toContain(fresh.id)
    created.push(fresh.id)
  })

  it('replays each project’s history to the step it is at, in time order, along the loop', async () => {
    for (const id of created) {
      const { body: p } = await get<ProjectDetail>(`/api/party/projects/${id}`)
      const [first, ...rest] = p.history
      expect(first).toMatchObject({ action: 'assign', step: 'assigned', at: p.createdAt })
      let step: ProjectStep = 'assigned'
      for (const t of rest) {
        step = nextProjectStep(step, t.action as ProjectAction)
        expect(t.step).toBe(step)
      }
      expect(step).toBe(p.step)
      expect(p.stepAt).toBe(p.history.at(-1)!.at)
      expect(p.history.map((t) => t.at)).toEqual([...p.history.map((t) => t.at)].sort((a, b) => a - b))
      expect(PROJECT_LOOP.slice(0, p.history.length)).toEqual(p.history.map((t) => t.step))
      expect(tables.transitions(id).map((t) => t.step)).toEqual(p.history.map((t) => t.step))
    }
  })
})
