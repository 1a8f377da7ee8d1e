// Cases go to the store before memory, their ids are never reused, and a stored id is never
// overwritten: a demo clock moved back (SIMULATOR_START earlier than last time) used to replace
// old cases with new ones of the same number (INSERT OR REPLACE).
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseBook, type NewCase } from '../../../server/domain/case-book'
import { StoreWriteError } from '../../../server/domain/store-write-error'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import { tempStores } from '../helpers/temp-stores'

const at = Date.parse('2026-11-30T09:00:00+08:00')
const report = (over: Partial<NewCase> = {}): NewCase => ({
  categoryCode: 'E0101', source: 'citizen', gridCode: 'g', lng: 119.35, lat: 26.07, description: '垃圾',
  reporterId: null, at, actor: '市民', ...over,
})

describe('the case journal', () => {
  const temp = tempStores('journal-test')
  const open = temp.open
  afterEach(() => temp.closeAll())

  it('numbers a restarted day after the cases the store holds, even those not loaded back', () => {
    const { store, dir } = open()
    const first = new CaseBook(DEFAULT_CALENDAR)
    first.writeTo(store)
    const ids = [first.report(report()).id, first.report(report()).id, first.report(report({ description: '旧案' })).id]
    expect(ids).toEqual(['202611300001', '202611300002', '202611300003'])
    store.close()

    // A fresh book, as after a restart whose clock starts earlier that day, with nothing restored.
    const { store: reopened } = open(dir)
    const second = new CaseBook(DEFAULT_CALENDAR)
    second.writeTo(reopened)
    expect(second.report(report({ at: at - 3_600_000 })).id).toBe('202611300004')
    const db = new Database(path.join(dir, 'wall.db'), { readonly: true })
    expect((db.prepare("SELECT description FROM cases WHERE id = '202611300003'").get() as { description: string }).description).toBe('旧案')
    db.close()
  })

  it('refuses to overwrite a stored case with a new one of the same id', async () => {
    const { store } = open()
    const book = new CaseBook(DEFAULT_CALENDAR)
    book.writeTo(store)
    const c = book.report(report())
    expect(() => store.saveCase({ ...c, description: '冒名' }, c.history[0])).toThrow(/UNIQUE|PRIMARY KEY/)
    expect((await store.loadCases(0))[0].description).toBe('垃圾')
  })

  it('changes nothing in memory when the write fails', () => {
    const { store } = open()
    const book = new CaseBook(DEFAULT_CALENDAR)
    book.writeTo(store)
    const c = book.report(report())
    const listened: string[] = []
    book.onChange((r, t) => listened.push(`${r.id}:${t?.action}`))
    store.close()
    expect(() => book.act(c.id, 'accept', { at: at + 60_000, actor: '受理员' })).toThrow(StoreWriteError)
    expect(book.get(c.id)).toMatchObject({ step: 'reported', history: [{ action: 'report' }] })
    expect(() => book.report(report())).toThrow(StoreWriteError)
    expect(book.countOpen()).toBe(1)
    expect(listened).toEqual([])
  })

  it('keeps a comment with its photo in the story without moving the case', async () => {
    const { store } = open()
    const book = new CaseBook(DEFAULT_CALENDAR)
    book.writeTo(store)
    const c = book.report(report())
    book.act(c.id, 'accept', { at: at + 60_000, actor: '受理员' })
    book.comment(c.id, { at: at + 120_000, actor: '市民', note: '垃圾还在', mediaUrl: 'https://example.org/2.jpg' })
    expect(book.get(c.id)).toMatchObject({ step: 'accepted', stepAt: at + 60_000 })
    const [stored] = (await store.loadCases(0))
    expect(stored.step).toBe('accepted')
    expect(stored.history.map((t) => t.action)).toEqual(['report', 'accept', 'comment'])
    expect(stored.history[2]).toMatchObject({ step: 'accepted', note: '垃圾还在', mediaUrl: 'https://example.org/2.jpg' })
  })
})
