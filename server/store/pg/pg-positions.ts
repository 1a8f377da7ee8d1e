// Position history and latest fixes in PostgreSQL. A batch goes in as a few statements whatever its
// size: each column is bound as one array parameter and unnested by the server
// (INSERT … SELECT FROM unnest($1::int[], …)), where a row-by-row INSERT costs a round trip and a
// parse per fix (tests/bench/pg-position-ingest.ts measures both). Same semantics as the SQLite store:
// a fix already in history (inspector, time) is a duplicate and ignored; an inspector's latest fix
// only moves forward in time; the whole batch commits or none of it.
import type pg from 'pg'
import { cstDayNumber } from '../position-days'
import { fixFromRow, fixParams, type FixRow } from '../rows'
import type { StoredFix, TrailFix } from '../wall-store'
import { ensurePositionDay } from './pg-position-days'
import { toColumns } from './pg-columns'
import type { Sql } from './pg-pool'

const COLUMNS = 'inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes'
/** JSON read back as text, the form the shared row mapper parses. */
const SELECTED = 'inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes::text AS attributes'
const UNNEST = 'unnest($1::int[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::jsonb[])'

const INSERT_HISTORY = `INSERT INTO positions (${COLUMNS}) SELECT * FROM ${UNNEST} ON CONFLICT (inspector_id, at) DO NOTHING`
const UPSERT_LATEST = `INSERT INTO latest_positions (${COLUMNS}) SELECT * FROM ${UNNEST}
  ON CONFLICT (inspector_id) DO UPDATE SET at = excluded.at, lng = excluded.lng, lat = excluded.lat, heading = excluded.heading,
    speed = excluded.speed, accuracy = excluded.accuracy, battery = excluded.battery, attributes = excluded.attributes
  WHERE excluded.at > latest_positions.at`


/** The nine column arrays of `fixes`, in COLUMNS order (the values the SQLite store binds). */
const columnArrays = (fixes: readonly StoredFix[]): unknown[][] => toColumns(fixes.map((f) => Object.values(fixParams(f))), 9)

/** Each inspector's newest fix of the batch (ON CONFLICT may not touch one row twice in a statement). */
function newestPerInspector(fixes: readonly StoredFix[]): StoredFix[] {
  const newest = new Map<number, StoredFix>()
  for (const f of fixes) {
    const had = newest.get(f.inspectorId)
    if (!had || f.at > had.at) newest.set(f.inspectorId, f)
  }
  return [...newest.values()]
}

export interface PgPositions {
  /**
   * Appends `history` (and moves the latest fixes forward with it and with `latestOnly`), in one
   * transaction: resolved means committed.
   */
  write(history: readonly StoredFix[], latestOnly: readonly StoredFix[]): Promise<void>
  /** The same statements inside the caller's transaction (the leader's write queue). */
  writeOn(sql: Sql, history: readonly StoredFix[], latestOnly: readonly StoredFix[]): Promise<void>
  /**
   * Removes fixes stamped after `after` from history and latest (inside the caller's transaction); a
   * latest fix falls back to the newest left in history. Returns how many fixes went.
   */
  discardAfter(sql: Sql, after: number): Promise<number>
  /** The newest fix of every inspector. */
  latest(): Promise<StoredFix[]>
  /** One inspector's history between two times (inclusive), oldest first. */
  track(inspectorId: number, from: number, to: number): Promise<StoredFix[]>
  /** Every inspector's last `points` history fixes in the `windowMs` before its latest fix, by inspector, oldest first. */
  trailsBeforeLatest(windowMs: number, points: number): Promise<TrailFix[]>
  /** Forget the day partitions known to exist (after retention dropped some). */
  forgetDays(): void
}

export function createPgPositions(pool: pg.Pool): PgPositions {
  /** CST days whose partition this node made or found: the common batch asks nothing extra. */
  const knownDays = new Set<number>()

  async function ensureDays(sql: Sql, fixes: readonly StoredFix[]): Promise<void> {
    const days = new Map<number, number>()
    for (const f of fixes) {
      const day = cstDayNumber(f.at)
      if (!knownDays.has(day) && !days.has(day)) days.set(day, f.at)
    }
    for (const at of days.values()) await ensurePositionDay(sql, at)
  }

  async function writeOn(sql: Sql, history: readonly StoredFix[], latestOnly: readonly StoredFix[]): Promise<void> {
    if (history.length === 0 && latestOnly.length === 0) return
    await ensureDays(sql, history)
    if (history.length > 0) await sql.query(INSERT_HISTORY, columnArrays(history))
    await sql.query(UPSERT_LATEST, columnArrays(newestPerInspector([...history, ...latestOnly])))
    // Made (or found) in this transaction: if it rolls back, the queue fails for good and this node resigns.
    for (const f of history) knownDays.add(cstDayNumber(f.at))
  }

  return {
    writeOn,
    async discardAfter(sql, after) {
      const { rows } = await sql.query<{ inspector_id: number }>('DELETE FROM latest_positions WHERE at > $1 RETURNING inspector_id', [Math.floor(after)])
      if (rows.length === 0) return 0
      // History only moves the latest fix forward: whoever has history after `after` had a latest fix after it too.
      const ids = rows.map((r) => r.inspector_id)
      const deleted = await sql.query('DELETE FROM positions WHERE inspector_id = ANY($1::int[]) AND at > $2', [ids, Math.floor(after)])
      await sql.query(`INSERT INTO latest_positions (${COLUMNS}) SELECT DISTINCT ON (inspector_id) ${COLUMNS} FROM positions
        WHERE inspector_id = ANY($1::int[]) ORDER BY inspector_id, at DESC`, [ids])
      return (deleted.rowCount ?? 0) + ids.length
    },
    async write(history, latestOnly) {
      if (history.length === 0 && latestOnly.length === 0) return
      const client = await pool.connect()
      const before = new Set(knownDays)
      try {
        await client.query('BEGIN')
        await writeOn(client, history, latestOnly)
        await client.query('COMMIT')
      } catch (error) {
        // Days noted inside the rolled-back transaction were never made.
        knownDays.clear()
        for (const day of before) knownDays.add(day)
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    async latest() {
      const { rows } = await pool.query<FixRow>(`SELECT ${SELECTED} FROM latest_positions ORDER BY inspector_id`)
      return rows.map(fixFromRow)
    },
    async track(inspectorId, from, to) {
      const { rows } = await pool.query<FixRow>(
        `SELECT ${SELECTED} FROM positions WHERE inspector_id = $1 AND at BETWEEN $2 AND $3 ORDER BY at`, [inspectorId, Math.ceil(from), Math.floor(to)])
      return rows.map(fixFromRow)
    },
    async trailsBeforeLatest(windowMs, points) {
      // One statement: per latest fix, an index range on (inspector_id, at) in the day partitions it touches.
      // Four columns as arrays (rowMode 'array'): 20,000 trails are ~400,000 points to parse.
      const { rows } = await pool.query<[number, number, number, number]>({
        text: `SELECT t.inspector_id, t.at, t.lng, t.lat FROM latest_positions l CROSS JOIN LATERAL (
            SELECT p.inspector_id, p.at, p.lng, p.lat FROM positions p WHERE p.inspector_id = l.inspector_id AND p.at >= l.at - $1 AND p.at < l.at
            ORDER BY p.at DESC LIMIT $2) t
          ORDER BY t.inspector_id, t.at`,
        values: [Math.floor(windowMs), points],
        rowMode: 'array',
      })
      return rows.map(([inspectorId, at, lng, lat]) => ({ inspectorId, at, lng, lat }))
    },
    forgetDays() {
      knownDays.clear()
    },
  }
}
