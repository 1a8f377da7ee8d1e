// Puts the demo district's people in place: the roster of grid workers (registered like real
// devices) and the area statistics derived from the real buildings of each grid.
import type { AreaInfo } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import { rollUpProfiles } from '../domain/area-profiles'
import type { District } from '../domain/district'
import { demoProfiles, type GridBuildingFacts } from './demo-profiles'
import { demoRoster } from './demo-roster'

export function buildingFactsOf(features: readonly AreaFeature[]): Map<string, GridBuildingFacts> {
  const facts = new Map<string, GridBuildingFacts>()
  for (const f of features) {
    const p = f.properties as AreaFeature['properties'] & Partial<GridBuildingFacts>
    facts.set(p.code, { buildingCount: p.buildingCount ?? 0, floorAreaM2: p.floorAreaM2 ?? 0 })
  }
  return facts
}

export function populateDemoDistrict(district: District, features: readonly AreaFeature[], seed: number): (grid: AreaInfo) => number {
  const facts = buildingFactsOf(features)
  const gridWeight = (grid: AreaInfo) => 1 + (facts.get(grid.code)?.buildingCount ?? 0)
  const roster = demoRoster(district.tree.allGrids(), gridWeight, seed)
  for (const inspector of roster) district.inspectors.register(inspector)
  const workersPerGrid = new Map<string, number>()
  for (const i of roster) workersPerGrid.set(i.gridCode, (workersPerGrid.get(i.gridCode) ?? 0) + 1)
  const own = demoProfiles(district.tree.all(), (code) => facts.get(code), (code) => workersPerGrid.get(code) ?? 0, seed)
  district.profiles = rollUpProfiles(district.tree, own)
  return gridWeight
}
