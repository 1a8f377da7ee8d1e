// When the store cannot write (here: another connection holds SQLite's write lock, as a second
// process or a full disk would make it fail), a case action or a report is refused with a 503, and
// memory, database and walls still agree: nothing happened.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessConfig } from '../../../server/http/access'
import { reportCase } from '../../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const access: AccessConfig = {
  wallToken: null,
  integrationKeys: [],
  open311PublicWrites: true,
  operators: [{ token: 'sup-token', role: 'supervision', name: '王监督' }],
}

describe('a store that cannot write', () => {
  let server: TestServer
  let locker: Database.Database
  let dataDir: string

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-store-failure-'))
    server = await startTestServer({ simulator: false, access, dataDir })
    locker = new Database(path.join(dataDir, 'wall.db'))
  })

  afterAll(async () => {
    locker?.close()
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const lockWrites = () => locker.prepare('BEGIN IMMEDIATE').run()
  const unlock = () => locker.prepare('ROLLBACK').run()
  const storedStep = (id: string) => (locker.prepare('SELECT step FROM cases WHERE id = ?').get(id) as { step: string } | undefined)?.step
  const storedTransitions = (id: string) => (locker.prepare('SELECT COUNT(*) AS n FROM case_transitions WHERE case_id = ?').get(id) as { n: number }).n

  it('answers a case action with 503, and memory and database keep the step it had', { timeout: 30_000 }, async () => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    const record = reportCase(server.wall.district, { categoryCode: 'E0101', source: 'hotline', lng, lat, description: '暴露垃圾', actor: '热线' })
    lockWrites()
    let response: Response
    try {
      response = await fetch(`${server.url}/api/cases/${record.id}/actions`, {
        method: 'POST', headers: { authorization: 'Bearer sup-token', 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'accept' }),
      })
    } finally {
      unlock()
    }
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body.error).toMatchObject({ code: 'store_unavailable' })
    expect(body.error.message).toMatch(/not saved|nothing was changed/)
    const inMemory = server.wall.district.cases.get(record.id)!
    expect(inMemory.step).toBe('reported')
    expect(inMemory.history).toHaveLength(1)
    expect(storedStep(record.id)).toBe('reported')
    expect(storedTransitions(record.id)).toBe(1)

    // Once the store writes again, the same action goes through.
    const retry = await fetch(`${server.url}/api/cases/${record.id}/actions`, {
      method: 'POST', headers: { authorization: 'Bearer sup-token', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'accept' }),
    })
    expect(retry.status).toBe(200)
    expect(storedStep(record.id)).toBe('accepted')
  })

  it('refuses a citizen report with 503 and keeps no half of it', { timeout: 30_000 }, async () => {
    const [lng, lat] = server.wall.district.tree.allGrids()[1].center
    const before = server.wall.district.cases.countOpen()
    const storedBefore = (locker.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n
    lockWrites()
    let response: Response
    try {
      response = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `service_code=E0101&lat=${lat}&long=${lng}&description=x`,
      })
    } finally {
      unlock()
    }
    expect(response.status).toBe(503)
    const [error] = await response.json()
    expect(error.code).toBe(503)
    expect(server.wall.district.cases.countOpen()).toBe(before)
    expect((locker.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(storedBefore)
  })
})
