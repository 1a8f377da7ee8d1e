// Cases in a real PostgreSQL 15 + PostGIS answer as the SQLite store answers: the same writes, made by
// the real case book (reports with photos, attributes, addresses and contacts; the whole loop; sends
// back, cancels, comments, a 待定位 case located, deadlines re-judged, a second day), go into both,
// and every read the wall makes of stored cases must come back equal.
import type pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseTransition } from '../../../server/contract/domain'
import { CaseBook, type CaseRecord } from '../../../server/domain/case-book'
import type { ReporterContact } from '../../../server/domain/reporter-contact'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import * as pgCases from '../../../server/store/pg/pg-cases'
import type { WallStore } from '../../../server/store/wall-store'
import { pgBesideSqlite } from '../../helpers/pg-beside-sqlite'

const MIN = 60_000
const MONDAY = Date.parse('2026-11-30T09:00:00+08:00')

type Write = { record: CaseRecord; transition: CaseTransition | null; contact: ReporterContact | null }

/** What the case book wrote, copied at the moment it wrote it (the book keeps changing its records). */
function bookWrites(): { writes: Write[]; clientUpdates: [string, string, number][] } {
  const writes: Write[] = []
  const book = new CaseBook(DEFAULT_CALENDAR)
  book.writeTo({
    saveCase: (record, transition, contact) => { writes.push(structuredClone({ record, transition, contact: contact ?? null })) },
    lastCaseIdOfDay: () => null,
    findCases: async () => [],
  })
  const clientUpdates: [string, string, number][] = []
  const loop = ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'] as const
  for (let i = 0; i < 24; i++) {
    const at = MONDAY + i * 7 * MIN + (i >= 18 ? 24 * 60 * MIN : 0) // the last six on Tuesday
    const located = i % 7 !== 3
    const c = book.report({
      categoryCode: i % 3 === 0 ? 'E0102' : 'C0105', source: i % 4 === 0 ? 'citizen' : i % 4 === 1 ? 'hotline' : 'inspector',
      gridCode: `G${i % 3}`, lng: located ? 119.3 + i / 1000 : null, lat: located ? 26.08 : null,
      description: `第${i}件：占道经营`, reporterId: i % 4 === 2 ? 7 : null, at, actor: i % 4 === 0 ? '市民' : '王网格',
      mediaUrls: i % 5 === 0 ? [`https://example.org/${i}/a.jpg`, `https://example.org/${i}/b.jpg`] : [],
      attributes: i % 6 === 0 ? { size: 'large', tags: ['夜间', '反复'] } : null,
      address: located ? null : '鼓山镇福茶社区东门',
      reporterContact: i % 4 === 0 ? { firstName: '明', lastName: '林', phone: '13800000000', email: null, accountId: null, deviceId: `dev-${i}` } : null,
    })
    if (!located) book.locate(c.id, { at: at + MIN, actor: '张受理', lng: 119.31, lat: 26.081, gridCode: 'G1', note: '按地址定位' })
    const steps = i % 5 === 4 ? ['accept', 'cancel'] as const : loop.slice(0, i % loop.length + 1)
    steps.forEach((action, k) => {
      book.act(c.id, action, { at: at + (k + 2) * 11 * MIN, actor: '赵派遣', department: '区环卫中心', note: k === 0 ? null : `第${k}步` })
    })
    if (book.get(c.id)!.step === 'handled') book.act(c.id, 'sendBack', { at: at + 200 * MIN, actor: '王网格', note: '未整改到位' })
    if (i % 4 === 0) {
      const commented = book.comment(c.id, { at: at + 300 * MIN, actor: '市民', note: '还没有处理', mediaUrl: 'https://example.org/c.jpg' })
      clientUpdates.push([c.id, `client-${i}`, commented.history.length - 1])
    }
  }
  book.refreshDeadlines(MONDAY + 5 * 24 * 60 * MIN)
  return { writes, clientUpdates }
}

const stores = pgBesideSqlite('pg-cases')
let pool: pg.Pool
let sqlite: WallStore
const { writes, clientUpdates } = bookWrites()
const ids = [...new Set(writes.map((w) => w.record.id))]

beforeAll(async () => {
  ({ pool, sqlite } = stores.get())
  for (const w of writes) sqlite.saveCase(w.record, w.transition, w.contact)
  for (const [caseId, clientId, seq] of clientUpdates) sqlite.saveClientUpdateSeq(caseId, clientId, seq)
  // PostgreSQL: the whole queue in one transaction, as a leader commits it.
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const w of writes) await pgCases.saveCase(client, w.record, w.transition, w.contact)
    for (const [caseId, clientId, seq] of clientUpdates) await pgCases.saveClientUpdateSeq(client, caseId, clientId, seq)
    await client.query('COMMIT')
  } finally {
    client.release()
  }
})

describe('cases in PostgreSQL, beside SQLite', () => {
  it('made a varied set of writes (the test would prove little otherwise)', () => {
    const actions = new Set(writes.map((w) => w.transition?.action ?? 'deadline'))
    expect([...actions].sort()).toEqual(['accept', 'cancel', 'close', 'comment', 'deadline', 'dispatch', 'file', 'handle', 'locate', 'report', 'sendBack', 'verify'].sort())
    expect(ids).toHaveLength(24)
  })

  it('loads the open cases and the recently changed ones equal, histories and all', async () => {
    for (const since of [0, MONDAY + 60 * MIN, MONDAY + 3 * 24 * 60 * MIN]) {
      const fromPg = await pgCases.loadCases(pool, since)
      expect(fromPg).toEqual((await sqlite.loadCases(since)))
      expect(fromPg.length).toBeGreaterThan(0)
    }
  })

  it('finds cases by ids, categories, steps and report window equally, newest first', async () => {
    const queries = [
      { limit: 100 },
      { limit: 5 },
      { ids: [ids[3], ids[0], 'no-such-case'], limit: 10 },
      { categoryCodes: ['C0105'], steps: ['closed', 'cancelled'] as const, limit: 50 },
      { reportedFrom: MONDAY + 30 * MIN, reportedTo: MONDAY + 24 * 60 * MIN + 20 * MIN, limit: 50 },
      { steps: ['reported'] as const, limit: 50 },
    ]
    for (const q of queries) {
      const query = { ...q, steps: q.steps ? [...q.steps] : undefined }
      expect(await pgCases.findCases(pool, query)).toEqual((await sqlite.findCases(query)))
    }
  })

  it('lists the updates of a source by time equally, and the Open311 client update ids', async () => {
    for (const source of ['citizen', 'hotline', 'inspector'] as const) {
      const query = { from: MONDAY, to: MONDAY + 7 * 24 * 60 * MIN, source, limit: 1000 }
      expect(await pgCases.caseUpdates(pool, query)).toEqual((await sqlite.caseUpdates(query)))
    }
    expect(await pgCases.caseUpdates(pool, { from: MONDAY, to: MONDAY + 7 * 24 * 60 * MIN, source: 'citizen', limit: 3 })).toHaveLength(3)
    for (const [caseId, clientId, seq] of clientUpdates) expect(await pgCases.clientUpdateSeq(pool, caseId, clientId)).toBe(seq)
    expect(await pgCases.clientUpdateSeq(pool, ids[0], 'never-sent')).toBeNull()
  })

  it('keeps reporters\' contacts apart and gives them back equally', async () => {
    for (const id of ids) expect(await pgCases.reporterContact(pool, id)).toEqual((await sqlite.reporterContact(id)))
    expect(await pgCases.reporterContact(pool, ids[0])).toMatchObject({ phone: '13800000000' })
  })

  it('finds the last 案卷号 of a day, a 5-digit sequence after 9999 too', async () => {
    for (const day of ['20261130', '20261201', '20261202']) expect(await pgCases.lastCaseIdOfDay(pool, day)).toBe(sqlite.lastCaseIdOfDay(day))
    const long = structuredClone(writes[0].record)
    long.id = '2026113010000'
    const client = await pool.connect()
    try {
      await pgCases.saveCase(client, long, { ...long.history[0], caseId: long.id })
    } finally {
      client.release()
    }
    expect(await pgCases.lastCaseIdOfDay(pool, '20261130')).toBe('2026113010000')
  })

  it('refuses a second report of an id and an update of a case it does not hold', async () => {
    const first = writes.find((w) => w.transition?.action === 'report')!
    await expect(pgCases.saveCase(pool, first.record, first.transition)).rejects.toThrow(/duplicate key/)
    const ghost = { ...structuredClone(first.record), id: '20261130999999' }
    await expect(pgCases.saveCase(pool, ghost, null)).rejects.toThrow(/not in the store/)
  })
})
