// Migration: the single `positions` history table becomes one table per CST day (see
// position-days.ts). Code, not SQL, because the tables' names come from the data. Frozen with the
// migration: it keeps its own copy of the day table's definition as it was when it shipped.
import type Database from 'better-sqlite3'

const CST_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
const COLUMNS = 'inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes'

export function splitPositionsByDay(db: Database.Database): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'positions'").get()) return
  // Day by day, jumping over empty days along the positions_at index.
  const firstFrom = db.prepare('SELECT MIN(at) FROM positions WHERE at >= ?').pluck()
  let next = firstFrom.get(Number.MIN_SAFE_INTEGER) as number | null
  while (next != null) {
    const day = Math.floor((next + CST_OFFSET_MS) / DAY_MS)
    const start = day * DAY_MS - CST_OFFSET_MS
    const table = `positions_${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      inspector_id INTEGER NOT NULL,
      at INTEGER NOT NULL,
      lng REAL NOT NULL, lat REAL NOT NULL, heading REAL, speed REAL, accuracy REAL, battery REAL,
      attributes TEXT,
      PRIMARY KEY (inspector_id, at)
    ) WITHOUT ROWID`)
    db.prepare(`INSERT OR IGNORE INTO ${table} (${COLUMNS}) SELECT ${COLUMNS} FROM positions WHERE at >= ? AND at < ? ORDER BY inspector_id, at`)
      .run(start, start + DAY_MS)
    next = firstFrom.get(start + DAY_MS) as number | null
  }
  db.exec('DROP TABLE positions')
}
