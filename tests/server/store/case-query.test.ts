// The store answers Open311 GET requests: every case it holds (closed ones long gone from memory),
// filtered by id, category, step and report time, newest first, by index; and the attributes and
// photos a request came with survive the round trip, with cases stored before they existed migrated.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseBook, type NewCase } from '../../../server/domain/case-book'
import { DAY_MS } from '../../../server/domain/china-time'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import { MIGRATIONS } from '../../../server/store/migrations'
import { tempStores } from '../helpers/temp-stores'

const at = Date.parse('2026-11-30T09:00:00+08:00')
const report = (over: Partial<NewCase> = {}): NewCase => ({
  categoryCode: 'E0101', source: 'citizen', gridCode: 'g', lng: 119.35, lat: 26.07, description: '垃圾',
  reporterId: null, at, actor: '市民', ...over,
})

describe('finding stored cases', () => {
  const temp = tempStores('case-query-test')
  const open = () => temp.open()
  afterEach(() => temp.closeAll())

  it('finds what memory forgot, by every filter, newest first, with attributes and photos', async () => {
    const { store } = open()
    const book = new CaseBook(DEFAULT_CALENDAR)
    book.writeTo(store)
    const old = book.report(report({
      at: at - 9 * DAY_MS, categoryCode: 'C0101', mediaUrls: ['https://e.org/1.jpg', 'https://e.org/2.jpg'],
      attributes: { uprn: '100023336956', multi: ['a', 'b'] }, address: '1234 5th street',
    }))
    for (const action of ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'] as const) {
      book.act(old.id, action, { at: at - 9 * DAY_MS + 60_000, actor: '测试' })
    }
    const fresh = book.report(report())
    book.pruneClosedBefore(at - 8 * DAY_MS)
    expect(book.get(old.id)).toBeUndefined()

    const [found] = (await book.findCases({ ids: [old.id], limit: 10 }))
    expect(found).toMatchObject({
      id: old.id, step: 'closed', mediaUrl: 'https://e.org/1.jpg', mediaUrls: ['https://e.org/1.jpg', 'https://e.org/2.jpg'],
      attributes: { uprn: '100023336956', multi: ['a', 'b'] }, address: '1234 5th street',
    })
    expect(found.history.map((t) => t.action)).toEqual(['report', 'accept', 'file', 'dispatch', 'handle', 'verify', 'close'])
    const ids = async (q: Parameters<CaseBook['findCases']>[0]) => (await book.findCases(q)).map((c) => c.id)
    expect(await ids({ limit: 10 })).toEqual([fresh.id, old.id])
    expect(await ids({ steps: ['closed', 'cancelled'], limit: 10 })).toEqual([old.id])
    expect(await ids({ categoryCodes: ['E0101'], limit: 10 })).toEqual([fresh.id])
    expect(await ids({ reportedFrom: at - 10 * DAY_MS, reportedTo: at - 8 * DAY_MS, limit: 10 })).toEqual([old.id])
    expect(await ids({ limit: 1 })).toEqual([fresh.id])
    // A case still in memory comes back as the object callers hold.
    expect((await book.findCases({ ids: [fresh.id], limit: 1 }))[0]).toBe(book.get(fresh.id))
  })

  it('reads a report window by its index, not by scanning every case', () => {
    const { file } = open()
    const db = new Database(file, { readonly: true })
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM cases WHERE reported_at >= ? AND reported_at <= ? ORDER BY reported_at DESC, id DESC LIMIT ?')
      .all(0, 1, 10) as { detail: string }[]
    db.close()
    expect(plan.map((p) => p.detail).join(' ')).toContain('cases_reported_at')
  })

  it('migrates cases stored before: their one photo becomes the list of photos', async () => {
    // The file is made by hand up to the migration before this one, then opened as a store.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'case-query-legacy-'))
    const file = path.join(dir, 'wall.db')
    const mine = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('ADD COLUMN media_urls'))
    expect(mine).toBeGreaterThan(0)
    const db = new Database(file)
    for (const migration of MIGRATIONS.slice(0, mine)) {
      if (typeof migration === 'string') db.exec(migration)
      else migration(db)
    }
    db.pragma(`user_version = ${mine}`)
    db.prepare(`INSERT INTO cases (id, category_code, source, grid_code, lng, lat, description, media_url, step, reported_at, step_at, deadline, rework_count, furthest)
      VALUES ('202611250001', 'E0101', 'citizen', 'g', 119.35, 26.07, 'x', 'https://e.org/old.jpg', 'reported', 0, 0, 'onTime', 0, 0)`).run()
    db.prepare(`INSERT INTO case_transitions (case_id, seq, step, action, at, actor) VALUES ('202611250001', 0, 'reported', 'report', 0, '市民')`).run()
    db.close()

    const { store } = temp.open(dir)
    expect((await store.loadCases(0))[0]).toMatchObject({ mediaUrl: 'https://e.org/old.jpg', mediaUrls: ['https://e.org/old.jpg'], attributes: null, address: null })
  })
})
