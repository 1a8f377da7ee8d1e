// Position history lives in one table per China Standard Time day, so retention drops whole days
// (cheap, whatever their size) instead of deleting row by row (issue #15: at city scale ~115 M rows a
// day were written and at most 7.2 M a day deleted).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../../server/domain/china-time'
import { MIGRATIONS } from '../../../server/store/migrations'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import type { StoredFix, WallStore } from '../../../server/store/wall-store'

const DEC_1 = Date.parse('2026-12-01T00:00:00+08:00')
const fix = (inspectorId: number, at: number, lng = 119.35): StoredFix => ({ inspectorId, lng, lat: 26.07, heading: null, at })

describe('position history by day', () => {
  const dirs: string[] = []
  const open: (WallStore | Database.Database)[] = []
  afterEach(() => {
    for (const s of open.splice(0)) { try { s.close() } catch { /* closed */ } }
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })
  const newFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'position-days-'))
    dirs.push(dir)
    return path.join(dir, 'wall.db')
  }
  const openStore = (file: string) => {
    const store = openSqliteStore(file)
    open.push(store)
    return store
  }
  const raw = (file: string) => {
    const db = new Database(file, { readonly: true })
    open.push(db)
    return db
  }
  const tables = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'positions%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

  it('writes each fix into the table of its CST day and reads a range across midnight oldest first', async () => {
    const file = newFile()
    const store = openStore(file)
    const midnight = DEC_1 + DAY_MS
    store.appendFixes([fix(1, midnight + 1_000), fix(1, midnight - 1_000), fix(2, midnight - 500)])
    store.appendFixes([fix(1, midnight + 5_000)])
    expect(tables(raw(file))).toEqual(['positions_20261201', 'positions_20261202'])
    expect((await store.track(1, midnight - 60_000, midnight + 60_000)).map((f) => f.at - midnight)).toEqual([-1_000, 1_000, 5_000])
    expect((await store.track(1, midnight, midnight + 1_000)).map((f) => f.at - midnight)).toEqual([1_000])
    // Any range reads only the days that exist.
    expect((await store.track(1, 0, Number.MAX_SAFE_INTEGER))).toHaveLength(3)
    expect((await store.track(1, midnight + 10_000, midnight))).toEqual([])
    expect((await store.loadLatestFixes()).find((f) => f.inspectorId === 1)?.at).toBe(midnight + 5_000)
  })

  it('prunes every day older than the retention at once, however many rows they hold', async () => {
    const file = newFile()
    const store = openStore(file)
    const perDay = 40_000
    for (let day = 0; day < 3; day++) {
      store.transaction(() => store.appendFixes(Array.from({ length: perDay }, (_, i) => fix(1 + (i % 100), DEC_1 + day * DAY_MS + Math.floor(i / 100) * 1000))))
    }
    // 80,000 rows are older than the third day: more than a 50,000-row slice.
    expect((await store.pruneFixes(DEC_1 + 2 * DAY_MS))).toBe(2)
    expect((await store.track(1, DEC_1, DEC_1 + 3 * DAY_MS)).every((f) => f.at >= DEC_1 + 2 * DAY_MS)).toBe(true)
    expect((await store.track(1, DEC_1 + 2 * DAY_MS, DEC_1 + 3 * DAY_MS))).toHaveLength(perDay / 100)
    const db = raw(file)
    expect(tables(db)).toEqual(['positions_20261203'])
    // Dropped tables' pages are free for the next days' rows (the file does not keep growing).
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(100)
    expect((await store.pruneFixes(DEC_1 + 2 * DAY_MS))).toBe(0)
  })

  it('keeps the day that holds the cut-off whole: history is kept the retention plus the rest of a day', async () => {
    const store = openStore(newFile())
    store.appendFixes([fix(1, DEC_1 + 1_000), fix(1, DEC_1 + DAY_MS - 1_000)])
    expect((await store.pruneFixes(DEC_1 + DAY_MS / 2))).toBe(0)
    expect((await store.track(1, DEC_1, DEC_1 + DAY_MS))).toHaveLength(2)
    expect((await store.pruneFixes(DEC_1 + DAY_MS))).toBe(1)
    expect((await store.track(1, DEC_1, DEC_1 + DAY_MS))).toEqual([])
  })

  it('writes a day again after a transaction that first created its table was rolled back', async () => {
    const store = openStore(newFile())
    expect(() => store.transaction(() => {
      store.appendFixes([fix(1, DEC_1 + 1_000)])
      throw new Error('disk full')
    })).toThrow('disk full')
    expect((await store.track(1, DEC_1, DEC_1 + DAY_MS))).toEqual([])
    store.appendFixes([fix(1, DEC_1 + 2_000)])
    expect((await store.track(1, DEC_1, DEC_1 + DAY_MS)).map((f) => f.at - DEC_1)).toEqual([2_000])
  })

  it('discards fixes after a time, and the latest falls back to the newest fix left in history', async () => {
    const file = newFile()
    const store = openStore(file)
    const cut = DEC_1 + 12 * 3600_000
    store.appendFixes([fix(1, cut - 60_000, 119.1), fix(1, cut + 1_000), fix(1, cut + 2 * DAY_MS), fix(2, cut + 5_000)])
    store.updateLatest([fix(3, cut - 1_000)])
    expect((await store.discardFixesAfter(cut))).toBe(5)
    expect((await store.track(1, 0, Number.MAX_SAFE_INTEGER)).map((f) => f.at)).toEqual([cut - 60_000])
    expect((await store.loadLatestFixes()).sort((a, b) => a.inspectorId - b.inspectorId)).toMatchObject([
      { inspectorId: 1, at: cut - 60_000, lng: 119.1 },
      { inspectorId: 3, at: cut - 1_000 },
    ])
    expect(tables(raw(file))).toEqual(['positions_20261201'])
    expect((await store.discardFixesAfter(cut))).toBe(0)
  })

  it('moves the rows of the single positions table of older databases into day tables', async () => {
    const file = newFile()
    const split = MIGRATIONS.findIndex((m) => typeof m === 'function' && m.name === 'splitPositionsByDay')
    expect(split).toBeGreaterThan(0)
    const before = new Database(file)
    for (const m of MIGRATIONS.slice(0, split)) {
      if (typeof m === 'string') before.exec(m)
      else m(before)
    }
    before.pragma(`user_version = ${split}`)
    const insert = before.prepare('INSERT INTO positions (inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes) VALUES (?, ?, 119.35, 26.07, 90, 1.2, 5, 0.8, ?)')
    before.prepare('INSERT INTO latest_positions (inspector_id, at, lng, lat) VALUES (1, ?, 119.35, 26.07)').run(DEC_1 + 2 * DAY_MS + 1)
    for (const at of [DEC_1 + 1, DEC_1 + DAY_MS - 1, DEC_1 + DAY_MS, DEC_1 + 2 * DAY_MS + 1]) insert.run(1, at, '{"hdop":1.1}')
    insert.run(2, DEC_1 + 5, null)
    before.close()

    const store = openStore(file)
    expect((await store.track(1, DEC_1, DEC_1 + 3 * DAY_MS)).map((f) => f.at - DEC_1)).toEqual([1, DAY_MS - 1, DAY_MS, 2 * DAY_MS + 1])
    expect((await store.track(1, DEC_1, DEC_1 + 1))[0]).toMatchObject({ heading: 90, speed: 1.2, accuracy: 5, battery: 0.8, attributes: { hdop: 1.1 } })
    expect((await store.track(2, DEC_1, DEC_1 + DAY_MS))).toHaveLength(1)
    expect((await store.loadLatestFixes())).toMatchObject([{ inspectorId: 1, at: DEC_1 + 2 * DAY_MS + 1 }])
    store.close()
    const db = raw(file)
    expect(tables(db)).toEqual(['positions_20261201', 'positions_20261202', 'positions_20261203'])
    expect(count(db, 'positions_20261201')).toBe(3)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
  })
})
