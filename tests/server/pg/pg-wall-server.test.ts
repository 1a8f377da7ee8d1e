// The whole server on PostgreSQL (DATABASE_URL, a real PostgreSQL 15 + PostGIS), the demo district
// and its simulators running: the same requests as on SQLite, read paths that go to the store
// (Open311 requests and updates, a case's detail with its tracks, an inspector's day, a community's
// board, 综合评价), and every acknowledged write found committed in PostgreSQL the moment its answer
// arrives, then again after a restart of the node.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import type { AccessConfig } from '../../../server/http/access'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'pg-key'
const access: AccessConfig = {
  wallToken: null,
  integrationKeys: [KEY],
  operators: [
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'party-token', role: 'party', name: '林书记' },
  ],
  open311PublicWrites: false,
}
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe('the server on PostgreSQL', () => {
  let postgres: Postgres
  let server: TestServer
  let db: pg.Client
  let caseId = ''

  beforeAll(async () => {
    postgres = await startPostgres()
    server = await startTestServer({ databaseUrl: postgres.url, access })
    // A fresh demo replays a week into the store: one commit of seconds, which every answer would wait for.
    await server.wall.store.flush()
    db = new pg.Client({ connectionString: postgres.url })
    await db.connect()
  }, 120_000)

  afterAll(async () => {
    await db?.end()
    await server?.stop()
    await postgres?.stop()
  })

  const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
  const json = async <T>(route: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${server.url}${route}`, init)
    return { status: res.status, body: await res.json() as T }
  }

  it('leads, and says so with its store in /api/health', { timeout: 30_000 }, async () => {
    const { status, body } = await json<{ role: string; store: { kind: string; reachable: boolean } }>('/api/health')
    expect(status).toBe(200)
    expect(body).toMatchObject({ role: 'leader', store: { kind: 'postgres', reachable: true } })
    const { rows } = await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted")
    expect(rows[0].n).toBe(1)
  })

  it('has the demo district in PostgreSQL: its grids, inspectors and a week of cases', async () => {
    const snap = await snapshot()
    const counts = await db.query<{ grids: number; inspectors: number; cases: number }>(`SELECT
      (SELECT COUNT(*)::int FROM areas WHERE level = 'grid') AS grids, (SELECT COUNT(*)::int FROM inspectors) AS inspectors,
      (SELECT COUNT(*)::int FROM cases) AS cases`)
    expect(counts.rows[0].grids).toBe(snap.areas.filter((a) => a.level === 'grid').length)
    expect(counts.rows[0].inspectors).toBe(snap.inspectorInfos.length)
    expect(counts.rows[0].cases).toBeGreaterThan(100)
  })

  it('answers an Open311 report only once it is committed, and finds it again from the store', async () => {
    const grid = (await snapshot()).areas.find((a) => a.level === 'grid')!
    const [lng, lat] = grid.center
    const { status, body } = await json<{ service_request_id: string }[]>(`/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: FORM, body: `service_code=E0101&lat=${lat}&long=${lng}&description=${encodeURIComponent('楼道堆放杂物')}&phone=13800138000`,
    })
    expect(status).toBe(200)
    caseId = body[0].service_request_id
    // Read at once, on another connection: the answer came after the commit, not before.
    const stored = await db.query('SELECT step, description FROM cases WHERE id = $1', [caseId])
    expect(stored.rows).toEqual([{ step: 'reported', description: '楼道堆放杂物' }])
    expect((await db.query('SELECT phone FROM case_reporters WHERE case_id = $1', [caseId])).rows).toEqual([{ phone: '13800138000' }])
    const found = await json<{ service_request_id: string; status: string }[]>(`/open311/v2/requests/${caseId}.json?api_key=${KEY}`)
    expect(found.body[0]).toMatchObject({ service_request_id: caseId, status: 'open' })
  })

  it('adds a citizen comment once per update_id, and lists it among the updates', async () => {
    const post = () => json<{ update_id: string }[]>(`/open311/v2/servicerequestupdates.json`, {
      method: 'POST', headers: FORM,
      body: `api_key=${KEY}&service_request_id=${caseId}&update_id=fms-77&status=OPEN&updated_datetime=${encodeURIComponent(new Date().toISOString())}&description=${encodeURIComponent('还没有清理')}`,
    })
    // Twice at once: the second must not add a line (nor fail on the unique pair).
    const [first, second] = await Promise.all([post(), post()])
    expect(first.status).toBe(200)
    expect(second.body[0].update_id).toBe(first.body[0].update_id)
    const lines = await db.query<{ action: string }>('SELECT action FROM case_transitions WHERE case_id = $1 ORDER BY seq', [caseId])
    expect(lines.rows.map((r) => r.action)).toEqual(['report', 'comment'])
    const now = server.wall.district.clock.now()
    const updates = await json<{ service_request_id: string }[]>(
      `/open311/v2/servicerequestupdates.json?api_key=${KEY}&start_date=${encodeURIComponent(new Date(now - 3600_000).toISOString())}&end_date=${encodeURIComponent(new Date(now + 60_000).toISOString())}`)
    expect(updates.status).toBe(200)
    expect(updates.body.some((u) => u.service_request_id === caseId)).toBe(true)
  })

  it('acts on a case and shows its detail, with the masked reporter and the contact for the call-back', async () => {
    const acted = await json<{ step: string }>(`/api/cases/${caseId}/actions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sup-token' }, body: JSON.stringify({ action: 'accept' }),
    })
    expect(acted).toMatchObject({ status: 200, body: { step: 'accepted' } })
    expect((await db.query('SELECT step FROM cases WHERE id = $1', [caseId])).rows).toEqual([{ step: 'accepted' }])
    const detail = await json<{ history: unknown[]; reporter: { phone: string } | null }>(`/api/cases/${caseId}`)
    expect(detail.body.history).toHaveLength(3)
    expect(detail.body.reporter?.phone).toMatch(/^138\*+8000$/)
    const contact = await json<{ phone: string }>(`/api/cases/${caseId}/reporter`, { headers: { authorization: 'Bearer sup-token' } })
    expect(contact.body.phone).toBe('13800138000')
  })

  it('reads an inspector\'s day and a case\'s proof of presence from the position history', async () => {
    // Positions from a phone, acknowledged, then a case reported by its inspector on the spot.
    const snap = await snapshot()
    const info = snap.inspectorInfos[0]
    const [lng, lat] = snap.areas.find((a) => a.code === info.gridCode)!.center
    const now = server.wall.district.clock.now()
    const positions = [0, 1, 2, 3].map((i) => ({ deviceId: info.deviceId, lng: lng + i * 0.0002, lat, at: now - (4 - i) * 30_000 }))
    const ingest = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ positions }),
    })
    expect(ingest.status).toBe(200)
    const stored = await db.query('SELECT COUNT(*)::int AS n FROM positions WHERE inspector_id = $1 AND at >= $2', [info.id, positions[0].at])
    expect(stored.rows[0].n).toBeGreaterThan(0)
    const inspector = await json<{ todayDistanceM: number; statusHistory: unknown[] }>(`/api/inspectors/${info.id}`)
    expect(inspector.status).toBe(200)
    expect(inspector.body.statusHistory.length).toBeGreaterThan(0)
    const record = server.wall.district.cases.report({
      categoryCode: 'E0101', source: 'inspector', gridCode: info.gridCode, lng, lat, description: '巡查上报', reporterId: info.id, at: now, actor: info.name,
    })
    const detail = await json<{ presence: { role: string; track: unknown[]; nearestMetres: number }[] }>(`/api/cases/${record.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.presence[0]).toMatchObject({ role: 'reporter' })
    expect(detail.body.presence[0].track.length).toBeGreaterThan(0)
    expect(detail.body.presence[0].nearestMetres).toBeLessThan(10)
  })

  it('builds a community board and 综合评价 from the stored readings and cases', async () => {
    const community = (await snapshot()).areas.find((a) => a.level === 'community')!
    const board = await json<{ communityCode: string; people: { in: number } }>(`/api/communities/${community.code}/board`)
    expect(board.status).toBe(200)
    expect(board.body.communityCode).toBe(community.code)
    const evaluation = await json<{ subjects?: unknown }>('/api/evaluation?period=month')
    expect(evaluation.status).toBe(200)
  })

  it('escalates the case to a 党员领办 project, once', async () => {
    const branch = server.wall.party.service.orgs().find((o) => o.level === 'gridGeneralBranch' || o.level === 'estateBranch')!
    const create = () => json<{ id: string }>('/api/party/projects', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer party-token' },
      body: JSON.stringify({ title: '楼道杂物清理', branchCode: branch.code, caseId, deadlineAt: new Date(server.wall.district.clock.now() + 7 * 86_400_000).toISOString() }),
    })
    const first = await create()
    expect(first.status).toBe(201)
    expect((await db.query('SELECT case_id FROM party_projects WHERE id = $1', [first.body.id])).rows).toEqual([{ case_id: caseId }])
    expect((await create()).status).toBe(409)
  })

  it('comes back after a restart with every acknowledged write', { timeout: 120_000 }, async () => {
    await server.stop()
    server = await startTestServer({ databaseUrl: postgres.url, access, simulator: false })
    const record = server.wall.district.cases.get(caseId)
    expect(record?.history.map((t) => t.action)).toEqual(['report', 'comment', 'accept'])
    expect([...server.wall.party.service.projects.all()].some((p) => p.caseId === caseId)).toBe(true)
    // The day's numbering goes on from the store: a new report takes the next 案卷号, not a used one.
    const grid = (await snapshot()).areas.find((a) => a.level === 'grid')!
    const { body } = await json<{ service_request_id: string }[]>(`/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: FORM, body: `service_code=E0101&lat=${grid.center[1]}&long=${grid.center[0]}&description=${encodeURIComponent('又有杂物')}`,
    })
    const ids = (await db.query<{ id: string }>('SELECT id FROM cases')).rows.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(body[0].service_request_id)
  })
})
