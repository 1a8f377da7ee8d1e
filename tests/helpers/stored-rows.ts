// What a wall.db holds, read straight from the file through a read-only connection (beside a running
// server or after it died): position history whatever its layout (one `positions` table, or one
// table per day), the latest fixes, the cases and their transitions. For crash tests that must see
// the database itself, not what a restarted server chose to load.
import path from 'node:path'
import Database from 'better-sqlite3'

export interface StoredCase {
  step: string
  description: string
  /** seq order: the report first. */
  transitions: { seq: number; step: string; action: string }[]
}

export interface StoredRows {
  /** `${inspectorId}@${at}` → [lng, lat] */
  history: Map<string, [number, number]>
  /** inspector id → the time of its latest fix */
  latestAt: Map<number, number>
  cases: Map<string, StoredCase>
}

export const fixKey = (inspectorId: number, at: number) => `${inspectorId}@${at}`

export function readStoredRows(dataDir: string): StoredRows {
  const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
  try {
    return db.transaction(() => {
      const history = new Map<string, [number, number]>()
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name = 'positions' OR name GLOB 'positions_[0-9]*')").pluck().all() as string[]
      for (const table of tables) {
        for (const [id, at, lng, lat] of db.prepare(`SELECT inspector_id, at, lng, lat FROM "${table}"`).raw().all() as [number, number, number, number][]) {
          history.set(fixKey(id, at), [lng, lat])
        }
      }
      const latestAt = new Map(db.prepare('SELECT inspector_id, at FROM latest_positions').raw().all() as [number, number][])
      const cases = new Map<string, StoredCase>()
      for (const [id, step, description] of db.prepare('SELECT id, step, description FROM cases').raw().all() as [string, string, string][]) {
        cases.set(id, { step, description, transitions: [] })
      }
      for (const [caseId, seq, step, action] of db.prepare('SELECT case_id, seq, step, action FROM case_transitions ORDER BY case_id, seq').raw().all() as [string, number, string, string][]) {
        const stored = cases.get(caseId)
        // A transition without its case is a half-write too: keep it visible to the test.
        if (stored) stored.transitions.push({ seq, step, action })
        else cases.set(caseId, { step: '(no case row)', description: '', transitions: [{ seq, step, action }] })
      }
      return { history, latestAt, cases }
    })()
  } finally {
    db.close()
  }
}
