// Nothing acknowledged is lost: the server as a child process takes positions and case actions,
// is killed with SIGKILL, restarts on the same store, and shows the same picture. Both stores: the
// embedded SQLite file (DATA_DIR) and PostgreSQL (DATABASE_URL, a real PostgreSQL 15 + PostGIS),
// where the answers wait for the batched commit and the restarted node takes the dead one's lease.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { killHard, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { startPostgres, type Postgres } from '../helpers/start-postgres'

const KEY = 'crash-key'
const env = (dataDir: string, databaseUrl: string | null) => ({
  DATA_DIR: dataDir, SIMULATOR: 'off', INTEGRATION_KEYS: KEY, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  OPERATOR_TOKENS: 'sup-token:supervision:监督中心张三,dis-token:dispatch:指挥中心李四,dep-token:department:区环卫中心',
})

/** What must survive: everything but the clock, and trails (history is kept down-sampled). */
function durable(s: WallSnapshot) {
  return {
    areas: s.areas, profiles: s.profiles, inspectorInfos: s.inspectorInfos,
    inspectors: s.inspectors.map(({ trail: _trail, status: _status, ...marker }) => marker),
    cases: s.cases, feed: s.feed,
    stats: { funnel: s.stats.funnel, openByStep: s.stats.openByStep, kpis: s.stats.kpis, daily: s.stats.daily },
  }
}

describe.each(['sqlite', 'postgres'] as const)('a crash and a restart (%s)', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-crash-'))
  let server: ServerProcess | undefined
  let postgres: Postgres | undefined
  let databaseUrl: string | null = null

  beforeAll(async () => {
    if (kind === 'postgres') databaseUrl = (postgres = await startPostgres()).url
  }, 60_000)

  afterAll(async () => {
    if (server && server.child.exitCode == null) await killHard(server)
    await postgres?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged position and case action', { timeout: 120_000 }, async () => {
    server = await startServerProcess(env(dataDir, databaseUrl))
    const snapshot = async () => (await (await fetch(`${server!.url}/api/snapshot`)).json()) as WallSnapshot
    const [a, b] = (await snapshot()).inspectorInfos
    const [x, y] = (await snapshot()).areas.filter((g) => g.level === 'grid')[0].center
    const t = Math.floor(Date.now() / 1000) - 30

    // Acknowledged positions: a phone, a Traccar JSON body, a batch.
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${a.deviceId}&lat=${y}&lon=${x}&timestamp=${t}&bearing=30`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/ingest/osmand`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ device_id: b.deviceId, location: { timestamp: new Date(t * 1000).toISOString(), coords: { latitude: y + 0.001, longitude: x, heading: 200 } } }),
    })).status).toBe(200)
    expect((await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions: [{ deviceId: a.deviceId, lat: y + 0.0005, lng: x + 0.0005, at: (t + 5) * 1000, heading: 90 }] }),
    })).status).toBe(200)

    // An acknowledged citizen report, moved three steps round the loop by operators.
    const report = await fetch(`${server.url}/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${y}&long=${x}&description=${encodeURIComponent('路边堆放垃圾')}`,
    })
    expect(report.status).toBe(200)
    const [{ service_request_id: caseId }] = await report.json() as { service_request_id: string }[]
    for (const [token, action, extra] of [['sup-token', 'accept', {}], ['sup-token', 'file', {}], ['dis-token', 'dispatch', { department: '区环卫中心' }]] as const) {
      const response = await fetch(`${server.url}/api/cases/${caseId}/actions`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, ...extra }),
      })
      expect(response.status, action).toBe(200)
    }

    const before = await snapshot()
    expect(before.cases.find((c) => c.id === caseId)).toMatchObject({ step: 'dispatched', department: '区环卫中心' })
    await killHard(server)

    server = await startServerProcess(env(dataDir, databaseUrl))
    const after = await snapshot()
    expect(durable(after)).toEqual(durable(before))
    const history = await (await fetch(`${server.url}/api/cases/${caseId}`)).json() as { history: { action: string; actor: string }[] }
    expect(history.history.map((h) => h.action)).toEqual(['report', 'accept', 'file', 'dispatch'])
  })
})
