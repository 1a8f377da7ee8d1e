// The schema of 党建引领 and the 12345 follow-ups (issue #14), in the wall's own database file. It is
// versioned on its own (meta key party_schema_version) rather than in store/migrations.ts, so its
// steps never race another feature's appended step for a user_version number. Append; never edit.
import type Database from 'better-sqlite3'

export const PARTY_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE party_orgs (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('streetWorkCommittee', 'communityCommittee', 'gridGeneralBranch', 'estateBranch', 'buildingGroup')),
    parent_code TEXT, area_code TEXT NOT NULL, place TEXT, secretary TEXT NOT NULL,
    members_employed INTEGER NOT NULL, members_resident INTEGER NOT NULL, members_stationed INTEGER NOT NULL,
    vanguard_posts INTEGER NOT NULL, double_reported INTEGER NOT NULL,
    ord INTEGER NOT NULL
  );
  CREATE TABLE party_projects (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL, description TEXT NOT NULL, origin TEXT NOT NULL CHECK (origin IN ('case', 'own')), case_id TEXT,
    branch_code TEXT NOT NULL, branch_name TEXT NOT NULL, grid_code TEXT NOT NULL,
    lead_members TEXT NOT NULL,      -- JSON array of names
    step TEXT NOT NULL, created_at INTEGER NOT NULL, step_at INTEGER NOT NULL, deadline_at INTEGER NOT NULL, rating TEXT
  );
  CREATE TABLE party_project_transitions (
    project_id TEXT NOT NULL REFERENCES party_projects (id),
    seq INTEGER NOT NULL,
    step TEXT NOT NULL, action TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL, note TEXT,
    PRIMARY KEY (project_id, seq)
  ) WITHOUT ROWID;
  -- A 12345 case's 先行联系 / 实际解决 / 满意度, beside the case rather than on it.
  CREATE TABLE hotline_follow_ups (
    case_id TEXT PRIMARY KEY,
    first_contact_at INTEGER, resolved INTEGER CHECK (resolved IN (0, 1)), satisfaction TEXT, updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
]

const VERSION_KEY = 'party_schema_version'

/** Brings the party tables up to date, one transaction per step. Needs the wall's meta table. */
export function migrateParty(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(VERSION_KEY) as { value: string } | undefined
  for (let version = row ? Number(row.value) : 0; version < PARTY_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(PARTY_MIGRATIONS[version])
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(VERSION_KEY, String(version + 1))
    })()
  }
}
