// The party tables of a running server's wall.db, read through a second, read-only connection (WAL
// lets it read beside the writer): every row of the organisations, projects and their history, so a
// refused write can be shown to have changed nothing, not even a row updated in place.
import path from 'node:path'
import Database from 'better-sqlite3'

const TABLES = ['party_orgs', 'party_projects', 'party_project_transitions'] as const

export function openPartyTables(dataDir: string) {
  const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Record<string, unknown>[]
  return {
    /** Every row of the three tables, in a fixed order. */
    read: () => db.transaction(() => Object.fromEntries(TABLES.map((t) => [t, all(`SELECT * FROM ${t} ORDER BY 1, 2`)])))(),
    orgs: () => all('SELECT * FROM party_orgs ORDER BY ord'),
    projectRows: () => (db.prepare('SELECT COUNT(*) FROM party_projects').pluck().get() as number),
    project: (id: string) => db.prepare('SELECT * FROM party_projects WHERE id = ?').get(id) as Record<string, unknown> | undefined,
    transitions: (id: string) => all('SELECT * FROM party_project_transitions WHERE project_id = ? ORDER BY seq', id),
    close: () => db.close(),
  }
}
