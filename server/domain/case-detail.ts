// A case's whole story for the supervisor: the summary, its history, its category, the working
// time left, and proof of presence — did the inspector who reported it, and the one who checked
// the work (核查), really stand at the case? Their recorded tracks around those moments answer.
import type { CaseDetail, MaskedReporter, PresenceCheck, TrackPoint } from '../contract/detail'
import type { EpochMs, InspectorInfo } from '../contract/domain'
import { toSummary, type CaseRecord } from './case-book'
import { suggestPlace, type Landmark } from './address-match'
import type { AreaTree } from './area-tree'
import { findCategory } from './categories'
import type { InspectorRegistry } from './inspector-registry'
import { nearestMetres } from './presence'
import { remainingWorkMinutes } from './remaining-work'
import type { WorkingCalendar } from './working-calendar'

/** The track is looked at this long either side of the report or the check. */
export const PRESENCE_WINDOW_MS = 10 * 60_000

/** An inspector's stored track between two times, oldest first. */
export type TrackLookup = (inspectorId: number, from: EpochMs, to: EpochMs) => Promise<TrackPoint[]>

export interface CaseDetailContext {
  inspectors: InspectorRegistry
  calendar: WorkingCalendar
  trackOf: TrackLookup
  now: EpochMs
  /** The citizen reporter, already masked (reporter-contact.ts); null when there is none. */
  reporter?: MaskedReporter | null
  /** The areas and landmarks, to suggest where a case reported by address only is (address-match.ts). */
  tree?: AreaTree
  landmarks?: readonly Landmark[]
}

export async function buildCaseDetail(record: CaseRecord, { inspectors, calendar, trackOf, now, reporter = null, tree, landmarks }: CaseDetailContext): Promise<CaseDetail> {
  const suggested = record.lng == null && tree ? suggestPlace(tree, record.address, landmarks) : null
  return {
    ...toSummary(record),
    history: [...record.history],
    category: findCategory(record.categoryCode) ?? null,
    mediaUrl: record.mediaUrl,
    mediaUrls: [...record.mediaUrls],
    attributes: record.attributes,
    address: record.address,
    suggestedArea: suggested && {
      code: suggested.area.code, name: suggested.area.name, level: suggested.area.level, center: suggested.area.center, landmark: suggested.landmark,
    },
    remainingWorkMinutes: remainingWorkMinutes(calendar, record.dueAt, now),
    presence: await presenceChecks(record, inspectors, trackOf),
    reporter,
  }
}

async function presenceChecks(record: CaseRecord, inspectors: InspectorRegistry, trackOf: TrackLookup): Promise<PresenceCheck[]> {
  const checks: PresenceCheck[] = []
  const reporter = record.reporterId != null ? inspectors.info(record.reporterId) : undefined
  if (reporter) checks.push(await presenceOf('reporter', reporter, record.reportedAt, record, trackOf))
  // 核查 is recorded with the inspector's name as actor (operators through the API have other names).
  const check = record.history.findLast((t) => t.action === 'verify' || t.action === 'sendBack')
  const verifier = check && inspectorNamed(inspectors, check.actor, record.gridCode)
  if (check && verifier) checks.push(await presenceOf('verifier', verifier, check.at, record, trackOf))
  return checks
}

async function presenceOf(role: PresenceCheck['role'], who: InspectorInfo, at: EpochMs, record: CaseRecord, trackOf: TrackLookup): Promise<PresenceCheck> {
  const track = await trackOf(who.id, at - PRESENCE_WINDOW_MS, at + PRESENCE_WINDOW_MS)
  // A case not placed yet (待定位) has no point to be near.
  const metres = record.lng != null && record.lat != null ? nearestMetres([record.lng, record.lat], track) : null
  return { role, inspectorId: who.id, name: who.name, at, nearestMetres: metres, track }
}

/** The inspector with that name; if two share it, the one of the case's grid. */
export function inspectorNamed(inspectors: InspectorRegistry, name: string, gridCode?: string): InspectorInfo | undefined {
  const named = inspectors.allInfos().filter((i) => i.name === name)
  return named.find((i) => i.gridCode === gridCode) ?? named[0]
}
