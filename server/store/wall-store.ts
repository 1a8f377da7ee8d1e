// What the server keeps for good, behind an interface narrow enough for a PostgreSQL/PostGIS
// implementation to follow the embedded SQLite one. Every method is one transaction: it either
// happens whole or not at all.
import type { AreaProfile, CaseSource, CaseTransition, EpochMs, InspectorInfo } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import type { CaseRecord } from '../domain/case-book'
import type { CaseQuery } from '../domain/case-query'
import type { ReporterContact } from '../domain/reporter-contact'
import type { PartyStore } from '../party/party-store'
import type { DeviceStore } from './device-store'

export interface StoredFix {
  inspectorId: number
  lng: number
  lat: number
  heading: number | null
  /** Time of the fix (device clock). */
  at: EpochMs
  /** Speed in m/s, accuracy in m, battery 0–1, when the device says. */
  speed?: number | null
  accuracy?: number | null
  battery?: number | null
  /** Anything else the device sent (OsmAnd unknown keys). */
  attributes?: Record<string, string | number | boolean> | null
}

/** A line of a case's history after its report, with the case's department (for 派遣至…). */
export interface StoredCaseUpdate extends CaseTransition {
  seq: number
  department: string | null
}

export interface CaseUpdateQuery {
  /** Lines stamped in [from, to], of cases from `source`; oldest first (then by case and seq), at most `limit`. */
  from: EpochMs
  to: EpochMs
  source: CaseSource
  limit: number
}

/** A point of a trail: which inspector, when and where. */
export type TrailFix = Pick<StoredFix, 'inspectorId' | 'at' | 'lng' | 'lat'>

export interface WallStore {
  /** Devices, their readings and alarms (issue #13). */
  readonly devices: DeviceStore
  /** Party organisations, 党员领办 projects and 12345 follow-ups (issue #14). */
  readonly party: PartyStore
  /** The area hierarchy, or null when none has been stored yet. */
  loadAreas(): AreaFeature[] | null
  /** Replaces the whole hierarchy (and the statistics of areas, when given). */
  replaceAreas(features: readonly AreaFeature[], profiles?: ReadonlyMap<string, AreaProfile>): void
  /** Each area's own statistics (not summed up the hierarchy). */
  loadProfiles(): Map<string, AreaProfile>
  /** Upserts statistics of the given areas; the others keep theirs. */
  saveProfiles(profiles: ReadonlyMap<string, AreaProfile>): void

  loadInspectors(): InspectorInfo[]
  saveInspector(info: InspectorInfo): void

  /** Appends fixes to the position history (and moves each inspector's latest fix forward). */
  appendFixes(fixes: readonly StoredFix[]): void
  /** Moves inspectors' latest fix forward without adding to the (down-sampled) history. */
  updateLatest(fixes: readonly StoredFix[]): void
  /** The newest fix of every inspector. */
  loadLatestFixes(): Promise<StoredFix[]>
  /** One inspector's history between two times, oldest first. */
  track(inspectorId: number, from: EpochMs, to: EpochMs): Promise<StoredFix[]>
  /**
   * Every inspector's trail behind its latest fix: up to `points` history fixes in the `windowMs`
   * before it (the latest itself not included), by inspector, oldest first, where each was and when
   * only. One read for the whole district (a restart or a takeover restores 20,000 trails; one query
   * each took seconds on PostgreSQL, and full rows twice as long to parse as these).
   */
  trailsBeforeLatest(windowMs: number, points: number): Promise<TrailFix[]>
  /**
   * Drops whole days of history (China Standard Time) that ended by `before`; the day holding
   * `before` is kept whole. Returns how many days went.
   */
  pruneFixes(before: EpochMs): Promise<number>
  /**
   * Removes fixes stamped after `after` (a phone's wrong clock, stored before such fixes were
   * refused) from history and latest; a latest fix falls back to the newest fix left in history.
   * Returns how many fixes went.
   */
  discardFixesAfter(after: EpochMs): Promise<number>

  /**
   * Writes a case with the transition that changed it, together: a report inserts (an id already
   * stored is an error), anything else updates. A citizen's contact details go into their own table.
   */
  saveCase(record: CaseRecord, transition: CaseTransition | null, contact?: ReporterContact | null): void
  /** The highest 案卷号 stored for a yyyyMMdd day, or null. */
  lastCaseIdOfDay(day: string): string | null
  /** A citizen's contact details for a case (personal data: never for a wall). */
  reporterContact(caseId: string): Promise<(ReporterContact & { legacyText: string | null }) | null>
  /** Open cases, and cases that changed since `since`, with their histories. */
  loadCases(since: EpochMs): Promise<CaseRecord[]>
  /** Cases matching a query (Open311 GET requests), newest report first, closed ones long gone from memory too. */
  findCases(query: CaseQuery): Promise<CaseRecord[]>
  /** What happened to cases after their report, by time (Open311 servicerequestupdates), closed cases long gone from memory too. */
  caseUpdates(query: CaseUpdateQuery): Promise<StoredCaseUpdate[]>
  /** The seq of the line a client's own update id (Open311 update_id) added to a case, or null. */
  clientUpdateSeq(caseId: string, clientUpdateId: string): Promise<number | null>
  /** Remembers it, so a retry adds nothing: call it in the transaction that adds the line. */
  saveClientUpdateSeq(caseId: string, clientUpdateId: string, seq: number): void

  getMeta(key: string): string | undefined
  setMeta(key: string, value: string): void
  /** Runs `work` as one transaction (e.g. replaying a simulated week). */
  transaction<T>(work: () => T): T
  /**
   * Resolves once every write made so far is committed; rejects if one could not be. Await it before
   * acknowledging a write: SQLite commits as it writes (resolved at once), PostgreSQL in batches.
   */
  flush(): Promise<void>
  /**
   * A count that grows with every write made (in any request or timer); unchanged across a request
   * means it wrote nothing, and its answer need not wait for others' commits. SQLite, which commits as
   * it writes, keeps it at 0.
   */
  writesMade(): number
  close(): void
}
