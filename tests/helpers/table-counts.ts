// The row count of every table in a running server's wall.db, read through a second, read-only
// connection (WAL lets it read beside the writer): what a refused request must leave unchanged.
// Every table counts, so day tables of position history or a table added later are covered too;
// `meta` (the demo clock and similar bookkeeping) does not.
import path from 'node:path'
import Database from 'better-sqlite3'

export type TableCounts = Record<string, number>

export interface TableCounter {
  read(): TableCounts
  close(): void
}

export function openTableCounter(dataDir: string): TableCounter {
  const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'meta' ORDER BY name").pluck()
  return {
    read() {
      // One read transaction, so the counts are of one moment.
      return db.transaction(() => {
        const counts: TableCounts = {}
        for (const name of tables.all() as string[]) {
          const rows = db.prepare(`SELECT COUNT(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number
          // An empty table is no write: a day table created and left empty is not a partial write.
          if (rows > 0) counts[name] = rows
        }
        return counts
      })()
    },
    close: () => db.close(),
  }
}
