// The city-scale district built in-process (no server, no store): the bench's 15,000-grid lattice
// (scenario.ts), 20,000 inspectors that have each reported a few fixes and 10,000 open cases spread
// over the grids. For measuring what a snapshot costs (snapshot-cost.ts).
import { AreaTree } from '../../server/domain/area-tree'
import { createManualClock } from '../../server/domain/clock'
import { createDistrict, type District } from '../../server/domain/district'
import { reportCase } from '../../server/ingest/case-ingest'
import { parseOptions, type BenchPlan } from './options'
import { caseSpots, inspectorHomes, rng, SERVICE_CODES, buildAreas } from './scenario'

export const CITY_T0 = Date.parse('2026-11-30T09:00:00+08:00')

export function citySnapshotDistrict(plan: BenchPlan = parseOptions([]), fixes = 3): District {
  const clock = createManualClock(CITY_T0)
  const tree = new AreaTree(buildAreas(plan))
  const district = createDistrict({ tree, clock, silence: { staleAfterMs: 60_000, offlineAfterMs: 300_000 } })
  const random = rng(11)
  const grids = tree.allGrids()
  inspectorHomes(plan).forEach(([lng, lat], i) => {
    const id = i + 1
    district.inspectors.register({ id, deviceId: `bench-${id}`, name: `网格员${id}`, gridCode: grids[i % grids.length].code })
    for (let k = 0; k < fixes; k++) {
      const at = CITY_T0 - (fixes - 1 - k) * 5_000 - Math.floor(random() * 4_000)
      district.inspectors.applyFix(id, { lng: lng + (random() - 0.5) * 1e-4, lat: lat + (random() - 0.5) * 1e-4, heading: Math.floor(random() * 360), at }, CITY_T0)
    }
  })
  caseSpots(plan, plan.cases).forEach(([lng, lat], i) => {
    reportCase(district, { categoryCode: SERVICE_CODES[i % SERVICE_CODES.length], source: 'inspector', lng, lat, description: `基准案件${i + 1}：路面有暴露垃圾`, actor: '网格员', at: CITY_T0 - Math.floor(random() * 3_600_000) })
  })
  return district
}
