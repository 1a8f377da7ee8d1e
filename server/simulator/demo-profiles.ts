// Community statistics for the demo, derived from the real buildings in each grid: households from
// residential floor area, the rest from ratios in the seed documents (后垅社区: 20,329 residents,
// 268 party members ≈ 1.3%; a party branch in every grid; Fuzhou's elders ≈ 15%).
import type { AreaInfo, AreaProfile } from '../contract/domain'
import { createRng, uniform } from './random'

export interface GridBuildingFacts {
  buildingCount: number
  floorAreaM2: number
}

const M2_PER_HOUSEHOLD = 95
const OCCUPANCY = 0.82
const PERSONS_PER_HOUSEHOLD = 2.6

export function demoProfiles(
  areas: readonly AreaInfo[], facts: (code: string) => GridBuildingFacts | undefined,
  gridWorkers: (code: string) => number, seed: number,
): Map<string, AreaProfile> {
  const rng = createRng(seed)
  const own = new Map<string, AreaProfile>()
  for (const area of areas) {
    if (area.level === 'grid') {
      const f = facts(area.code) ?? { buildingCount: 0, floorAreaM2: 0 }
      const households = Math.round((f.floorAreaM2 / M2_PER_HOUSEHOLD) * OCCUPANCY * uniform(rng, 0.85, 1.15))
      const residents = Math.round(households * PERSONS_PER_HOUSEHOLD * uniform(rng, 0.95, 1.05))
      own.set(area.code, {
        residents, households,
        partyMembers: Math.round(residents * uniform(rng, 0.011, 0.016)),
        partyBranches: 1,
        gridWorkers: gridWorkers(area.code),
        volunteers: Math.round(residents * uniform(rng, 0.02, 0.035)),
        elders: Math.round(residents * uniform(rng, 0.12, 0.18)),
        servicePoints: 0,
      })
    } else if (area.level === 'community') {
      // 社区"大党委" and its 党群服务站 belong to the community itself, not to a grid.
      own.set(area.code, { residents: 0, households: 0, partyMembers: 0, partyBranches: 1, gridWorkers: 0, volunteers: 0, elders: 0, servicePoints: 2 + Math.floor(rng() * 3) })
    } else if (area.level === 'street') {
      own.set(area.code, { residents: 0, households: 0, partyMembers: 0, partyBranches: 1, gridWorkers: 0, volunteers: 0, elders: 0, servicePoints: 1 })
    }
  }
  return own
}
