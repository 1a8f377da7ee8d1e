// The hierarchy district → street → community → grid: unique codes, known parents one level up,
// exactly one root, at least one grid, and grid codes that extend their community's code.
import type { AreaLevel } from '../contract/domain'
import { PARENT_LEVEL } from './area-levels'
import { entriesByCode, type AreaEntry } from './area-entry'
import { featureReporter, type ImportError, type Report } from './import-errors'

/** Each feature's parent as it will be stored; a district's parent outside the file becomes null. */
export type ResolvedParents = Map<number, string | null>

export function checkHierarchy(entries: readonly AreaEntry[], errors: ImportError[], warnings: ImportError[]): ResolvedParents {
  const byCode = entriesByCode(entries)
  const parents: ResolvedParents = new Map()
  for (const entry of entries) {
    const report = featureReporter(errors, entry.index, entry.code)
    const first = entry.code != null ? byCode.get(entry.code) : undefined
    if (first && first !== entry) report(`code ${entry.code} is also the code of feature ${first.index}`, 'code')
    const parent = resolveParent(entry, byCode, report)
    if (parent !== undefined) parents.set(entry.index, parent)
  }
  checkRoot(entries, parents, errors)
  if (!entries.some((e) => e.level === 'grid')) errors.push({ problem: 'the file has no grids (level grid / 网格)' })
  checkGridCodes(entries, parents, byCode, errors, warnings)
  return parents
}

const LABEL: Record<AreaLevel, string> = { district: 'a district', street: 'a street', community: 'a community', grid: 'a grid' }

function resolveParent(entry: AreaEntry, byCode: Map<string, AreaEntry>, report: Report): string | null | undefined {
  const { level, parentCode } = entry
  if (level == null || parentCode === undefined) return undefined
  const expected = PARENT_LEVEL[level]
  const parent = parentCode == null ? undefined : byCode.get(parentCode)
  if (expected == null) {
    // DataV gives a district its city as parent; the city is not part of the hierarchy.
    if (parent) report(`a district must be the root, but its parent ${parentCode} is in the file`, 'parentCode')
    return parent ? undefined : null
  }
  if (parentCode == null) report(`${LABEL[level]} needs a parent ${expected} (parentCode is missing)`, 'parentCode')
  else if (!parent) report(`parent ${parentCode} is not in the file`, 'parentCode')
  else if (parent.level != null && parent.level !== expected) {
    report(`${LABEL[level]}'s parent must be ${LABEL[expected]}, but ${parentCode} is ${LABEL[parent.level]}`, 'parentCode')
  } else return parentCode
  return undefined
}

function checkRoot(entries: readonly AreaEntry[], parents: ResolvedParents, errors: ImportError[]): void {
  const roots = entries.filter((e) => e.level === 'district' && parents.get(e.index) === null)
  if (roots.length === 0 && !entries.some((e) => e.level === 'district' && e.parentCode === undefined)) {
    errors.push({ problem: 'the file has no district: exactly one feature must be the root (level district, no parentCode)' })
  }
  for (const extra of roots.slice(1)) {
    const problem = `a second district: the file must have exactly one root (the first is feature ${roots[0].index})`
    featureReporter(errors, extra.index, extra.code)(problem, 'level')
  }
}

/**
 * Grid codes are county(6) + township(3) + community(3) + grid(3). A grid that does not start with its
 * community's 12-digit statistical code is an error (it would be filed under another community); a
 * grid code of another length is only a warning, since some cities number grids their own way.
 */
function checkGridCodes(entries: readonly AreaEntry[], parents: ResolvedParents, byCode: Map<string, AreaEntry>,
  errors: ImportError[], warnings: ImportError[]): void {
  for (const grid of entries) {
    const parentCode = parents.get(grid.index)
    if (grid.level !== 'grid' || grid.code == null || parentCode == null || byCode.get(parentCode)?.level !== 'community') continue
    if (/^\d{12}$/.test(parentCode) && !grid.code.startsWith(parentCode)) {
      featureReporter(errors, grid.index, grid.code)(`grid code ${grid.code} does not start with its community's code ${parentCode}`, 'code')
    } else if (!/^\d{15}$/.test(grid.code)) {
      const problem = `grid code ${grid.code} is not 15 digits (county 6 + township 3 + community 3 + grid 3)`
      featureReporter(warnings, grid.index, grid.code)(problem, 'code')
    }
  }
}
