// The workflow API over real HTTP: operators of each role move a case round the loop; every
// refusal (bad token, wrong role, illegal step, bad body) leaves the case exactly as it was.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseAction, CaseStep } from '../../../server/contract/domain'
import type { AccessConfig } from '../../../server/http/access'
import { createWorkflowRouter } from '../../../server/http/workflow-router'
import { reportCase } from '../../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const access: AccessConfig = {
  wallToken: 'wall-secret',
  integrationKeys: [],
  operators: [
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'disp-token', role: 'dispatch', name: '李派遣' },
    { token: 'dept-token', role: 'department', name: '区环卫中心' },
  ],
}

describe('the workflow API', () => {
  let server: TestServer
  let http: ReturnType<express.Express['listen']>
  let base: string

  const newCase = () => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    return reportCase(server.wall.district, { categoryCode: 'E0101', source: 'hotline', lng, lat, description: '暴露垃圾', actor: '热线' })
  }
  const historyLength = (id: string) => server.wall.district.cases.get(id)!.history.length
  const act = (id: string, token: string, body: unknown, raw?: string) => fetch(`${base}/${id}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  })
  /** Moves a case by the given actions, each with the token of a role that may. */
  const advance = async (id: string, actions: CaseAction[]) => {
    const tokens: Partial<Record<CaseAction, string>> = { dispatch: 'disp-token', handle: 'dept-token' }
    for (const action of actions) {
      const extra = action === 'dispatch' ? { department: '区环卫中心' } : {}
      expect((await act(id, tokens[action] ?? 'sup-token', { action, ...extra })).status, action).toBe(200)
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ simulator: false })
    const app = express()
    app.use('/api/cases', createWorkflowRouter({ district: server.wall.district, access }))
    http = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => http.once('listening', resolve))
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/cases`
  })

  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve))
    await server?.stop()
  })

  it('takes a case round the whole loop with the right roles', async () => {
    const { id } = newCase()
    const loop: [string, CaseAction, CaseStep, Record<string, string>?][] = [
      ['sup-token', 'accept', 'accepted'],
      ['sup-token', 'file', 'filed'],
      ['disp-token', 'dispatch', 'dispatched', { department: '区环卫中心' }],
      ['dept-token', 'handle', 'handled', { note: '已清运', photoUrl: 'https://example.org/after.jpg' }],
      ['sup-token', 'verify', 'verified'],
      ['sup-token', 'close', 'closed'],
    ]
    for (const [token, action, step, extra] of loop) {
      const response = await act(id, token, { action, ...extra })
      expect(response.status, action).toBe(200)
      expect((await response.json()).step).toBe(step)
    }
    const view = await (await fetch(`${base}/${id}`, { headers: { authorization: 'Bearer wall-secret' } })).json()
    expect(view).toMatchObject({ id, step: 'closed', department: '区环卫中心', dueAt: null, allowedActions: [] })
    expect(view.history.map((t: { action: string }) => t.action)).toEqual(['report', ...loop.map(([, a]) => a)])
    expect(view.history[1].actor).toBe('王监督（监督中心）')
    expect(view.history[3].actor).toBe('李派遣（指挥中心）')
    expect(view.history[4].note).toBe('已清运；照片：https://example.org/after.jpg')
  })

  it('answers an illegal transition with 409 naming the current step, and changes nothing', async () => {
    const { id } = newCase()
    const response = await act(id, 'sup-token', { action: 'close' })
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({
      error: { code: 'illegal_transition', message: 'cannot close a case that is reported', currentStep: 'reported' },
    })
    expect(historyLength(id)).toBe(1)
  })

  it('refuses a wrong or missing operator token with 401', async () => {
    const { id } = newCase()
    const wrong = await act(id, 'nobody', { action: 'accept' })
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.code).toBe('operator_token_required')
    expect((await act(id, 'wall-secret', { action: 'accept' })).status).toBe(401)
    expect(historyLength(id)).toBe(1)
  })

  it('refuses a role that may not perform the action with 403', async () => {
    const { id } = newCase()
    await advance(id, ['accept', 'file', 'dispatch', 'handle'])
    const before = historyLength(id)
    const response = await act(id, 'dept-token', { action: 'verify' })
    expect(response.status).toBe(403)
    expect((await response.json()).error).toEqual({
      code: 'role_not_allowed', message: 'department 区环卫中心 cannot verify: only the supervision centre may',
    })
    const dispatcher = await act(id, 'disp-token', { action: 'verify' })
    expect((await dispatcher.json()).error.message).toMatch(/^dispatch centre 李派遣 cannot verify/)
    expect(historyLength(id)).toBe(before)
    expect(server.wall.district.cases.get(id)!.step).toBe('handled')
  })

  it('answers a bad body with 400 naming the field, and an unknown case with 404', async () => {
    const { id } = newCase()
    await advance(id, ['accept', 'file'])
    const cases: [unknown, string | null, string][] = [
      [{ action: 'dispatch' }, null, 'department'],
      [{ action: 'fly' }, null, 'action'],
      [{}, null, 'action'],
      [{ action: 'dispatch', department: '区环卫中心', note: 42 }, null, 'note'],
      [null, '{"action": "dispatch"', 'body'],
      [null, '"dispatch"', 'body'],
    ]
    for (const [body, raw, field] of cases) {
      const response = await act(id, 'disp-token', body, raw ?? undefined)
      expect(response.status, field).toBe(400)
      expect((await response.json()).error.field).toBe(field)
    }
    expect(historyLength(id)).toBe(3)
    const missing = await act('000000000000', 'sup-token', { action: 'accept' })
    expect(missing.status).toBe(404)
    expect((await missing.json()).error).toMatchObject({ code: 'case_not_found', field: 'id' })
  })

  it('reads a case with its history only with the wall token', async () => {
    const { id } = newCase()
    expect((await fetch(`${base}/${id}`)).status).toBe(401)
    const view = await (await fetch(`${base}/${id}?token=wall-secret`)).json()
    expect(view).toMatchObject({ id, step: 'reported', allowedActions: ['accept', 'cancel'] })
    expect(view.history).toHaveLength(1)
    expect((await fetch(`${base}/000000000000?token=wall-secret`)).status).toBe(404)
  })
})
