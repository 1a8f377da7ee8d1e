import { describe, expect, it } from 'vitest'
import { metresRadius, presenceVerdict, toPresenceFeatures } from '../../../client/drawers/case-presence'
import type { CaseDetail, PresenceCheck } from '../../../server/contract/detail'

const check = (role: PresenceCheck['role'], track: PresenceCheck['track'], nearestMetres: number | null = 10): PresenceCheck =>
  ({ role, inspectorId: 7, name: '张三', at: 0, nearestMetres, track })

const detail = (presence: PresenceCheck[]) => ({ lng: 119.3, lat: 26.07, presence }) as CaseDetail

describe('presenceVerdict', () => {
  it('is on site within 50 m, inclusive', () => {
    expect(presenceVerdict(0)).toBe('present')
    expect(presenceVerdict(50)).toBe('present')
    expect(presenceVerdict(50.1)).toBe('absent')
  })

  it('says there is no track when the distance is unknown', () => {
    expect(presenceVerdict(null)).toBe('noTrack')
  })
})

describe('toPresenceFeatures', () => {
  it('draws nothing without a case', () => {
    expect(toPresenceFeatures(null).features).toEqual([])
  })

  it('gives each track a line and its fixes, and the case point last', () => {
    const fc = toPresenceFeatures(detail([check('reporter', [[119.3, 26.07, 1], [119.301, 26.07, 2]]), check('verifier', [[119.2, 26.1, 3]])]))
    expect(fc.features.map((f) => [f.geometry.type, f.properties?.kind, f.properties?.role])).toEqual([
      ['LineString', 'track', 'reporter'],
      ['MultiPoint', 'fixes', 'reporter'],
      // A single fix is no line, but still shown.
      ['MultiPoint', 'fixes', 'verifier'],
      ['Point', 'case', null],
    ])
    expect(fc.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[119.3, 26.07], [119.301, 26.07]] })
    expect(fc.features[3].geometry).toEqual({ type: 'Point', coordinates: [119.3, 26.07] })
  })

  it('draws only the case point when nobody has a track', () => {
    expect(toPresenceFeatures(detail([check('reporter', [], null)])).features).toHaveLength(1)
  })
})

describe('metresRadius', () => {
  it('doubles the pixel radius with each zoom level and shrinks with latitude', () => {
    const [, , , z0, px0, z24, px24] = metresRadius(50, 0) as [string, unknown, unknown, number, number, number, number]
    expect([z0, z24]).toEqual([0, 24])
    expect(px24 / px0).toBeCloseTo(2 ** 24)
    // At zoom 16 on the equator a 512-px tile spans ~611.5 m: 50 m is ~41.9 px.
    expect(px0 * 2 ** 16).toBeCloseTo(41.87, 1)
    const atFuzhou = metresRadius(50, 26.07) as number[]
    expect(atFuzhou[4] / px0).toBeCloseTo(1 / Math.cos((26.07 * Math.PI) / 180))
  })
})
