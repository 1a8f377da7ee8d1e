// The case transitions shown on a replay's timeline, with where the case is: for an area, every
// transition of its cases; for an inspector, those of the cases they reported or checked (核查).
import type { ReplayEvent } from '../contract/detail'
import type { EpochMs, InspectorInfo } from '../contract/domain'
import type { CaseRecord } from './case-book'

export type CaseFilter = (record: CaseRecord) => boolean

export function inGrids(grids: ReadonlySet<string>): CaseFilter {
  return (record) => grids.has(record.gridCode)
}

export function involving(inspector: InspectorInfo): CaseFilter {
  return (record) => record.reporterId === inspector.id
    || record.history.some((t) => (t.action === 'verify' || t.action === 'sendBack') && t.actor === inspector.name)
}

/** Transitions with `at` in [from, to] of the cases that pass `filter`, oldest first. */
export function replayEvents(cases: Iterable<CaseRecord>, filter: CaseFilter, from: EpochMs, to: EpochMs): ReplayEvent[] {
  const events: ReplayEvent[] = []
  for (const record of cases) {
    if (!filter(record)) continue
    // A case not placed yet (待定位) has no point on the replay map.
    if (record.lng == null || record.lat == null) continue
    for (const t of record.history) {
      if (t.at < from || t.at > to) continue
      events.push({ caseId: record.id, at: t.at, step: t.step, action: t.action, lng: record.lng, lat: record.lat, categoryCode: record.categoryCode })
    }
  }
  return events.sort((a, b) => a.at - b.at)
}
