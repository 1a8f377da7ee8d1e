// The PostgreSQL schema against a real PostgreSQL 15 + PostGIS (tests/helpers/start-postgres.ts):
// migrated twice (and by two nodes at once), every SQLite table there with every column, GiST on the
// area polygons used by a point-in-polygon query, and a CST day partition made, filled and dropped.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import { migratePostgres, PG_MIGRATIONS, schemaVersion } from '../../../server/store/pg/pg-migrations'
import { openPgPool } from '../../../server/store/pg/pg-pool'
import { cstDayStartMs, dropPositionDaysBefore, ensurePositionDay, positionDays } from '../../../server/store/pg/pg-position-days'
import { cstDayNumber } from '../../../server/store/position-days'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'

let server: Postgres
let pool: pg.Pool

beforeAll(async () => {
  server = await startPostgres()
  pool = openPgPool(server.url, { max: 4 })
}, 60_000)

afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

/** Two small grids side by side (WGS-84, near 晋安区): A west of 119.33, B east of it. */
const GRID_A = { type: 'Polygon', coordinates: [[[119.32, 26.08], [119.33, 26.08], [119.33, 26.09], [119.32, 26.09], [119.32, 26.08]]] }
const GRID_B = { type: 'MultiPolygon', coordinates: [[[[119.33, 26.08], [119.34, 26.08], [119.34, 26.09], [119.33, 26.09], [119.33, 26.08]]]] }

describe('PostgreSQL migrations', () => {
  it('migrates a new database once, even when two nodes start at the same time', async () => {
    const results = await Promise.all([migratePostgres(pool), migratePostgres(pool)])
    expect(results.map((r) => r.to)).toEqual([PG_MIGRATIONS.length, PG_MIGRATIONS.length])
    // One of them did the work; the other waited on the lock and found nothing to do.
    expect(results.map((r) => r.from).sort()).toEqual([0, PG_MIGRATIONS.length])
    const steps = await pool.query('SELECT version FROM wall_schema_migrations ORDER BY version')
    expect(steps.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1))
  })

  it('does nothing the second time', async () => {
    expect(await migratePostgres(pool)).toEqual({ from: PG_MIGRATIONS.length, to: PG_MIGRATIONS.length })
    expect((await pool.query('SELECT count(*)::int AS n FROM wall_schema_migrations')).rows[0].n).toBe(PG_MIGRATIONS.length)
  })

  it('rolls a failing step back whole and keeps the version', async () => {
    const failing = [...PG_MIGRATIONS, 'CREATE TABLE half_done (a int); SELECT 1 / 0;']
    await expect(migratePostgres(pool, failing)).rejects.toThrow(/division by zero/)
    expect(await schemaVersion(pool)).toBe(PG_MIGRATIONS.length)
    expect((await pool.query("SELECT to_regclass('half_done') AS t")).rows[0].t).toBeNull()
  })

  it('refuses a database migrated by a newer server', async () => {
    await pool.query('INSERT INTO wall_schema_migrations (version) VALUES ($1)', [PG_MIGRATIONS.length + 1])
    try {
      await expect(migratePostgres(pool)).rejects.toThrow(/newer than this server knows/)
    } finally {
      await pool.query('DELETE FROM wall_schema_migrations WHERE version = $1', [PG_MIGRATIONS.length + 1])
    }
  })

  it('has every table and column the SQLite store has', async () => {
    const sqlite = sqliteColumns()
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(`SELECT table_name, column_name
      FROM information_schema.columns WHERE table_schema = 'public'`)
    const pgColumns = new Map<string, Set<string>>()
    for (const r of rows) pgColumns.set(r.table_name, (pgColumns.get(r.table_name) ?? new Set()).add(r.column_name))
    expect(sqlite.size).toBeGreaterThan(15)
    for (const [table, columns] of sqlite) {
      expect(pgColumns.has(table), `table ${table}`).toBe(true)
      for (const column of columns) expect(pgColumns.get(table)!.has(column), `${table}.${column}`).toBe(true)
    }
  })

  it('indexes the area polygons, latest fixes and cases with GiST', async () => {
    const { rows } = await pool.query<{ tablename: string; indexdef: string }>(`SELECT tablename, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND indexdef ILIKE '%USING gist%'`)
    expect(rows.map((r) => r.tablename).sort()).toEqual(['areas', 'cases', 'latest_positions'])
    expect(rows.find((r) => r.tablename === 'areas')!.indexdef).toMatch(/USING gist \(geom\)/)
  })

  it('finds the grid a fix is in with ST_Contains, through the GiST index', async () => {
    await pool.query(`INSERT INTO areas (code, name, level, parent_code, geometry, ord) VALUES
      ('A', '甲网格', 'grid', NULL, $1, 0), ('B', '乙网格', 'grid', NULL, $2, 1)`, [GRID_A, GRID_B])
    await pool.query(`INSERT INTO latest_positions (inspector_id, at, lng, lat) VALUES
      (1, 1764633600000, 119.325, 26.085), (2, 1764633600000, 119.335, 26.085), (3, 1764633600000, 119.40, 26.085)`)
    const inGrid = await pool.query<{ inspector_id: number; code: string | null }>(`SELECT l.inspector_id, a.code FROM latest_positions l
      LEFT JOIN areas a ON a.level = 'grid' AND ST_Contains(a.geom, l.geom) ORDER BY l.inspector_id`)
    expect(inGrid.rows).toEqual([{ inspector_id: 1, code: 'A' }, { inspector_id: 2, code: 'B' }, { inspector_id: 3, code: null }])
    // The imported GeoJSON comes back as it went in, Polygon and MultiPolygon alike.
    const stored = await pool.query('SELECT geometry, GeometryType(geom) AS kind FROM areas ORDER BY ord')
    expect(stored.rows).toEqual([{ geometry: GRID_A, kind: 'POLYGON' }, { geometry: GRID_B, kind: 'MULTIPOLYGON' }])
    // A tiny table is scanned; told not to, the planner must have the index to use.
    const client = await pool.connect()
    try {
      await client.query('SET enable_seqscan = off')
      const plan = await client.query(`EXPLAIN SELECT code FROM areas WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(119.325, 26.085), 4326))`)
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/areas_geom/)
    } finally {
      await client.query('RESET enable_seqscan')
      client.release()
    }
  })

  it('gives a located case a point in its grid and a case placed by address only (待定位) none', async () => {
    const insert = `INSERT INTO cases (id, category_code, source, grid_code, lng, lat, located, description, media_urls, attributes,
      step, reported_at, step_at, deadline, rework_count, furthest) VALUES ($1, 'A01', 'open311', 'A', $2, $3, $4, '井盖缺失', $5, $6,
      'reported', 1764633600000, 1764633600000, 'normal', 0, 0)`
    // JSON goes in as the SQLite row mappers write it (text), and comes back parsed.
    await pool.query(insert, ['202612020001', 119.325, 26.085, 1, JSON.stringify(['https://example.org/1.jpg']), JSON.stringify({ road: '福新路' })])
    await pool.query(insert, ['202612020002', 0, 0, 0, null, null])
    const { rows } = await pool.query(`SELECT c.id, a.code, c.geom IS NULL AS unplaced, c.media_urls, c.attributes FROM cases c
      LEFT JOIN areas a ON ST_Contains(a.geom, c.geom) ORDER BY c.id`)
    expect(rows).toEqual([
      { id: '202612020001', code: 'A', unplaced: false, media_urls: ['https://example.org/1.jpg'], attributes: { road: '福新路' } },
      { id: '202612020002', code: null, unplaced: true, media_urls: null, attributes: null },
    ])
    await expect(pool.query(insert, ['202612020003', 0, 0, 2, null, null])).rejects.toThrow(/check constraint/)
  })

  it('refuses an area that is not a polygon', async () => {
    await expect(pool.query(`INSERT INTO areas (code, name, level, geometry, ord) VALUES ('P', '点', 'grid', $1, 2)`,
      [{ type: 'Point', coordinates: [119.3, 26.1] }])).rejects.toThrow(/check constraint/)
  })

  it('keeps history in CST day partitions and drops a day whole', async () => {
    // 2026-12-02 CST runs from 2026-12-01T16:00Z to 2026-12-02T16:00Z.
    const dayStart = Date.parse('2026-12-01T16:00:00Z')
    expect(cstDayStartMs(cstDayNumber(dayStart))).toBe(dayStart)
    expect(await ensurePositionDay(pool, dayStart + 3_600_000)).toBe('positions_20261202')
    expect(await ensurePositionDay(pool, dayStart)).toBe('positions_20261202')
    const insert = 'INSERT INTO positions (inspector_id, at, lng, lat) VALUES ($1, $2, 119.3, 26.1)'
    await pool.query(insert, [1, dayStart])
    await pool.query(insert, [1, dayStart + 86_400_000 - 1])
    // The next CST day has no partition yet: refused, not parked somewhere retention cannot reach.
    await expect(pool.query(insert, [1, dayStart + 86_400_000])).rejects.toThrow(/no partition/)
    const placed = await pool.query<{ part: string; at: number }>('SELECT tableoid::regclass::text AS part, at FROM positions ORDER BY at')
    expect(placed.rows).toEqual([{ part: 'positions_20261202', at: dayStart }, { part: 'positions_20261202', at: dayStart + 86_400_000 - 1 }])
    expect(await positionDays(pool)).toEqual([cstDayNumber(dayStart)])

    // The day holding the cut-off stays whole; once the cut-off is past it, it goes.
    expect(await dropPositionDaysBefore(pool, dayStart + 86_400_000 - 1)).toBe(0)
    expect(await dropPositionDaysBefore(pool, dayStart + 86_400_000)).toBe(1)
    expect(await positionDays(pool)).toEqual([])
    expect((await pool.query("SELECT to_regclass('positions_20261202') AS t")).rows[0].t).toBeNull()
    expect((await pool.query('SELECT count(*)::int AS n FROM positions')).rows[0].n).toBe(0)
  })
})

/** The tables and columns of a new SQLite store (day tables of history as `positions`). */
function sqliteColumns(): Map<string, Set<string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-sqlite-schema-'))
  try {
    const file = path.join(dir, 'wall.db')
    const store = openSqliteStore(file)
    store.appendFixes([{ inspectorId: 1, lng: 119.3, lat: 26.1, heading: null, at: Date.parse('2026-12-02T02:00:00Z') }])
    store.close()
    const db = new Database(file, { readonly: true })
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
      return new Map(tables.map((t) => [
        /^positions_\d{8}$/.test(t) ? 'positions' : t,
        new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[])),
      ]))
    } finally {
      db.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
