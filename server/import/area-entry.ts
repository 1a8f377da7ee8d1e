// One feature of an areas file as the checks see it: whatever of its properties and geometry could
// be read (undefined where that part was faulty and has been reported).
import type { AreaLevel } from '../contract/domain'
import type { AreaGeometry } from '../domain/area-tree'

export interface AreaEntry {
  /** Index of the feature in the file. */
  index: number
  code?: string
  name?: string
  level?: AreaLevel
  /** null for a feature without a parent; undefined when unreadable. */
  parentCode: string | null | undefined
  /** In WGS-84, and only when every ring keeps the rules. */
  geometry?: AreaGeometry
  extra: Record<string, unknown>
}

/** The first feature with each code (a duplicate is reported, and ignored as a parent). */
export function entriesByCode(entries: readonly AreaEntry[]): Map<string, AreaEntry> {
  const byCode = new Map<string, AreaEntry>()
  for (const e of entries) if (e.code != null && !byCode.has(e.code)) byCode.set(e.code, e)
  return byCode
}
