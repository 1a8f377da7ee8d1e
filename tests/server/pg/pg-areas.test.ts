// The demo district's real hierarchy, its statistics, inspectors and meta in a real PostgreSQL 15 +
// PostGIS, beside the SQLite store: the same writes give the same answers, and PostGIS finds the grid
// a point is in as the district's own point-in-polygon does.
import path from 'node:path'
import type pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AreaProfile } from '../../../server/contract/domain'
import { loadAreaFeatures } from '../../../server/areas/load-areas'
import { AreaTree } from '../../../server/domain/area-tree'
import * as pgAreas from '../../../server/store/pg/pg-areas'
import * as pgInspectors from '../../../server/store/pg/pg-inspectors'
import type { WallStore } from '../../../server/store/wall-store'
import { pgBesideSqlite } from '../../helpers/pg-beside-sqlite'

const features = loadAreaFeatures(path.resolve('server/demo-district/data/areas.geojson'))
const profile = (n: number): AreaProfile => ({
  residents: 1000 + n, households: 400 + n, partyMembers: 30 + n, partyBranches: 1, gridWorkers: 2, volunteers: 10, elders: 100 + n, servicePoints: n % 3,
})

const stores = pgBesideSqlite('pg-areas')
let pool: pg.Pool
let sqlite: WallStore

beforeAll(async () => {
  ({ pool, sqlite } = stores.get())
})

describe('areas, statistics, inspectors and meta in PostgreSQL, beside SQLite', () => {
  it('stores the demo hierarchy and gives it back exactly, in order', async () => {
    expect(features.length).toBeGreaterThan(50)
    const profiles = new Map(features.slice(0, 20).map((f, i) => [f.properties.code, profile(i)]))
    sqlite.replaceAreas(features, profiles)
    await pgAreas.replaceAreas(pool, features, profiles)
    const back = await pgAreas.loadAreas(pool)
    expect(back).toEqual(sqlite.loadAreas())
    expect(back).toEqual(features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })))
    expect(await pgAreas.loadProfiles(pool)).toEqual(sqlite.loadProfiles())
  })

  it('upserts some statistics and keeps the others; a new hierarchy without them keeps them all', async () => {
    const changed = new Map([[features[0].properties.code, profile(99)], [features[30].properties.code, profile(7)]])
    sqlite.saveProfiles(changed)
    await pgAreas.saveProfiles(pool, changed)
    expect(await pgAreas.loadProfiles(pool)).toEqual(sqlite.loadProfiles())
    expect((await pgAreas.loadProfiles(pool)).size).toBe(21)
    sqlite.replaceAreas(features.slice(0, 40))
    await pgAreas.replaceAreas(pool, features.slice(0, 40))
    expect(await pgAreas.loadAreas(pool)).toEqual(sqlite.loadAreas())
    expect((await pgAreas.loadProfiles(pool)).size).toBe(21)
  })

  it('finds the grid a point is in with PostGIS, as the area tree does', async () => {
    await pgAreas.replaceAreas(pool, features)
    const tree = new AreaTree(features)
    const grids = features.filter((f) => f.properties.level === 'grid')
    let checked = 0
    for (const g of grids.slice(0, 40)) {
      const info = tree.get(g.properties.code)!
      const [lng, lat] = info.center
      expect(await pgAreas.gridAt(pool, lng, lat)).toBe(tree.locateGrid([lng, lat])?.code ?? null)
      checked++
    }
    expect(checked).toBe(40)
    expect(await pgAreas.gridAt(pool, 0, 0)).toBeNull()
  })

  it('keeps inspectors as SQLite does, a phone moving to another inspector included', async () => {
    const infos = [
      { id: 1, deviceId: 'phone-1', name: '王网格', gridCode: 'G1' },
      { id: 2, deviceId: 'phone-2', name: '李网格', gridCode: 'G2' },
      { id: 1, deviceId: 'phone-1', name: '王网格', gridCode: 'G3' },
      { id: 3, deviceId: 'phone-2', name: '陈网格', gridCode: 'G2' },
    ]
    for (const info of infos) {
      sqlite.saveInspector(info)
      await pgInspectors.saveInspector(pool, info)
    }
    expect(await pgInspectors.loadInspectors(pool)).toEqual(sqlite.loadInspectors())
    expect((await pgInspectors.loadInspectors(pool)).map((i) => i.id)).toEqual([1, 3])
  })

  it('reads and replaces meta values', async () => {
    expect(await pgInspectors.getMeta(pool, 'simulator.cursor')).toBeUndefined()
    await pgInspectors.setMeta(pool, 'simulator.cursor', '1')
    await pgInspectors.setMeta(pool, 'simulator.cursor', '2')
    expect(await pgInspectors.getMeta(pool, 'simulator.cursor')).toBe('2')
  })
})
