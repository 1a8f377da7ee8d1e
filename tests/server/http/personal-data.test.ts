// A citizen's phone number, e-mail and name are personal data (个人信息保护法): they used to be folded
// into the report's actor and shown on every wall. Now they are stored apart, never sent to a wall,
// masked in the case detail (138****1234) and readable whole only by the supervision centre.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import type { AccessConfig } from '../../../server/http/access'
import { MIGRATIONS } from '../../../server/store/migrations'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent } from '../../helpers/wait-for'

const access: AccessConfig = {
  wallToken: null,
  integrationKeys: [],
  open311PublicWrites: true,
  operators: [
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'disp-token', role: 'dispatch', name: '李派遣' },
  ],
}
const PHONE = '13812341234'
const EMAIL = 'zhang.san@example.org'

describe('citizens\' personal data', () => {
  let server: TestServer
  let socket: Socket
  let caseId: string
  let dataDir: string
  let wire = ''

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-personal-'))
    server = await startTestServer({ simulator: false, access, dataDir, tickMs: 100 })
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    socket.onAny((_event, payload) => { if (!(payload instanceof ArrayBuffer)) wire += JSON.stringify(payload) })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${lat}&long=${lng}&description=x&first_name=${encodeURIComponent('三')}&last_name=${encodeURIComponent('张')}`
        + `&phone=${PHONE}&email=${encodeURIComponent(EMAIL)}&device_id=dev-1&account_id=acc-9`,
    })
    expect(response.status).toBe(200)
    caseId = (await response.json())[0].service_request_id
    await new Promise((resolve) => setTimeout(resolve, 400))   // a few ticks: cases:changed and stats went out
  })

  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('never sends them to a wall', async () => {
    const snapshot = await (await fetch(`${server.url}/api/snapshot`)).text()
    for (const secret of [PHONE, EMAIL, '张三', 'acc-9', 'dev-1']) {
      expect(wire).not.toContain(secret)
      expect(snapshot).not.toContain(secret)
    }
    expect(wire).toContain(caseId)
  })

  it('masks them in the case detail a screen reads', async () => {
    const detail = await (await fetch(`${server.url}/api/cases/${caseId}`)).json()
    expect(detail.reporter).toEqual({ name: '张*', phone: '138****1234', email: 'z***@example.org' })
    expect(detail.history[0].actor).toBe('市民')
    expect(JSON.stringify(detail)).not.toContain(PHONE)
  })

  it('gives them whole to the supervision centre only', async () => {
    const read = (token?: string) => fetch(`${server.url}/api/cases/${caseId}/reporter`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    expect((await read()).status).toBe(401)
    expect((await read('disp-token')).status).toBe(403)
    const full = await read('sup-token')
    expect(full.status).toBe(200)
    expect(await full.json()).toMatchObject({ firstName: '三', lastName: '张', phone: PHONE, email: EMAIL, deviceId: 'dev-1', accountId: 'acc-9' })
  })

  it('keeps them in their own table, not in the case history', () => {
    const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true })
    expect(db.prepare('SELECT actor FROM case_transitions WHERE case_id = ?').all(caseId)).toEqual([{ actor: '市民' }])
    expect(db.prepare('SELECT phone FROM case_reporters WHERE case_id = ?').get(caseId)).toEqual({ phone: PHONE })
    db.close()
  })
})

describe('the migration of reports stored before', () => {
  it('moves the contact details out of the report\'s actor', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-legacy-'))
    const file = path.join(dir, 'wall.db')
    const db = new Database(file)
    db.exec(MIGRATIONS[0] as string)
    db.pragma('user_version = 1')
    db.prepare(`INSERT INTO cases (id, category_code, source, grid_code, lng, lat, description, step, reported_at, step_at, deadline, rework_count, furthest)
      VALUES ('202611250001', 'E0101', 'citizen', 'g', 119.35, 26.07, 'x', 'reported', 0, 0, 'onTime', 0, 0)`).run()
    db.prepare(`INSERT INTO case_transitions (case_id, seq, step, action, at, actor) VALUES ('202611250001', 0, 'reported', 'report', 0, ?)`)
      .run('市民 小明（电话 13800000000；账号 42）')
    db.close()

    const store = openSqliteStore(file)
    expect((await store.loadCases(0))[0].history[0].actor).toBe('市民')
    expect((await store.reporterContact('202611250001'))?.legacyText).toBe('市民 小明（电话 13800000000；账号 42）')
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
