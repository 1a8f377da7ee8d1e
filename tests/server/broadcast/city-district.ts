// A one-grid district with as many inspectors as a test wants, each with a trail of recent fixes
// spread over a city-sized box (full-precision coordinates, like the simulator's).
import type { AreaLevel } from '../../../server/contract/domain'
import { AreaTree, type AreaFeature } from '../../../server/domain/area-tree'
import { createManualClock } from '../../../server/domain/clock'
import { createDistrict, type District } from '../../../server/domain/district'

export const CITY_T0 = Date.parse('2026-11-30T09:00:00+08:00')

function square(code: string, level: AreaLevel, parentCode: string | null): AreaFeature {
  const ring = [[119.2, 25.9], [119.5, 25.9], [119.5, 26.2], [119.2, 26.2], [119.2, 25.9]]
  return { type: 'Feature', properties: { code, name: code, level, parentCode }, geometry: { type: 'Polygon', coordinates: [ring] } }
}

/** `count` inspectors that have each reported `fixes` times, one fix every 5 s up to CITY_T0. */
export function cityDistrict(count: number, fixes: number): District {
  const clock = createManualClock(CITY_T0)
  const tree = new AreaTree([square('d', 'district', null), square('s', 'street', 'd'), square('c', 'community', 's'), square('g', 'grid', 'c')])
  const district = createDistrict({ tree, clock, silence: { staleAfterMs: 60_000, offlineAfterMs: 300_000 } })
  let seed = 1
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
  for (let id = 1; id <= count; id++) {
    district.inspectors.register({ id, deviceId: `phone-${id}`, name: `inspector ${id}`, gridCode: 'g' })
    let lng = 119.2 + random() * 0.3
    let lat = 25.9 + random() * 0.3
    for (let k = 0; k < fixes; k++) {
      lng += (random() - 0.5) * 1e-4
      lat += (random() - 0.5) * 1e-4
      district.inspectors.applyFix(id, { lng, lat, heading: Math.floor(random() * 360), at: CITY_T0 - (fixes - 1 - k) * 5_000 }, CITY_T0)
    }
  }
  return district
}
