// A fix older than the history kept was stored only to be pruned, and every distinct day of such
// fixes created a day table first: a batch of 10,000 fixes on 10,000 past days made 10,000 tables.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../../server/domain/china-time'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'positions-key'

describe('fixes older than the history kept', () => {
  let server: TestServer
  let dataDir: string
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-expired-'))
    server = await startTestServer({ simulator: false, dataDir, positionRetentionDays: 30, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
  })
  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('are refused by index, naming the time field, and create no day table', async () => {
    const district = server.wall.district
    const inspector = district.inspectors.allInfos()[0]
    const [lng, lat] = district.tree.get(inspector.gridCode)!.center
    const now = district.clock.now()
    const positions = [40, 400, 4000].map((days) => ({ inspectorId: inspector.id, lng, lat, at: now - days * DAY_MS }))
      .concat([{ inspectorId: inspector.id, lng, lat, at: now - 2 * DAY_MS }])
    const response = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions }),
    })
    expect(response.status).toBe(200)
    const body = await response.json() as { accepted: number; rejected: { index: number; field: string; message: string }[] }
    expect(body.accepted).toBe(1)
    expect(body.rejected.map((r) => [r.index, r.field])).toEqual([[0, 'at'], [1, 'at'], [2, 'at']])
    expect(body.rejected[0].message).toContain('older than the 30 days of history kept')
    const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true })
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name GLOB 'positions_[0-9]*'").pluck().all()
    db.close()
    expect(tables).toHaveLength(1)
  })
})
