// The row count of every table in a running server's wall.db, read through a second, read-only
// connection (WAL lets it read beside the writer): what a refused request must leave unchanged.
// Every table counts, so day tables of position history or a table added later are covered too;
// `meta` (the demo clock and similar bookkeeping) does not. Tables whose rows are updated in place
// (a case's step, a marker's latest fix, statistics) also get a digest of their rows, since an
// update changes no count.
import { createHash } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'

export type TableCounts = Record<string, number | string>

export interface TableCounter {
  read(): TableCounts
  close(): void
}

/**
 * Tables digested, with the columns left out: a case's deadline state is re-judged by a timer, and
 * an area's geometry text is large (its length is digested instead).
 */
const DIGESTED: Record<string, { skip: string[]; extra?: string }> = {
  cases: { skip: ['deadline'] },
  latest_positions: { skip: [] },
  area_profiles: { skip: [] },
  inspectors: { skip: [] },
  areas: { skip: ['geometry'], extra: 'length(geometry)' },
  device_state: { skip: [] },
  device_alarms: { skip: [] },
}

export function openTableCounter(dataDir: string): TableCounter {
  const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'meta' ORDER BY name").pluck()
  return {
    read() {
      // One read transaction, so the figures are of one moment.
      return db.transaction(() => {
        const counts: TableCounts = {}
        for (const name of tables.all() as string[]) {
          const quoted = `"${name.replaceAll('"', '""')}"`
          const rows = db.prepare(`SELECT COUNT(*) FROM ${quoted}`).pluck().get() as number
          // An empty table is no write: a day table created and left empty is not a partial write.
          if (rows === 0) continue
          counts[name] = rows
          const digested = DIGESTED[name]
          if (digested) {
            const names = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter((c) => !digested.skip.includes(c))
            const columns = [...names.map((c) => `"${c}"`), ...(digested.extra ? [digested.extra] : [])].join(', ')
            const all = db.prepare(`SELECT ${columns} FROM ${quoted} ORDER BY 1`).raw().all()
            counts[`${name} (digest)`] = createHash('sha1').update(JSON.stringify(all)).digest('hex')
          }
        }
        return counts
      })()
    },
    close: () => db.close(),
  }
}
