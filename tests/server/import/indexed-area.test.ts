// The indexed containment check must say what turf's booleanPointInPolygon (plus the 2 m boundary
// tolerance) said for every point: inside, on or near the boundary, in a hole, in either part of a
// MultiPolygon, and far away.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { AreaGeometry } from '../../../server/domain/area-tree'
import { IndexedArea } from '../../../server/import/indexed-area'

const M_PER_DEGREE = 111_320
const square = (x: number, y: number, size: number, ccw = true): Position[] => {
  const ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
  return ccw ? ring : ring.reverse()
}
const AREAS: Record<string, AreaGeometry> = {
  'polygon with a hole': { type: 'Polygon', coordinates: [square(119.3, 26.08, 0.01), square(119.303, 26.083, 0.002, false)] },
  'multipolygon': { type: 'MultiPolygon', coordinates: [[square(119.3, 26.08, 0.004)], [square(119.306, 26.08, 0.004)]] },
  'concave': { type: 'Polygon', coordinates: [[[119.3, 26.08], [119.31, 26.08], [119.31, 26.09], [119.305, 26.082], [119.3, 26.09], [119.3, 26.08]]] },
}

function turfInside(p: Position, area: AreaGeometry): boolean {
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()
  const kx = M_PER_DEGREE * Math.cos((p[1] * Math.PI) / 180)
  const near = rings.some((ring) => ring.some((a, i) => {
    if (i === 0) return false
    const b = ring[i - 1]
    const ax = (a[0] - p[0]) * kx, ay = (a[1] - p[1]) * M_PER_DEGREE, bx = (b[0] - p[0]) * kx, by = (b[1] - p[1]) * M_PER_DEGREE
    const dx = bx - ax, dy = by - ay
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return Math.hypot(ax + t * dx, ay + t * dy) <= 2
  }))
  return booleanPointInPolygon(p, area) || near
}

describe('IndexedArea', () => {
  it.each(Object.entries(AREAS))('agrees with turf for a %s, at random points and at every vertex and edge', (_, area) => {
    const indexed = new IndexedArea(area)
    let seed = 42
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const points: Position[] = Array.from({ length: 5_000 }, () => [119.298 + random() * 0.014, 26.078 + random() * 0.014])
    const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1], ring[i]]
        points.push(a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], [(a[0] + b[0]) / 2 + 1.5 / M_PER_DEGREE, (a[1] + b[1]) / 2 + 1.5 / M_PER_DEGREE], [a[0] + 3 / M_PER_DEGREE, a[1] - 3 / M_PER_DEGREE])
      }
    }
    const disagree = points.filter((p) => (indexed.contains(p) || indexed.nearBoundary(p, 2)) !== turfInside(p, area))
    expect(disagree).toEqual([])
    expect(points.filter((p) => turfInside(p, area)).length).toBeGreaterThan(100)
  })
})
