// Rows the server writes to position history under the steady load, counted in its wall.db (a
// read-only connection beside the server) or, on PostgreSQL, in its positions table, and what a day of them means for retention: the store
// drops a whole day's table once it ages out; before, it deleted 50,000 rows every 10 minutes.
// What dropping or deleting a day costs is measured by tests/bench/retention.ts.
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { round } from './stats'

const OLD_PRUNE_PER_DAY = 50_000 * 6 * 24

export interface HistorySample {
  rows: number
  /** performance.now() */
  at: number
}

/** On PostgreSQL (bench --store postgres): the day partitions of `positions`, counted through the parent. */
export async function samplePgHistory(databaseUrl: string): Promise<HistorySample> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM positions')
    return { rows: Number(rows[0].n), at: performance.now() }
  } finally {
    await client.end()
  }
}

export function sampleHistory(dataDir: string): HistorySample {
  const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'positions_[0-9]*'").pluck().all() as string[]
    const rows = tables.reduce((n, t) => n + (db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number), 0)
    return { rows, at: performance.now() }
  } finally {
    db.close()
  }
}

export function historyRate(first: HistorySample, last: HistorySample, inspectors: number, positionsPerSecond: number) {
  const seconds = (last.at - first.at) / 1000
  const perSecond = (last.rows - first.rows) / seconds
  const perDay = perSecond * 86_400
  return {
    window: 'steady load of the fan-out phase, from one report period after it started to its end',
    seconds: round(seconds, 1),
    historyRowsWritten: last.rows - first.rows,
    rowsPerSecond: round(perSecond, 0),
    rowsPerDay: round(perDay, 0),
    rowsPerInspectorPerDay: round(perDay / inspectors, 0),
    keptShareOfFixes: round(perSecond / positionsPerSecond, 2),
    prunedPerDay: {
      now: round(perDay, 0),
      nowHow: 'a whole day table is dropped when it ages out: each day, the day that left the retention, all of it',
      before: OLD_PRUNE_PER_DAY,
      beforeHow: 'DELETE … LIMIT 50,000 every 10 min',
      beforeBacklogPerDay: round(Math.max(0, perDay - OLD_PRUNE_PER_DAY), 0),
    },
    dropVsDeleteCost: 'npx tsx tests/bench/retention.ts',
  }
}
