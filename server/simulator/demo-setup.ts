// The demo district's people: the roster of grid workers (registered like real devices) and the
// area statistics derived from the real buildings of each grid.
import type { AreaInfo, AreaProfile, InspectorInfo } from '../contract/domain'
import type { AreaFeature, AreaTree } from '../domain/area-tree'
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

/** Busier grids (more buildings) get more reports and a second inspector. */
export function demoGridWeight(features: readonly AreaFeature[]): (grid: AreaInfo) => number {
  const facts = buildingFactsOf(features)
  return (grid) => 1 + (facts.get(grid.code)?.buildingCount ?? 0)
}

export function demoStaff(tree: AreaTree, facts: ReadonlyMap<string, GridBuildingFacts>, seed: number): { roster: InspectorInfo[]; profiles: Map<string, AreaProfile> } {
  const gridWeight = (grid: AreaInfo) => 1 + (facts.get(grid.code)?.buildingCount ?? 0)
  const roster = demoRoster(tree.allGrids(), gridWeight, seed)
  const workersPerGrid = new Map<string, number>()
  for (const i of roster) workersPerGrid.set(i.gridCode, (workersPerGrid.get(i.gridCode) ?? 0) + 1)
  const profiles = demoProfiles(tree.all(), (code) => facts.get(code), (code) => workersPerGrid.get(code) ?? 0, seed)
  return { roster, profiles }
}
