import { describe, expect, it } from 'vitest'
import type { TrackPoint } from '../../../server/contract/detail'
import type { LngLat } from '../../../server/contract/domain'
import { metresBetween } from '../../../server/domain/geo-math'
import { nearestMetres } from '../../../server/domain/presence'

const CASE_POINT: LngLat = [119.35, 26.07]
const M_PER_DEG_LAT = 110_574
const mPerDegLng = 111_320 * Math.cos((CASE_POINT[1] * Math.PI) / 180)

/** A point `east` and `north` metres from the case point, at time `at`. */
const offset = (east: number, north: number, at = 0): TrackPoint => [CASE_POINT[0] + east / mPerDegLng, CASE_POINT[1] + north / M_PER_DEG_LAT, at]

describe('proof of presence: nearest distance of a track to a case', () => {
  it('measures to the walk between fixes, not only to the fixes', () => {
    // A straight walk east, 12 m north of the case; fixes every 50 m, none abreast of it.
    const track = [-125, -75, -25, 25, 75].map((east, i) => offset(east, 12, i * 40_000))
    const nearestFix = Math.min(...track.map((p) => metresBetween(CASE_POINT, [p[0], p[1]])))
    expect(nearestFix).toBeGreaterThan(27)
    expect(nearestMetres(CASE_POINT, track)).toBeCloseTo(12, 0)
    expect(Math.abs(nearestMetres(CASE_POINT, track)! - 12)).toBeLessThan(0.5)
  })

  it('takes the nearer end past the end of a segment, and a lone fix as a point', () => {
    expect(nearestMetres(CASE_POINT, [offset(30, 40), offset(30, 80)])).toBeCloseTo(50, 0)
    expect(nearestMetres(CASE_POINT, [offset(-6, 8)])).toBeCloseTo(10, 1)
    expect(nearestMetres(CASE_POINT, [offset(0, 0), offset(0, 0)])).toBeCloseTo(0, 6)
  })

  it('is null without a track', () => {
    expect(nearestMetres(CASE_POINT, [])).toBeNull()
  })
})
