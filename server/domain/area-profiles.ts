// Area statistics are recorded per grid and summed up the hierarchy, so a community's residents
// are exactly the sum of its grids' (what a supervisor drilling in expects to see add up).
import type { AreaProfile } from '../contract/domain'
import type { AreaTree } from './area-tree'

export const EMPTY_PROFILE: AreaProfile = {
  residents: 0, households: 0, partyMembers: 0, partyBranches: 0, gridWorkers: 0, volunteers: 0, elders: 0, servicePoints: 0,
}

/** Own figures of each area (grids, plus e.g. a community's own party branch) → totals per area. */
export function rollUpProfiles(tree: AreaTree, own: ReadonlyMap<string, AreaProfile>): Record<string, AreaProfile> {
  const totals: Record<string, AreaProfile> = {}
  const visit = (code: string): AreaProfile => {
    const total = { ...(own.get(code) ?? EMPTY_PROFILE) }
    for (const child of tree.childrenOf(code)) {
      const c = visit(child)
      for (const key of Object.keys(total) as (keyof AreaProfile)[]) total[key] += c[key]
    }
    totals[code] = total
    return total
  }
  visit(tree.root.code)
  return totals
}
