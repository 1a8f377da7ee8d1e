// Position batches into PostgreSQL (issue #12): the unnest batch of server/store/pg/pg-positions.ts
// beside the naive way (one INSERT and one latest upsert per fix, in one transaction per batch, as
// the SQLite store runs its prepared statements), in the same run on a PostgreSQL 15 + PostGIS the
// script starts (tests/helpers/start-postgres.ts). Budget: ≥ 20,000 positions/s through the batch API
// (PRODUCT.md); this measures the store's share of it.
//   npx tsx tests/bench/pg-position-ingest.ts [--fixes 200000] [--batch 5000] [--inspectors 2000]
import type pg from 'pg'
import { migratePostgres } from '../../server/store/pg/pg-migrations'
import { openPgPool } from '../../server/store/pg/pg-pool'
import { ensurePositionDay } from '../../server/store/pg/pg-position-days'
import { createPgPositions } from '../../server/store/pg/pg-positions'
import type { StoredFix } from '../../server/store/wall-store'
import { startPostgres } from '../helpers/start-postgres'

const BUDGET_PER_S = 20_000

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer, got ${process.argv[at + 1]}`)
  return value
}

/** `total` fixes of `inspectors` phones, one every 5 s each, from 08:00 CST of a fixed day. */
function makeFixes(total: number, inspectors: number): StoredFix[] {
  const start = Date.parse('2026-12-02T08:00:00+08:00')
  return Array.from({ length: total }, (_, i) => {
    const inspectorId = 1 + (i % inspectors)
    const step = Math.floor(i / inspectors)
    return {
      inspectorId, at: start + step * 5000, heading: (step * 7) % 360,
      lng: 119.28 + (inspectorId % 100) / 1000 + step * 1e-5, lat: 26.06 + Math.floor(inspectorId / 100) / 1000,
      speed: 1.2, accuracy: 6, battery: 0.8, attributes: null,
    }
  })
}

const NAIVE_HISTORY = `INSERT INTO positions (inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (inspector_id, at) DO NOTHING`
const NAIVE_LATEST = `INSERT INTO latest_positions (inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (inspector_id) DO UPDATE SET at = excluded.at, lng = excluded.lng, lat = excluded.lat, heading = excluded.heading,
    speed = excluded.speed, accuracy = excluded.accuracy, battery = excluded.battery, attributes = excluded.attributes
  WHERE excluded.at > latest_positions.at`

/** Today's way translated: a statement per fix (prepared once by name), one transaction per batch. */
async function naiveWrite(pool: pg.Pool, batch: readonly StoredFix[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const f of batch) {
      const values = [f.inspectorId, f.at, f.lng, f.lat, f.heading, f.speed ?? null, f.accuracy ?? null, f.battery ?? null, null]
      await client.query({ name: 'naive-history', text: NAIVE_HISTORY, values })
      await client.query({ name: 'naive-latest', text: NAIVE_LATEST, values })
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

async function timed(label: string, fixes: readonly StoredFix[], batchSize: number, write: (batch: readonly StoredFix[]) => Promise<void>) {
  const perBatch: number[] = []
  const started = performance.now()
  for (let i = 0; i < fixes.length; i += batchSize) {
    const t = performance.now()
    await write(fixes.slice(i, i + batchSize))
    perBatch.push(performance.now() - t)
  }
  const seconds = (performance.now() - started) / 1000
  perBatch.sort((a, b) => a - b)
  return {
    way: label, fixes: fixes.length, seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(fixes.length / seconds),
    batchMedianMs: Math.round(perBatch[Math.floor(perBatch.length / 2)]),
    batchMaxMs: Math.round(perBatch[perBatch.length - 1]),
  }
}

async function main() {
  const total = option('fixes', 200_000)
  const batchSize = option('batch', 5000)
  const inspectors = option('inspectors', 2000)
  // Durable: fsync on, as a centre runs it; a commit waits for the disk.
  const server = await startPostgres({ durable: true })
  const pool = openPgPool(server.url, { max: 4 })
  try {
    await migratePostgres(pool)
    const fixes = makeFixes(total, inspectors)
    // The naive way makes no partitions: the days the run covers exist before either way starts.
    for (const at of new Set([fixes[0].at - 3600_000, fixes[fixes.length - 1].at])) await ensurePositionDay(pool, at)
    const positions = createPgPositions(pool)
    const results = []
    // Each way on empty tables (a warm-up batch first, so both start with the day's partition made).
    for (const [label, write] of [
      ['naive: a statement per fix', (b: readonly StoredFix[]) => naiveWrite(pool, b)],
      ['unnest batch (pg-positions.ts)', (b: readonly StoredFix[]) => positions.write(b, [])],
    ] as const) {
      await pool.query('TRUNCATE positions, latest_positions')
      await write(makeFixes(inspectors, inspectors).map((f) => ({ ...f, at: f.at - 3600_000 })))
      results.push(await timed(label, fixes, batchSize, write))
    }
    const stored = Number((await pool.query('SELECT count(*) AS n FROM positions')).rows[0].n)
    console.log(JSON.stringify({
      durable: true,
      postgres: (await pool.query('SHOW server_version')).rows[0].server_version,
      fixes: total, batch: batchSize, inspectors, budgetPerSecond: BUDGET_PER_S,
      results: results.map((r) => ({ ...r, withinBudget: r.perSecond >= BUDGET_PER_S })),
      speedUp: Math.round((results[1].perSecond / results[0].perSecond) * 10) / 10,
      storedAfterLastWay: stored,
    }, null, 2))
    if (stored !== total + inspectors) throw new Error(`expected ${total + inspectors} rows after the last way, found ${stored}`)
  } finally {
    await pool.end()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
