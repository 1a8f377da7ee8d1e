// A grid must lie in its community. Boundaries drawn by different people rarely match to the
// centimetre, so a grid passes when its label point (the one the wall draws) and at least 90% of its
// vertices are inside the community, a vertex within 2 m of the community's boundary counting as in.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Position } from 'geojson'
import { AreaTree, type AreaFeature, type AreaGeometry } from '../domain/area-tree'
import { entriesByCode, type AreaEntry } from './area-entry'
import type { ResolvedParents } from './hierarchy-checks'
import { featureReporter, type ImportError } from './import-errors'

const MIN_INSIDE_SHARE = 0.9
const BOUNDARY_TOLERANCE_M = 2
const M_PER_DEGREE = 111_320

export function checkGridsInParents(entries: readonly AreaEntry[], parents: ResolvedParents, errors: ImportError[]): void {
  const byCode = entriesByCode(entries)
  const placed = entries.filter((e) => e.level === 'grid' && e.geometry && byCode.get(e.code!) === e)
  const pairs = placed.flatMap((grid) => {
    const parent = byCode.get(parents.get(grid.index) ?? '')
    return parent?.level === 'community' && parent.geometry ? [{ grid, parent }] : []
  })
  const labels = labelPoints(pairs.map((p) => p.grid))
  for (const { grid, parent } of pairs) {
    const problem = outsideProblem(grid.geometry!, labels.get(grid.code!)!, parent.geometry!)
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

function outsideProblem(grid: AreaGeometry, label: Position, parent: AreaGeometry): string | undefined {
  const vertices = outerRings(grid).flatMap((ring) => ring.slice(0, -1))
  const outside = vertices.filter((p) => !inside(p, parent)).length
  const labelOut = !inside(label, parent)
  if (!labelOut && outside <= vertices.length * (1 - MIN_INSIDE_SHARE)) return undefined
  const share = `${Math.round((100 * outside) / vertices.length)}% of its vertices are outside`
  return labelOut ? `its label point [${label.map((v) => v.toFixed(6)).join(', ')}] is outside, and ${share}` : share
}

function inside(p: Position, area: AreaGeometry): boolean {
  return booleanPointInPolygon(p, area) || nearBoundary(p, area)
}

function nearBoundary(p: Position, area: AreaGeometry): boolean {
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()
  const kx = M_PER_DEGREE * Math.cos((p[1] * Math.PI) / 180)
  return rings.some((ring) => ring.some((a, i) => i > 0 && distanceM(p, ring[i - 1], a, kx) <= BOUNDARY_TOLERANCE_M))
}

/** Distance from p to the segment a–b in metres (a local flat projection: fine over a few km). */
function distanceM(p: Position, a: Position, b: Position, kx: number): number {
  const ax = (a[0] - p[0]) * kx, ay = (a[1] - p[1]) * M_PER_DEGREE
  const bx = (b[0] - p[0]) * kx, by = (b[1] - p[1]) * M_PER_DEGREE
  const dx = bx - ax, dy = by - ay
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
  return Math.hypot(ax + t * dx, ay + t * dy)
}

function outerRings(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((polygon) => polygon[0])
}
