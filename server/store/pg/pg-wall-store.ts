// The WallStore over PostgreSQL (DATABASE_URL), for the node that leads (pg-leader-lease). The domain
// writes synchronously, as to SQLite; here each write is appended to the write queue and committed in
// order, many writes per transaction, fenced by the lease. Nothing is acknowledged before its commit:
// every HTTP answer waits for flush() (answer-after-commit.ts), and the queue is flushed every
// FLUSH_EVERY_MS for what no request waits on (the simulator, deadlines). Small tables the domain reads
// synchronously (areas, statistics, inspectors, meta, each day's last 案卷号) are read once at open and
// kept in step with the writes; history (tracks, old cases, updates, readings) is read from
// PostgreSQL after the queue has committed what came before, so a read never misses a write it follows.
import type pg from 'pg'
import type { AreaProfile, CaseTransition, EpochMs, InspectorInfo } from '../../contract/domain'
import type { AreaFeature } from '../../domain/area-tree'
import type { CaseRecord } from '../../domain/case-book'
import type { ReporterContact } from '../../domain/reporter-contact'
import type { PartyStore } from '../../party/party-store'
import type { DeviceStore } from '../device-store'
import type { StoredFix, WallStore } from '../wall-store'
import { LastIdOfDay } from './last-id-of-day'
import * as areas from './pg-areas'
import * as cases from './pg-cases'
import { openPgDeviceStore } from './pg-device-store'
import * as people from './pg-inspectors'
import { migratePostgres } from './pg-migrations'
import { openPgPartyStore } from './pg-party-store'
import { openPgPool, type Sql } from './pg-pool'
import { dropPositionDaysBefore } from './pg-position-days'
import { createPgPositions } from './pg-positions'
import { createPgWriteQueue, type WriteQueue } from './pg-write-queue'

/** What no request waits on is committed at least this often. */
const FLUSH_EVERY_MS = 200
/** yyyyMMdd. */
const CASE_DAY_PREFIX = 8

export interface PgWallStore extends WallStore {
  readonly pool: pg.Pool
  readonly queue: WriteQueue
  /** Whether PostgreSQL answers (health, metrics): the round trip in ms. */
  ping(): Promise<number>
  /** Commits what is queued, then closes the pool. */
  end(): Promise<void>
}

export interface PgWallStoreOptions {
  /** Runs first in every write transaction (the leader lease's fence). */
  fence?: (sql: Sql) => Promise<void>
  /** A commit failed: memory is ahead of PostgreSQL, so the node must resign (the app exits). */
  onFailed?: (error: Error) => void
  poolSize?: number
}

export async function openPgWallStore(connectionString: string, { fence, onFailed, poolSize = 10 }: PgWallStoreOptions = {}): Promise<PgWallStore> {
  const pool = openPgPool(connectionString, { max: poolSize })
  try {
    await migratePostgres(pool)
    return await loadPgWallStore(pool, createPgWriteQueue(pool, { fence, onFailed }))
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
}

async function loadPgWallStore(pool: pg.Pool, queue: WriteQueue): Promise<PgWallStore> {
  const positions = createPgPositions(pool)
  let areaCache = await areas.loadAreas(pool)
  const profileCache = await areas.loadProfiles(pool)
  const inspectorCache = new Map((await people.loadInspectors(pool)).map((i) => [i.id, i]))
  const metaCache = new Map((await pool.query<{ key: string; value: string }>('SELECT key, value FROM meta')).rows.map((r) => [r.key, r.value]))
  const caseIds = new LastIdOfDay(CASE_DAY_PREFIX)
  await caseIds.load(pool, 'cases')

  /** A read of history: after everything written before it is committed. */
  const read = async <T>(query: (sql: Sql) => Promise<T>): Promise<T> => {
    await queue.flush()
    return query(pool)
  }
  const devices: DeviceStore = await openPgDeviceStore(pool, queue, read)
  const party: PartyStore = await openPgPartyStore(pool, queue)

  const timer = setInterval(() => {
    if (queue.pending > 0 && !queue.failed) queue.flush().catch(() => {}) // onFailed has it
  }, FLUSH_EVERY_MS)
  timer.unref()
  async function end(): Promise<void> {
    clearInterval(timer)
    await queue.flush().catch(() => {})
    await pool.end()
  }

  return {
    pool, queue, devices, party,
    async ping() {
      const started = performance.now()
      await pool.query('SELECT 1')
      return performance.now() - started
    },

    loadAreas: () => areaCache && structuredClone(areaCache),
    replaceAreas(features: readonly AreaFeature[], profiles?: ReadonlyMap<string, AreaProfile>) {
      const copy = structuredClone([...features])
      const statistics = profiles && new Map(profiles)
      queue.append((tx) => areas.replaceAreas(tx, copy, statistics))
      areaCache = copy.length > 0 ? copy : null
      if (statistics) {
        profileCache.clear()
        for (const [code, p] of statistics) profileCache.set(code, { ...p })
      }
    },
    loadProfiles: () => new Map([...profileCache].map(([code, p]) => [code, { ...p }])),
    saveProfiles(profiles: ReadonlyMap<string, AreaProfile>) {
      const copy = new Map([...profiles].map(([code, p]) => [code, { ...p }]))
      queue.append((tx) => areas.saveProfiles(tx, copy))
      for (const [code, p] of copy) profileCache.set(code, p)
    },

    loadInspectors: () => [...inspectorCache.values()].map((i) => ({ ...i })),
    saveInspector(info: InspectorInfo) {
      const copy = { ...info }
      queue.append((tx) => people.saveInspector(tx, copy))
      for (const [id, other] of inspectorCache) if (other.deviceId === copy.deviceId && id !== copy.id) inspectorCache.delete(id)
      inspectorCache.set(copy.id, copy)
    },

    appendFixes(fixes: readonly StoredFix[]) {
      const copy = fixes.map((f) => ({ ...f }))
      queue.append((tx) => positions.writeOn(tx, copy, []))
    },
    updateLatest(fixes: readonly StoredFix[]) {
      const copy = fixes.map((f) => ({ ...f }))
      queue.append((tx) => positions.writeOn(tx, [], copy))
    },
    loadLatestFixes: () => read(() => positions.latest()),
    track: (inspectorId, from, to) => read(() => positions.track(inspectorId, from, to)),
    trailsBeforeLatest: (windowMs, points) => read(() => positions.trailsBeforeLatest(windowMs, points)),
    async pruneFixes(before: EpochMs) {
      let dropped = 0
      queue.append(async (tx) => { dropped = await dropPositionDaysBefore(tx, before) })
      await queue.flush()
      positions.forgetDays()
      return dropped
    },
    async discardFixesAfter(after: EpochMs) {
      let discarded = 0
      queue.append(async (tx) => { discarded = await positions.discardAfter(tx, after) })
      await queue.flush()
      return discarded
    },

    saveCase(record: CaseRecord, transition: CaseTransition | null, contact?: ReporterContact | null) {
      // Copies: the book goes on changing its record after this returns; the queue commits later.
      const copy = structuredClone(record)
      const line = transition && { ...transition }
      const who = contact ? { ...contact } : contact
      queue.append((tx) => cases.saveCase(tx, copy, line, who))
      caseIds.note(copy.id)
    },
    lastCaseIdOfDay: (day: string) => caseIds.last(day),
    reporterContact: (caseId) => read((q) => cases.reporterContact(q, caseId)),
    loadCases: (since) => read((q) => cases.loadCases(q, since)),
    findCases: (query) => read((q) => cases.findCases(q, query)),
    caseUpdates: (query) => read((q) => cases.caseUpdates(q, query)),
    clientUpdateSeq: (caseId, clientUpdateId) => read((q) => cases.clientUpdateSeq(q, caseId, clientUpdateId)),
    saveClientUpdateSeq(caseId: string, clientUpdateId: string, seq: number) {
      queue.append((tx) => cases.saveClientUpdateSeq(tx, caseId, clientUpdateId, seq))
    },

    getMeta: (key: string) => metaCache.get(key),
    setMeta(key: string, value: string) {
      queue.append((tx) => people.setMeta(tx, key, value))
      metaCache.set(key, value)
    },
    // The writes of `work` are appended together and no flush can start inside it (it is synchronous),
    // so they commit in one transaction, or (the queue failing for good) not at all.
    transaction: <T>(work: () => T): T => work(),
    flush: () => queue.flush(),
    writesMade: () => queue.appended,
    close() {
      void end()
    },
    end,
  }
}
