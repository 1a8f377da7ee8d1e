// Position batches into a real PostgreSQL 15 + PostGIS (tests/helpers/start-postgres.ts): history and
// latest written as the SQLite store writes them, duplicates ignored, the latest only moving forward,
// a day partition made for a batch that crosses CST midnight, and a failing batch leaving nothing.
import type pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { migratePostgres } from '../../../server/store/pg/pg-migrations'
import { openPgPool } from '../../../server/store/pg/pg-pool'
import { positionDays } from '../../../server/store/pg/pg-position-days'
import { createPgPositions, type PgPositions } from '../../../server/store/pg/pg-positions'
import { cstDayNumber } from '../../../server/store/position-days'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import type { StoredFix } from '../../../server/store/wall-store'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'

let server: Postgres
let pool: pg.Pool
let positions: PgPositions

beforeAll(async () => {
  server = await startPostgres()
  pool = openPgPool(server.url, { max: 4 })
  await migratePostgres(pool)
}, 60_000)

afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

beforeEach(async () => {
  await pool.query('TRUNCATE positions, latest_positions')
  positions = createPgPositions(pool)
})

/** 2026-12-02 23:59:00 CST: a minute before midnight. */
const BEFORE_MIDNIGHT = Date.parse('2026-12-02T23:59:00+08:00')
const fix = (inspectorId: number, at: number, extra: Partial<StoredFix> = {}): StoredFix => ({
  inspectorId, at, lng: 119.3 + inspectorId / 1000, lat: 26.08 + (at - BEFORE_MIDNIGHT) / 1e9, heading: 90, ...extra,
})
const count = async (table: string) => Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)

describe('PostgreSQL positions', () => {
  it('reads every inspector\'s trail behind its latest fix in one go, as the SQLite store does', async () => {
    // 1: a walk across CST midnight, more fixes than the trail keeps; 2: older fixes outside the
    // window; 3: a latest fix with no history before it.
    const one = Array.from({ length: 40 }, (_, i) => fix(1, BEFORE_MIDNIGHT + i * 5_000))
    const two = [fix(2, BEFORE_MIDNIGHT - 3_600_000), fix(2, BEFORE_MIDNIGHT - 200_000), fix(2, BEFORE_MIDNIGHT - 100_000), fix(2, BEFORE_MIDNIGHT)]
    const three = [fix(3, BEFORE_MIDNIGHT + 30_000)]
    await positions.write([...one, ...two], three)
    const trails = await positions.trailsBeforeLatest(600_000, 29)
    expect(trails).toEqual([...one.slice(-30, -1), ...two.slice(1, 3)].map(({ inspectorId, at, lng, lat }) => ({ inspectorId, at, lng, lat })))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trails-'))
    const sqlite = openSqliteStore(path.join(dir, 'wall.db'))
    try {
      sqlite.appendFixes([...one, ...two])
      sqlite.updateLatest(three)
      expect(await sqlite.trailsBeforeLatest(600_000, 29)).toEqual(trails)
    } finally {
      sqlite.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stores history and latest as given, attributes and missing values included', async () => {
    const a = fix(1, BEFORE_MIDNIGHT, { speed: 1.25, accuracy: 8, battery: 0.5, attributes: { sat: 9, charging: true, mode: 'walk' } })
    const b = fix(1, BEFORE_MIDNIGHT + 10_000, { heading: null })
    await positions.write([a, b], [])
    expect(await positions.track(1, BEFORE_MIDNIGHT, BEFORE_MIDNIGHT + 10_000)).toEqual([
      { ...a }, { ...b, speed: null, accuracy: null, battery: null, attributes: null },
    ])
    expect(await positions.latest()).toEqual([{ ...b, speed: null, accuracy: null, battery: null, attributes: null }])
  })

  it('makes the next CST day\'s partition for a batch that crosses midnight', async () => {
    const day = cstDayNumber(BEFORE_MIDNIGHT)
    await pool.query(`DROP TABLE IF EXISTS positions_20261203`)
    await positions.write([fix(2, BEFORE_MIDNIGHT), fix(2, BEFORE_MIDNIGHT + 120_000)], [])
    expect(await positionDays(pool)).toEqual(expect.arrayContaining([day, day + 1]))
    const rows = await pool.query('SELECT tableoid::regclass::text AS part FROM positions WHERE inspector_id = 2 ORDER BY at')
    expect(rows.rows.map((r) => r.part)).toEqual(['positions_20261202', 'positions_20261203'])
  })

  it('ignores a fix already stored, and moves the latest only forward', async () => {
    await positions.write([fix(3, BEFORE_MIDNIGHT + 30_000)], [])
    // A re-post of the same fix, an older one and a latest-only fix older than the latest.
    await positions.write([fix(3, BEFORE_MIDNIGHT + 30_000, { lng: 0 }), fix(3, BEFORE_MIDNIGHT)], [fix(3, BEFORE_MIDNIGHT + 20_000)])
    const track = await positions.track(3, BEFORE_MIDNIGHT, BEFORE_MIDNIGHT + 60_000)
    expect(track.map((f) => f.at)).toEqual([BEFORE_MIDNIGHT, BEFORE_MIDNIGHT + 30_000])
    expect(track[1].lng).not.toBe(0)
    expect((await positions.latest()).map((f) => f.at)).toEqual([BEFORE_MIDNIGHT + 30_000])
    // A latest-only fix newer than it moves the latest and adds no history.
    await positions.write([], [fix(3, BEFORE_MIDNIGHT + 40_000)])
    expect((await positions.latest()).map((f) => f.at)).toEqual([BEFORE_MIDNIGHT + 40_000])
    expect(await count('positions')).toBe(2)
  })

  it('takes each inspector\'s newest fix of a batch as latest, whatever the order', async () => {
    await positions.write([fix(4, BEFORE_MIDNIGHT + 5000), fix(5, BEFORE_MIDNIGHT), fix(4, BEFORE_MIDNIGHT)], [fix(5, BEFORE_MIDNIGHT + 9000)])
    const latest = new Map((await positions.latest()).map((f) => [f.inspectorId, f.at]))
    expect(latest).toEqual(new Map([[4, BEFORE_MIDNIGHT + 5000], [5, BEFORE_MIDNIGHT + 9000]]))
  })

  it('writes nothing of a batch that fails, and the next batch goes in', async () => {
    await positions.write([fix(6, BEFORE_MIDNIGHT)], [])
    // NOT NULL lat: PostgreSQL refuses the row, and with it the whole transaction.
    const bad = [fix(7, BEFORE_MIDNIGHT), { ...fix(8, BEFORE_MIDNIGHT), lat: null as unknown as number }]
    await expect(positions.write(bad, [fix(6, BEFORE_MIDNIGHT + 60_000)])).rejects.toThrow(/null value in column "lat"/)
    expect(await count('positions')).toBe(1)
    expect((await positions.latest()).map((f) => [f.inspectorId, f.at])).toEqual([[6, BEFORE_MIDNIGHT]])
    await positions.write([fix(7, BEFORE_MIDNIGHT)], [])
    expect(await count('positions')).toBe(2)
  })
})
