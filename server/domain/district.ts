// One district's live state: its areas, inspectors and cases, on one clock and one working calendar.
import type { AreaProfile } from '../contract/domain'
import type { Landmark } from './address-match'
import type { AreaTree } from './area-tree'
import { CaseBook } from './case-book'
import type { Clock } from './clock'
import { InspectorRegistry, type SilenceThresholds } from './inspector-registry'
import { DEFAULT_CALENDAR, type WorkingCalendar } from './working-calendar'

export interface District {
  tree: AreaTree
  /** Statistics per area code, already summed up the hierarchy. */
  profiles: Record<string, AreaProfile>
  inspectors: InspectorRegistry
  cases: CaseBook
  clock: Clock
  calendar: WorkingCalendar
  /** Named places an address may mention (server/areas/load-landmarks.ts). */
  landmarks: Landmark[]
}

export function createDistrict(options: {
  tree: AreaTree
  clock: Clock
  silence: SilenceThresholds
  calendar?: WorkingCalendar
}): District {
  const calendar = options.calendar ?? DEFAULT_CALENDAR
  return {
    tree: options.tree,
    profiles: {},
    inspectors: new InspectorRegistry(options.silence),
    cases: new CaseBook(calendar),
    clock: options.clock,
    calendar,
    landmarks: [],
  }
}
