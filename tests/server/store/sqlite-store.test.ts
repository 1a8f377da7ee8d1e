import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { AreaFeature } from '../../../server/domain/area-tree'
import { CaseBook } from '../../../server/domain/case-book'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import { MIGRATIONS } from '../../../server/store/migrations'
import { tempStores } from '../helpers/temp-stores'

const square = (x: number): AreaFeature['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })
const area = (code: string, level: AreaFeature['properties']['level'], parentCode: string | null, x = 0): AreaFeature =>
  ({ type: 'Feature', properties: { code, name: code, level, parentCode }, geometry: square(x) })

describe('the SQLite store', () => {
  const temp = tempStores('store-test')
  const open = temp.open
  afterEach(() => temp.closeAll())

  it('migrates a new file once and reopens it without migrating again', () => {
    const { store, dir } = open()
    store.setMeta('k', 'v')
    store.close()
    const db = new Database(path.join(dir, 'wall.db'))
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    expect(open(dir).store.getMeta('k')).toBe('v')
  })

  it('replaces the area hierarchy whole, keeping extra properties and order', () => {
    const { store } = open()
    expect(store.loadAreas()).toBeNull()
    const extra = { ...area('g1', 'grid', 'd'), properties: { ...area('g1', 'grid', 'd').properties, buildingCount: 7 } }
    store.replaceAreas([area('d', 'district', null), extra])
    expect(store.loadAreas()!.map((f) => f.properties)).toEqual([
      { code: 'd', name: 'd', level: 'district', parentCode: null },
      { code: 'g1', name: 'g1', level: 'grid', parentCode: 'd', buildingCount: 7 },
    ])
  })

  it('leaves the old areas untouched when a replacement fails half way', () => {
    const { store } = open()
    store.replaceAreas([area('d', 'district', null)])
    const broken = [area('d2', 'district', null), { ...area('g', 'grid', 'd2'), properties: { code: 'g', name: 'g', level: 'province', parentCode: 'd2' } } as unknown as AreaFeature]
    expect(() => store.replaceAreas(broken)).toThrow()
    expect(store.loadAreas()!.map((f) => f.properties.code)).toEqual(['d'])
  })

  it('keeps every history fix but moves the latest only forward in time', async () => {
    const { store } = open()
    store.appendFixes([{ inspectorId: 1, lng: 119, lat: 26, heading: 0, at: 2_000 }])
    store.appendFixes([{ inspectorId: 1, lng: 118, lat: 25, heading: 0, at: 1_000 }])
    store.updateLatest([{ inspectorId: 1, lng: 117, lat: 24, heading: 0, at: 500 }])
    expect((await store.loadLatestFixes())).toMatchObject([{ inspectorId: 1, lng: 119, at: 2_000 }])
    expect((await store.track(1, 0, 10_000)).map((f) => f.at)).toEqual([1_000, 2_000])
  })

  it('saves each case with its transitions and loads open and recent ones back equal', async () => {
    const { store } = open()
    const book = new CaseBook(DEFAULT_CALENDAR)
    book.writeTo(store)
    const at = Date.parse('2026-11-30T09:00:00+08:00')
    const c = book.report({ categoryCode: 'E0101', source: 'citizen', gridCode: 'g', lng: 119.35, lat: 26.07, description: '垃圾', reporterId: null, at, actor: '市民', mediaUrl: 'https://example.org/1.jpg' })
    book.act(c.id, 'accept', { at: at + 60_000, actor: '受理员' })
    book.act(c.id, 'file', { at: at + 120_000, actor: '值班长', note: '属实' })
    expect((await store.loadCases(at))).toEqual([book.get(c.id)])
  })
})
