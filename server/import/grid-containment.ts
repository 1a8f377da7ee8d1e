// A grid must lie in its community. Boundaries drawn by different people rarely match to the
// centimetre, so a grid passes when its label point (the one the wall draws) and at least 90% of its
// vertices are inside the community, a vertex within 2 m of the community's boundary counting as in.
// Each community's edges are indexed once (indexed-area.ts), so the check is near-linear in vertices.
import type { Position } from 'geojson'
import { AreaTree, type AreaFeature, type AreaGeometry } from '../domain/area-tree'
import { entriesByCode, type AreaEntry } from './area-entry'
import type { ResolvedParents } from './hierarchy-checks'
import { featureReporter, type ImportError } from './import-errors'
import { IndexedArea } from './indexed-area'

const MIN_INSIDE_SHARE = 0.9
const BOUNDARY_TOLERANCE_M = 2

export function checkGridsInParents(entries: readonly AreaEntry[], parents: ResolvedParents, errors: ImportError[]): void {
  const byCode = entriesByCode(entries)
  const placed = entries.filter((e) => e.level === 'grid' && e.geometry && byCode.get(e.code!) === e)
  const pairs = placed.flatMap((grid) => {
    const parent = byCode.get(parents.get(grid.index) ?? '')
    return parent?.level === 'community' && parent.geometry ? [{ grid, parent }] : []
  })
  const labels = labelPoints(pairs.map((p) => p.grid))
  const indexed = new Map<AreaEntry, IndexedArea>()
  for (const { grid, parent } of pairs) {
    let area = indexed.get(parent)
    if (!area) indexed.set(parent, (area = new IndexedArea(parent.geometry!)))
    const problem = outsideProblem(grid.geometry!, labels.get(grid.code!)!, area)
    if (problem) featureReporter(errors, grid.index, grid.code)(`lies outside its community ${parent.code}: ${problem}`, 'geometry')
  }
}

/** The wall's own label points: an AreaTree of the grids alone (parents left out). */
function labelPoints(grids: readonly AreaEntry[]): Map<string, Position> {
  if (grids.length === 0) return new Map()
  const features: AreaFeature[] = grids.map((g) => ({
    type: 'Feature', geometry: g.geometry!, properties: { code: g.code!, name: g.code!, level: 'grid', parentCode: null },
  }))
  return new Map(new AreaTree(features).allGrids().map((g) => [g.code, g.center]))
}

function outsideProblem(grid: AreaGeometry, label: Position, parent: IndexedArea): string | undefined {
  const vertices = outerRings(grid).flatMap((ring) => ring.slice(0, -1))
  const outside = vertices.filter((p) => !inside(p, parent)).length
  const labelOut = !inside(label, parent)
  if (!labelOut && outside <= vertices.length * (1 - MIN_INSIDE_SHARE)) return undefined
  const share = `${Math.round((100 * outside) / vertices.length)}% of its vertices are outside`
  return labelOut ? `its label point [${label.map((v) => v.toFixed(6)).join(', ')}] is outside, and ${share}` : share
}

function inside(p: Position, area: IndexedArea): boolean {
  return area.contains(p) || area.nearBoundary(p, BOUNDARY_TOLERANCE_M)
}

function outerRings(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((polygon) => polygon[0])
}
