// The figures of one area for the walls focused on it: the wall's statistics counted over the
// area's cases and inspectors only, and its open cases most urgent first.
import type { ScopeDetail } from '../contract/detail'
import type { InspectorStatus } from '../contract/domain'
import { gridCodesUnder } from '../domain/area-scope'
import type { CaseRecord } from '../domain/case-book'
import { isOpen } from '../domain/case-workflow'
import type { District } from '../domain/district'
import type { InspectorRegistry } from '../domain/inspector-registry'
import { byUrgency, remainingWorkMinutes } from '../domain/remaining-work'
import { computeWallStats } from '../domain/wall-stats'
import { categoryMap } from './snapshot'

export const MAX_SCOPED_CASES = 50

export type CasesByGrid = ReadonlyMap<string, readonly CaseRecord[]>

/** One pass over the cases, shared by every focused area of a tick. */
export function casesByGrid(cases: Iterable<CaseRecord>): CasesByGrid {
  const byGrid = new Map<string, CaseRecord[]>()
  for (const c of cases) {
    const list = byGrid.get(c.gridCode)
    if (list) list.push(c)
    else byGrid.set(c.gridCode, [c])
  }
  return byGrid
}

export function buildScopeDetail(district: District, code: string, byGrid: CasesByGrid = casesByGrid(district.cases.all())): ScopeDetail {
  const grids = gridCodesUnder(district.tree, code)
  const cases = [...grids].flatMap((g) => byGrid.get(g) ?? [])
  const now = district.clock.now()
  const urgent = cases.filter((c) => isOpen(c.step)).sort(byUrgency(now)).slice(0, MAX_SCOPED_CASES)
  return {
    code,
    stats: computeWallStats({ cases, categories: categoryMap, inspectors: inspectorCounts(district.inspectors, grids), now }),
    cases: urgent.map((c) => ({ id: c.id, remainingWorkMinutes: remainingWorkMinutes(district.calendar, c.dueAt, now) })),
  }
}

/** Inspectors of the area by status; those that never reported count as offline (as countByStatus). */
function inspectorCounts(inspectors: InspectorRegistry, grids: ReadonlySet<string>): Record<InspectorStatus, number> {
  const counts: Record<InspectorStatus, number> = { online: 0, stale: 0, offline: 0 }
  for (const info of inspectors.allInfos()) {
    if (grids.has(info.gridCode)) counts[inspectors.markerOf(info.id)?.status ?? 'offline']++
  }
  return counts
}
