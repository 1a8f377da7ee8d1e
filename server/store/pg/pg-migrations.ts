// Schema migrations of the PostgreSQL store, applied in order, each in its own transaction with the
// version it reaches (PostgreSQL's DDL is transactional: a step happens whole or not at all).
// wall_schema_migrations records how far a database has come. Append new steps; never edit a
// released one. Several nodes may start at once: a transaction-scoped advisory lock lets one migrate
// while the others wait, then find nothing left to do.
import type pg from 'pg'
import type { Sql } from './pg-pool'
import { SCHEMA_V1 } from './pg-schema'

export const PG_MIGRATIONS: readonly string[] = [
  SCHEMA_V1,
]

/** Advisory lock key of schema migrations ('wall' 'mig' in ASCII); the leader lock takes another. */
export const MIGRATION_LOCK_KEY = 0x7761_6c6c_6d69_67n

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS wall_schema_migrations (
  version INTEGER PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`

export interface MigrationResult {
  /** The version found, and the version left. */
  from: number
  to: number
}

/** The schema version of a database (0: never migrated). */
export async function schemaVersion(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ present: boolean }>("SELECT to_regclass('wall_schema_migrations') IS NOT NULL AS present")
  if (!rows[0].present) return 0
  return (await sql.query<{ version: number }>('SELECT COALESCE(max(version), 0)::int AS version FROM wall_schema_migrations')).rows[0].version
}

/** Brings the database to the newest schema; a database newer than this code is refused (an older node must not write to it). */
export async function migratePostgres(pool: pg.Pool, migrations: readonly string[] = PG_MIGRATIONS): Promise<MigrationResult> {
  const client = await pool.connect()
  let from: number | null = null
  try {
    for (;;) {
      await client.query('BEGIN')
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()])
        await client.query(VERSION_TABLE)
        const current = await schemaVersion(client)
        from ??= current
        if (current > migrations.length) {
          throw new Error(`the database's schema is version ${current}, newer than this server knows (${migrations.length}): upgrade the server`)
        }
        if (current === migrations.length) {
          await client.query('COMMIT')
          return { from, to: current }
        }
        await client.query(migrations[current])
        await client.query('INSERT INTO wall_schema_migrations (version) VALUES ($1)', [current + 1])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    client.release()
  }
}
