// For a test file that compares the PostgreSQL tables with the SQLite store: one real PostgreSQL 15 +
// PostGIS (migrated) and one SQLite store in a temporary folder, for the whole file, gone afterwards.
// Call at the top of the file; its hooks run before the file's own.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { migratePostgres } from '../../server/store/pg/pg-migrations'
import { openPgPool } from '../../server/store/pg/pg-pool'
import { openSqliteStore } from '../../server/store/sqlite-store'
import type { WallStore } from '../../server/store/wall-store'
import { startPostgres, type Postgres } from './start-postgres'

export function pgBesideSqlite(name: string): { get(): { pool: pg.Pool; sqlite: WallStore } } {
  let server: Postgres | undefined
  let pool: pg.Pool | undefined
  let sqlite: WallStore | undefined
  let dir: string | undefined

  beforeAll(async () => {
    server = await startPostgres()
    pool = openPgPool(server.url, { max: 4 })
    await migratePostgres(pool)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`))
    sqlite = openSqliteStore(path.join(dir, 'wall.db'))
  }, 60_000)

  afterAll(async () => {
    sqlite?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
    await pool?.end()
    await server?.stop()
  })

  return {
    get() {
      if (!pool || !sqlite) throw new Error('pgBesideSqlite: the stores open in beforeAll')
      return { pool, sqlite }
    },
  }
}
