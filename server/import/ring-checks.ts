// The rules a ring must keep once its numbers are sound (RFC 7946 §3.1.6 and OGC simple features):
// at least four positions, closed, enclosing some area, not crossing itself; and every hole inside
// its shell. Orientation is not checked here: rings are rewound after validation instead.
import { area } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Position } from 'geojson'
import { ringName, type PolygonList } from './coordinate-checks'
import type { Report } from './import-errors'
import { findSelfCrossing } from './segment-crossings'

/** Below this a ring encloses nothing: a line drawn twice, or a digitising slip. */
const MIN_RING_AREA_M2 = 0.01

/** Checks every ring of every polygon; true when the geometry keeps all the rules. */
export function checkRings({ type, polygons }: PolygonList, report: Report): boolean {
  let ok = true
  polygons.forEach((rings, p) => {
    const ringsOk = rings.map((ring, r) => checkRing(ring, ringName(type, p, r), report))
    ok = ringsOk.every(Boolean) && checkHoles(rings, (r) => ringName(type, p, r), report) && ok
  })
  return ok
}

function checkRing(ring: Position[], name: string, report: Report): boolean {
  const problem = ringProblem(ring)
  if (problem) report(`${name} ${problem}`, 'geometry')
  return !problem
}

function ringProblem(ring: Position[]): string | undefined {
  if (ring.length < 4) return `has ${ring.length} positions; a ring needs at least 4 (the first repeated at the end)`
  const first = ring[0], last = ring[ring.length - 1]
  if (first[0] !== last[0] || first[1] !== last[1]) return `is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]`
  // Crossings first: a symmetric bow-tie's two lobes cancel out to zero signed area.
  const crossing = findSelfCrossing(ring)
  if (crossing) return `crosses itself: the edges from position ${crossing[0]} and from position ${crossing[1]} meet`
  if (area({ type: 'Polygon', coordinates: [ring] }) < MIN_RING_AREA_M2) return 'has zero area'
  return undefined
}

/** Every vertex of a hole lies inside or on its shell (a hole sticking out is not a hole). */
function checkHoles(rings: Position[][], name: (ring: number) => string, report: Report): boolean {
  const shell = { type: 'Polygon' as const, coordinates: [rings[0]] }
  let ok = true
  for (let r = 1; r < rings.length; r++) {
    const outside = rings[r].findIndex((p) => !booleanPointInPolygon(p, shell))
    if (outside < 0) continue
    report(`${name(r)} is a hole outside its shell (position ${outside} lies outside ${name(0)})`, 'geometry')
    ok = false
  }
  return ok
}
