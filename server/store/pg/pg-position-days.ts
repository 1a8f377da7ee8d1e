// Position history's day partitions in PostgreSQL: one per China Standard Time day, named as the
// SQLite store names its day tables (positions_20261202), bounded by the day's first and next day's
// first epoch ms. Retention drops whole partitions: DROP TABLE costs the same whatever the day holds
// and leaves no dead rows for VACUUM, where DELETE could not keep up at ~115 M rows a day.
import { CST_OFFSET_MS, DAY_MS } from '../../domain/china-time'
import { cstDayNumber, dayTableName } from '../position-days'
import type { Sql } from './pg-pool'

const PARTITION_NAME = /^positions_(\d{4})(\d{2})(\d{2})$/

/** Epoch ms where a CST day (days since 1970-01-01 CST) begins. */
export function cstDayStartMs(day: number): number {
  return day * DAY_MS - CST_OFFSET_MS
}

/** Makes the partition of the CST day holding `at`, if missing; returns its name. */
export async function ensurePositionDay(sql: Sql, at: number): Promise<string> {
  const day = cstDayNumber(at)
  const name = dayTableName(day)
  await sql.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF positions
    FOR VALUES FROM (${cstDayStartMs(day)}) TO (${cstDayStartMs(day + 1)})`)
  return name
}

/** The CST days that have a partition, oldest first. */
export async function positionDays(sql: Sql): Promise<number[]> {
  const { rows } = await sql.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'positions'::regclass`)
  return rows.map((r) => PARTITION_NAME.exec(r.name))
    .filter((m): m is RegExpExecArray => m != null)
    .map((m) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS)
    .sort((a, b) => a - b)
}

/** Drops every day that ended by `before` (the day holding `before` stays whole); returns how many. */
export async function dropPositionDaysBefore(sql: Sql, before: number): Promise<number> {
  const expired = (await positionDays(sql)).filter((day) => day < cstDayNumber(before))
  // One statement per day: each takes the parent's lock only for its own short drop.
  for (const day of expired) await sql.query(`DROP TABLE IF EXISTS ${dayTableName(day)}`)
  return expired.length
}
