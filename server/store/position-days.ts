// Position history in one SQLite table per China Standard Time day (`positions_20261202`, created
// when the day's first fix arrives). Retention drops whole days: DROP TABLE costs little whatever
// the day holds and puts its pages on the free list for the next days, where deleting rows could not
// keep up at city scale (~115 M rows a day; issue #15). A range reads only the days it spans.
import type Database from 'better-sqlite3'
import { CST_OFFSET_MS, DAY_MS } from '../domain/china-time'
import type { FixRow } from './rows'

const COLUMNS = 'inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes'
const VALUES = '@inspector_id, @at, @lng, @lat, @heading, @speed, @accuracy, @battery, @attributes'
const TABLE_NAME = /^positions_(\d{4})(\d{2})(\d{2})$/

/** Days since 1970-01-01 CST. */
export function cstDayNumber(at: number): number {
  return Math.floor((at + CST_OFFSET_MS) / DAY_MS)
}

export function dayTableName(day: number): string {
  return `positions_${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`
}

function dayOfTable(name: string): number | null {
  const m = TABLE_NAME.exec(name)
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null
}

export class PositionDays {
  private readonly statements = new Map<string, Database.Statement>()
  private readonly tableNames

  constructor(private readonly db: Database.Database) {
    this.tableNames = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'positions_[0-9]*'").pluck()
  }

  /** Inserts history rows (a fix already stored is kept as it is). Run inside a transaction. */
  insert(rows: readonly FixRow[]): void {
    const ready = new Set<number>()
    let day = Number.NaN
    let insert: Database.Statement | undefined
    for (const row of rows) {
      const rowDay = cstDayNumber(row.at)
      if (rowDay !== day) {
        day = rowDay
        if (!ready.has(day)) {
          // Asked of SQLite, not remembered: a rolled-back transaction takes a new table with it.
          this.statement(day, 'create', (t) => `CREATE TABLE IF NOT EXISTS ${t} (
            inspector_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            lng REAL NOT NULL, lat REAL NOT NULL, heading REAL, speed REAL, accuracy REAL, battery REAL,
            attributes TEXT,
            PRIMARY KEY (inspector_id, at)
          ) WITHOUT ROWID`).run()
          ready.add(day)
        }
        insert = this.statement(day, 'insert', (t) => `INSERT OR IGNORE INTO ${t} (${COLUMNS}) VALUES (${VALUES})`)
      }
      insert!.run(row)
    }
  }

  /** One inspector's rows between two times, oldest first. */
  between(inspectorId: number, from: number, to: number): FixRow[] {
    if (!(from <= to)) return []
    const first = cstDayNumber(from)
    const last = cstDayNumber(to)
    const rows: FixRow[] = []
    for (const day of this.days()) {
      if (day < first || day > last) continue
      const select = this.statement(day, 'between', (t) => `SELECT * FROM ${t} WHERE inspector_id = ? AND at BETWEEN ? AND ? ORDER BY at`)
      rows.push(...(select.all(inspectorId, from, to) as FixRow[]))
    }
    return rows
  }

  /** The inspector's newest row in history, if any. */
  newest(inspectorId: number): FixRow | undefined {
    for (const day of this.days().reverse()) {
      const row = this.statement(day, 'newest', (t) => `SELECT * FROM ${t} WHERE inspector_id = ? ORDER BY at DESC LIMIT 1`).get(inspectorId) as FixRow | undefined
      if (row) return row
    }
    return undefined
  }

  /** Drops every day that ended by `before` (the day holding `before` stays whole); returns how many. */
  dropDaysBefore(before: number): number {
    const expired = this.days().filter((day) => day < cstDayNumber(before))
    // One transaction per day, so pruning a backlog never holds the write lock for long.
    for (const day of expired) this.db.transaction(() => this.drop(day))()
    return expired.length
  }

  /**
   * Deletes the given inspectors' rows after `after` (days that end up empty are dropped); returns
   * how many rows went. Run inside a transaction.
   */
  deleteAfter(inspectorIds: readonly number[], after: number): number {
    let deleted = 0
    for (const day of this.days().filter((d) => d >= cstDayNumber(after))) {
      const remove = this.statement(day, 'deleteAfter', (t) => `DELETE FROM ${t} WHERE inspector_id = ? AND at > ?`)
      for (const id of inspectorIds) deleted += remove.run(id, after).changes
      if (!this.statement(day, 'any', (t) => `SELECT 1 FROM ${t} LIMIT 1`).get()) this.drop(day)
    }
    return deleted
  }

  /** The days that have a table, oldest first. */
  private days(): number[] {
    return (this.tableNames.all() as string[]).map(dayOfTable).filter((d): d is number => d != null).sort((a, b) => a - b)
  }

  private drop(day: number): void {
    const table = dayTableName(day)
    for (const key of [...this.statements.keys()]) if (key.startsWith(`${table} `)) this.statements.delete(key)
    this.db.exec(`DROP TABLE IF EXISTS ${table}`)
  }

  /** Prepared once per day table and kind (SQLite re-prepares it if the table is dropped and made again). */
  private statement(day: number, kind: string, sql: (table: string) => string): Database.Statement {
    const table = dayTableName(day)
    const key = `${table} ${kind}`
    let statement = this.statements.get(key)
    if (!statement) {
      statement = this.db.prepare(sql(table))
      this.statements.set(key, statement)
    }
    return statement
  }
}
