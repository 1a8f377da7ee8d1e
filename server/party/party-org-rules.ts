// The rules a list of party organisations must keep: the five-level chain (each level's parent is
// the level above), each organisation standing on an area of the right level and inside its
// parent's area, and counts that are whole numbers. Checked over the whole list, so an import is
// accepted whole or not at all; every problem names where it is (a CSV line, a GeoJSON feature).
import type { AreaLevel } from '../contract/domain'
import type { PartyOrg, PartyOrgLevel } from '../contract/party'
import { PARTY_ORG_LEVELS } from '../contract/party'
import type { AreaTree } from '../domain/area-tree'
import type { ImportError } from '../import/import-errors'

/** The area level each organisation stands on. */
export const AREA_LEVEL_OF: Readonly<Record<PartyOrgLevel, AreaLevel>> = {
  streetWorkCommittee: 'street', communityCommittee: 'community', gridGeneralBranch: 'grid', estateBranch: 'grid', buildingGroup: 'grid',
}

/** As Chinese sheets write the levels. */
export const LEVEL_NAMES_ZH: Readonly<Record<PartyOrgLevel, string>> = {
  streetWorkCommittee: '街道大工委', communityCommittee: '社区大党委', gridGeneralBranch: '网格党总支', estateBranch: '小区党支部', buildingGroup: '楼栋党小组',
}

const LEVEL_ALIASES = new Map<string, PartyOrgLevel>([
  ...PARTY_ORG_LEVELS.map((l) => [l.toLowerCase(), l] as const),
  ...PARTY_ORG_LEVELS.map((l) => [LEVEL_NAMES_ZH[l], l] as const),
  ['大工委', 'streetWorkCommittee'], ['大党委', 'communityCommittee'], ['党总支', 'gridGeneralBranch'], ['党支部', 'estateBranch'], ['党小组', 'buildingGroup'],
])

export function levelOf(text: string): PartyOrgLevel | undefined {
  return LEVEL_ALIASES.get(text.trim().toLowerCase()) ?? LEVEL_ALIASES.get(text.trim())
}

/** A parsed entry and where it came from in the file. */
export interface LocatedOrg {
  org: PartyOrg
  where: { line: number } | { feature: number }
  /** Its level could not be read (already reported): nothing that depends on the level is judged. */
  unknownLevel?: boolean
}

export function validatePartyOrgs(entries: readonly LocatedOrg[], tree: AreaTree): ImportError[] {
  const errors: ImportError[] = []
  const byCode = new Map<string, LocatedOrg>()
  const report = (e: LocatedOrg, field: string, problem: string) => errors.push({ ...e.where, code: e.org.code || undefined, field, problem })
  for (const e of entries) {
    const first = byCode.get(e.org.code)
    if (first) report(e, 'code', `code ${e.org.code} is already used at ${describe(first)}`)
    else if (e.org.code) byCode.set(e.org.code, e)
  }
  for (const e of entries) {
    const { org } = e
    if (!org.code) report(e, 'code', 'the code is empty')
    if (!org.name) report(e, 'name', 'the name is empty')
    if (!org.secretary) report(e, 'secretary', 'the secretary (书记) is empty')
    const area = tree.get(org.areaCode)
    if (!area) report(e, 'area_code', `unknown area code ${org.areaCode || '(empty)'}: it is not in the area hierarchy`)
    // With its level unread, its area level, place and parent cannot be judged: one problem, not four.
    if (e.unknownLevel) continue
    const wanted = AREA_LEVEL_OF[org.level]
    if (area && area.level !== wanted) report(e, 'area_code', `a ${LEVEL_NAMES_ZH[org.level]} stands on a ${wanted}, and ${org.areaCode} is a ${area.level}`)
    const needsPlace = org.level === 'estateBranch' || org.level === 'buildingGroup'
    if (needsPlace && !org.place) report(e, 'place', `a ${LEVEL_NAMES_ZH[org.level]} names its ${org.level === 'estateBranch' ? '小区' : '楼栋'} in place`)
    checkParent(e, byCode, tree, report)
  }
  return errors
}

function checkParent(e: LocatedOrg, byCode: ReadonlyMap<string, LocatedOrg>, tree: AreaTree, report: (e: LocatedOrg, field: string, problem: string) => void): void {
  const { org } = e
  const index = PARTY_ORG_LEVELS.indexOf(org.level)
  if (index === 0) {
    if (org.parentCode) report(e, 'parent_code', 'a 街道大工委 is the top of the chain: leave parent_code empty')
    return
  }
  const wanted = PARTY_ORG_LEVELS[index - 1]
  if (!org.parentCode) return report(e, 'parent_code', `a ${LEVEL_NAMES_ZH[org.level]} needs its ${LEVEL_NAMES_ZH[wanted]} as parent_code`)
  const parentEntry = byCode.get(org.parentCode)
  if (!parentEntry) return report(e, 'parent_code', `parent ${org.parentCode} is not in the file`)
  // A parent whose level could not be read is reported on its own line, not again on its children's.
  if (parentEntry.unknownLevel) return
  const parent = parentEntry.org
  if (parent.level !== wanted) return report(e, 'parent_code', `the parent of a ${LEVEL_NAMES_ZH[org.level]} is a ${LEVEL_NAMES_ZH[wanted]}, and ${parent.code} is a ${LEVEL_NAMES_ZH[parent.level]}`)
  // Its area lies in its parent's (the same grid for the three grid levels).
  const ok = AREA_LEVEL_OF[org.level] === AREA_LEVEL_OF[parent.level]
    ? org.areaCode === parent.areaCode
    : tree.pathTo(org.areaCode).includes(parent.areaCode)
  if (tree.get(org.areaCode) && !ok) report(e, 'area_code', `${org.areaCode} is not within ${parent.areaCode}, the area of its parent ${parent.code}`)
}

function describe(e: LocatedOrg): string {
  return 'line' in e.where ? `line ${e.where.line}` : `feature ${e.where.feature}`
}
