// The embedded default store: one SQLite file under DATA_DIR, in WAL mode. better-sqlite3 is
// synchronous, so when a write returns it is in the database: an HTTP handler that answers after it
// has acknowledged data that survives a crash (kill -9) of this process.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { AreaProfile, CaseTransition, EpochMs, InspectorInfo } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import type { CaseRecord } from '../domain/case-book'
import type { CaseQuery } from '../domain/case-query'
import { hasContact, type ReporterContact } from '../domain/reporter-contact'
import { caseFromRow, caseParams, caseUpdateFromRow, reporterFromRow, transitionsByCase, type CaseRow, type ReporterRow, type TransitionRow } from './case-rows'
import type { DeviceStore } from './device-store'
import { MIGRATIONS } from './migrations'
import { PositionDays } from './position-days'
import { createSqlitePartyStore, type PartyStore } from '../party/party-store'
import { createSqliteDeviceStore } from './sqlite-device-store'
import { areaFromRow, areaValues, fixFromRow, fixParams, PROFILE_COLUMNS, profileFromRow, wholeMs, type AreaRow, type FixRow, type ProfileRow } from './rows'
import type { CaseUpdateQuery, StoredCaseUpdate, StoredFix, TrailFix, WallStore } from './wall-store'

export function openSqliteStore(file: string): WallStore {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a crash of this process; only a power cut
  // may lose the last ones (better-sqlite3's and SQLite's documented trade-off).
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return new SqliteStore(db)
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      const migration = MIGRATIONS[version]
      if (typeof migration === 'string') db.exec(migration)
      else migration(db)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}

class SqliteStore implements WallStore {
  readonly devices: DeviceStore
  readonly party: PartyStore
  private readonly positionDays
  private readonly upsertLatest
  private readonly insertCase
  private readonly updateCase
  private readonly insertReporter
  private readonly insertTransition

  constructor(private readonly db: Database.Database) {
    const fixColumns = 'inspector_id, at, lng, lat, heading, speed, accuracy, battery, attributes'
    const fixValues = '@inspector_id, @at, @lng, @lat, @heading, @speed, @accuracy, @battery, @attributes'
    this.positionDays = new PositionDays(db)
    this.devices = createSqliteDeviceStore(db)
    this.party = createSqlitePartyStore(db)
    // The latest row only moves forward in time: a late fix goes to history, not to the live marker.
    this.upsertLatest = db.prepare(`INSERT INTO latest_positions (${fixColumns}) VALUES (${fixValues})
      ON CONFLICT (inspector_id) DO UPDATE SET at = excluded.at, lng = excluded.lng, lat = excluded.lat, heading = excluded.heading,
        speed = excluded.speed, accuracy = excluded.accuracy, battery = excluded.battery, attributes = excluded.attributes
      WHERE excluded.at > latest_positions.at`)
    // A report inserts (an id already stored is an error, never an overwrite); later changes update.
    this.insertCase = db.prepare(`INSERT INTO cases (id, category_code, source, grid_code, lng, lat, located, description, media_url,
      media_urls, attributes, address,
      step, reported_at, step_at, due_at, step_limit_minutes, deadline, rework_count, reporter_id, department, furthest,
      handle_due_at, handled_at, closed_at) VALUES (@id, @category_code, @source, @grid_code, @lng, @lat, @located, @description, @media_url,
      @media_urls, @attributes, @address,
      @step, @reported_at, @step_at, @due_at, @step_limit_minutes, @deadline, @rework_count, @reporter_id, @department, @furthest,
      @handle_due_at, @handled_at, @closed_at)`)
    this.updateCase = db.prepare(`UPDATE cases SET category_code = @category_code, source = @source, grid_code = @grid_code,
      lng = @lng, lat = @lat, located = @located, description = @description, media_url = @media_url, step = @step, reported_at = @reported_at,
      step_at = @step_at, due_at = @due_at, step_limit_minutes = @step_limit_minutes, deadline = @deadline,
      rework_count = @rework_count, reporter_id = @reporter_id, department = @department, furthest = @furthest,
      handle_due_at = @handle_due_at, handled_at = @handled_at, closed_at = @closed_at WHERE id = @id`)
    this.insertReporter = db.prepare(`INSERT INTO case_reporters (case_id, first_name, last_name, phone, email, account_id, device_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    this.insertTransition = db.prepare(`INSERT INTO case_transitions (case_id, seq, step, action, at, actor, note, media_url)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  }

  loadAreas(): AreaFeature[] | null {
    const rows = this.db.prepare('SELECT code, name, level, parent_code, geometry, extra FROM areas ORDER BY ord').all() as AreaRow[]
    return rows.length === 0 ? null : rows.map(areaFromRow)
  }

  replaceAreas(features: readonly AreaFeature[], profiles?: ReadonlyMap<string, AreaProfile>): void {
    const insert = this.db.prepare('INSERT INTO areas (code, name, level, parent_code, geometry, extra, ord) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM areas').run()
      features.forEach((f, i) => insert.run(...areaValues(f, i)))
      if (profiles) {
        this.db.prepare('DELETE FROM area_profiles').run()
        this.saveProfiles(profiles)
      }
    })()
  }

  loadProfiles(): Map<string, AreaProfile> {
    const rows = this.db.prepare('SELECT * FROM area_profiles').all() as ProfileRow[]
    return new Map(rows.map((r) => [r.code, profileFromRow(r)]))
  }

  saveProfiles(profiles: ReadonlyMap<string, AreaProfile>): void {
    const columns = PROFILE_COLUMNS.map(([, column]) => column)
    const upsert = this.db.prepare(`INSERT OR REPLACE INTO area_profiles (code, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`)
    this.db.transaction(() => {
      for (const [code, p] of profiles) upsert.run(code, ...PROFILE_COLUMNS.map(([key]) => p[key]))
    })()
  }

  loadInspectors(): InspectorInfo[] {
    return (this.db.prepare('SELECT id, device_id, name, grid_code FROM inspectors ORDER BY id').all() as
      { id: number; device_id: string; name: string; grid_code: string }[])
      .map((r) => ({ id: r.id, deviceId: r.device_id, name: r.name, gridCode: r.grid_code }))
  }

  saveInspector(info: InspectorInfo): void {
    this.db.prepare('INSERT OR REPLACE INTO inspectors (id, device_id, name, grid_code) VALUES (?, ?, ?, ?)')
      .run(info.id, info.deviceId, info.name, info.gridCode)
  }

  appendFixes(fixes: readonly StoredFix[]): void {
    if (fixes.length === 0) return
    this.db.transaction(() => {
      const rows = fixes.map(fixParams)
      this.positionDays.insert(rows)
      for (const row of rows) this.upsertLatest.run(row)
    })()
  }

  updateLatest(fixes: readonly StoredFix[]): void {
    if (fixes.length === 0) return
    this.db.transaction(() => {
      for (const fix of fixes) this.upsertLatest.run(fixParams(fix))
    })()
  }

  async loadLatestFixes(): Promise<StoredFix[]> {
    return (this.db.prepare('SELECT * FROM latest_positions ORDER BY inspector_id').all() as FixRow[]).map(fixFromRow)
  }

  async track(inspectorId: number, from: EpochMs, to: EpochMs): Promise<StoredFix[]> {
    return this.positionDays.between(inspectorId, from, to).map(fixFromRow)
  }

  async trailsBeforeLatest(windowMs: number, points: number): Promise<TrailFix[]> {
    // In process: a query per inspector costs microseconds here.
    const trails: TrailFix[] = []
    for (const latest of await this.loadLatestFixes()) {
      for (const row of this.positionDays.between(latest.inspectorId, latest.at - windowMs, latest.at - 1).slice(-points)) {
        const { inspectorId, at, lng, lat } = fixFromRow(row)
        trails.push({ inspectorId, at, lng, lat })
      }
    }
    return trails
  }

  async pruneFixes(before: EpochMs): Promise<number> {
    return this.positionDays.dropDaysBefore(before)
  }

  async discardFixesAfter(after: EpochMs): Promise<number> {
    return this.db.transaction(() => {
      // History only ever moves the latest fix forward, so whoever has a history fix after `after`
      // has a latest fix after it too: the small latest table says whose history to look at.
      const ids = this.db.prepare('SELECT inspector_id FROM latest_positions WHERE at > ?').pluck().all(after) as number[]
      const deleted = this.positionDays.deleteAfter(ids, after)
      const removeLatest = this.db.prepare('DELETE FROM latest_positions WHERE inspector_id = ?')
      for (const id of ids) {
        removeLatest.run(id)
        const newest = this.positionDays.newest(id)
        if (newest) this.upsertLatest.run(newest)
      }
      return deleted + ids.length
    })()
  }

  saveCase(record: CaseRecord, transition: CaseTransition | null, contact?: ReporterContact | null): void {
    this.db.transaction(() => {
      if (transition?.action === 'report') this.insertCase.run(caseParams(record))
      else if (this.updateCase.run(caseParams(record)).changes !== 1) throw new Error(`case ${record.id} is not in the store`)
      if (contact && hasContact(contact)) {
        this.insertReporter.run(record.id, contact.firstName, contact.lastName, contact.phone, contact.email, contact.accountId, contact.deviceId)
      }
      if (transition) {
        this.insertTransition.run(record.id, record.history.length - 1, transition.step, transition.action, wholeMs(transition.at), transition.actor, transition.note, transition.mediaUrl ?? null)
      }
    })()
  }

  lastCaseIdOfDay(day: string): string | null {
    // Ids are yyyyMMdd + at least 4 digits: the longest, then the greatest, is the last.
    const row = this.db.prepare(`SELECT id FROM cases WHERE id >= ? AND id < ? ORDER BY length(id) DESC, id DESC LIMIT 1`)
      .get(day, `${day}~`) as { id: string } | undefined
    return row?.id ?? null
  }

  async reporterContact(caseId: string): Promise<(ReporterContact & { legacyText: string | null }) | null> {
    const row = this.db.prepare('SELECT * FROM case_reporters WHERE case_id = ?').get(caseId) as ReporterRow | undefined
    return row ? reporterFromRow(row) : null
  }

  async loadCases(since: EpochMs): Promise<CaseRecord[]> {
    const rows = this.db.prepare(`SELECT * FROM cases WHERE step NOT IN ('closed', 'cancelled') OR step_at >= ? ORDER BY reported_at, id`).all(since) as CaseRow[]
    const transitions = this.db.prepare('SELECT * FROM case_transitions WHERE case_id = ? ORDER BY seq')
    return rows.map((row) => caseFromRow(row, transitions.all(row.id) as TransitionRow[]))
  }

  async findCases({ ids, categoryCodes, steps, reportedFrom, reportedTo, limit }: CaseQuery): Promise<CaseRecord[]> {
    // Fixed clauses, values bound: ids by primary key, a time window by cases_reported_at.
    const where: string[] = []
    const values: (string | number)[] = []
    const among = (column: string, list: readonly string[]) => {
      where.push(`${column} IN (SELECT value FROM json_each(?))`)
      values.push(JSON.stringify(list))
    }
    if (ids) among('id', ids)
    // Unary + keeps SQLite off the step index (no statistics to tell it 'reported' may be most rows):
    // the window is walked newest first and the walk stops at `limit` matches.
    if (categoryCodes) among('+category_code', categoryCodes)
    if (steps) among('+step', steps)
    if (reportedFrom != null) { where.push('reported_at >= ?'); values.push(reportedFrom) }
    if (reportedTo != null) { where.push('reported_at <= ?'); values.push(reportedTo) }
    const rows = this.db.prepare(`SELECT * FROM cases ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY reported_at DESC, id DESC LIMIT ?`).all(...values, limit) as CaseRow[]
    if (rows.length === 0) return []
    const transitions = this.db.prepare(`SELECT * FROM case_transitions WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq`)
      .all(JSON.stringify(rows.map((r) => r.id))) as TransitionRow[]
    const byCase = transitionsByCase(transitions)
    return rows.map((row) => caseFromRow(row, byCase.get(row.id) ?? []))
  }

  async caseUpdates({ from, to, source, limit }: CaseUpdateQuery): Promise<StoredCaseUpdate[]> {
    // By case_transitions_at: the window's lines, then their cases by primary key.
    const rows = this.db.prepare(`SELECT t.*, c.department FROM case_transitions t JOIN cases c ON c.id = t.case_id
      WHERE t.at >= ? AND t.at <= ? AND t.action <> 'report' AND c.source = ? ORDER BY t.at, t.case_id, t.seq LIMIT ?`)
      .all(from, to, source, limit) as (TransitionRow & { department: string | null })[]
    return rows.map(caseUpdateFromRow)
  }

  async clientUpdateSeq(caseId: string, clientUpdateId: string): Promise<number | null> {
    const row = this.db.prepare('SELECT seq FROM open311_client_updates WHERE case_id = ? AND client_update_id = ?')
      .get(caseId, clientUpdateId) as { seq: number } | undefined
    return row?.seq ?? null
  }

  saveClientUpdateSeq(caseId: string, clientUpdateId: string, seq: number): void {
    this.db.prepare('INSERT INTO open311_client_updates (case_id, client_update_id, seq) VALUES (?, ?, ?)').run(caseId, clientUpdateId, seq)
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  /** SQLite commits as it writes: nothing is ever waiting. */
  async flush(): Promise<void> {}

  writesMade(): number {
    return 0
  }

  close(): void {
    this.db.close()
  }
}
