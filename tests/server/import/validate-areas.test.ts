import { readFileSync } from 'node:fs'
import type { Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { AreaFeature } from '../../../server/domain/area-tree'
import { formatImportError } from '../../../server/import/import-errors'
import { areasSummary } from '../../../server/import/import-summary'
import { validateAreaGeoJson, type AreaImportOptions } from '../../../server/import/validate-areas'

type Collection = { type: 'FeatureCollection'; features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] }

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const fixture = (name: string) => read(`../../fixtures/import/${name}`) as Collection

function accepted(input: unknown, options?: AreaImportOptions) {
  const result = validateAreaGeoJson(input, options)
  if (result.errors) throw new Error(result.errors.map(formatImportError).join('\n'))
  return result
}

/** The valid fixture with one change. */
function variant(change: (fc: Collection) => void): Collection {
  const fc = fixture('valid-hierarchy.geojson')
  change(fc)
  return fc
}

const signedArea = (ring: Position[]) => ring.slice(1).reduce((a, p, i) => a + ring[i][0] * p[1] - p[0] * ring[i][1], 0) / 2
const polygonsOf = (f: AreaFeature) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)

describe('validateAreaGeoJson: valid files', () => {
  it('accepts the hand-made hierarchy and names its properties as the wall expects', () => {
    const { features, warnings } = accepted(fixture('valid-hierarchy.geojson'))
    expect(areasSummary(features)).toBe('imported 2 grids, 1 community, 1 street, 1 district')
    expect(warnings).toEqual([])
    expect(features[4].properties).toEqual({ code: '350111100012002', name: '浦东社区第2网格', level: 'grid', parentCode: '350111100012' })
    expect(features[0].properties.parentCode).toBeNull()
  })

  it('winds outer rings counter-clockwise and holes clockwise (RFC 7946), leaving the input as it was', () => {
    const input = fixture('valid-hierarchy.geojson')
    const before = structuredClone(input)
    for (const f of accepted(input).features) {
      for (const [shell, ...holes] of polygonsOf(f)) {
        expect(signedArea(shell)).toBeGreaterThan(0)
        for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0)
      }
    }
    expect(input).toEqual(before)
  })

  it('accepts the demo district: 61 grids in 14 communities, 2 streets and 1 district', () => {
    const { features } = accepted(read('../../../server/demo-district/data/areas.geojson'))
    expect(areasSummary(features)).toBe('imported 61 grids, 14 communities, 2 streets, 1 district')
    expect(features.find((f) => f.properties.level === 'grid')?.properties).toHaveProperty('buildingCount')
  })

  it('reads a DataV-style bare array: numeric adcodes, parent { adcode }, Chinese levels, the city as the district\'s parent', () => {
    const { features } = accepted(fixture('datav-array.geojson'))
    expect(features.map((f) => [f.properties.code, f.properties.level, f.properties.parentCode])).toEqual([
      ['350111', 'district', null],
      ['350111100', 'street', '350111'],
      ['350111100012', 'community', '350111100'],
      ['350111100012001', 'grid', '350111100012'],
      ['350111100012002', 'grid', '350111100012'],
    ])
    expect(features[0].properties).toEqual({ childrenNum: 0, code: '350111', name: '晋安区', level: 'district', parentCode: null })
  })

  it('reads other property names through a mapping', () => {
    const input = variant((fc) => {
      for (const f of fc.features) {
        const { code, name, level, parentCode } = f.properties
        f.properties = { id: code, title: name, kind: level, up: parentCode }
      }
    })
    const { features } = accepted(input, { mapping: { code: 'id', name: 'title', level: ['kind'], parentCode: 'up' } })
    expect(features[3].properties).toEqual({ code: '350111100012001', name: '浦东社区第1网格', level: 'grid', parentCode: '350111100012' })
  })
})

describe('validateAreaGeoJson: GCJ-02', () => {
  const wgs = accepted(fixture('valid-hierarchy.geojson')).features
  const raw = fixture('gcj02-hierarchy.geojson')
  const converted = accepted(raw, { crs: 'GCJ02' }).features

  it('converts every coordinate back to WGS-84 (to a few centimetres)', () => {
    converted.forEach((f, i) => {
      const expected = polygonsOf(wgs[i]).flat(2)
      polygonsOf(f).flat(2).forEach((p, k) => {
        expect(p[0]).toBeCloseTo(expected[k][0], 6)
        expect(p[1]).toBeCloseTo(expected[k][1], 6)
      })
    })
  })

  it('moves Fuzhou ~500 m west and north of the GCJ-02 coordinates, without touching the input', () => {
    const before = raw.features[3].geometry.coordinates as Position[][]
    const after = (converted[3].geometry.coordinates as Position[][])[0][0]
    const eastM = (after[0] - before[0][0][0]) * 111_320 * Math.cos((26.08 * Math.PI) / 180)
    const northM = (after[1] - before[0][0][1]) * 110_570
    expect(eastM).toBeGreaterThan(-600)
    expect(eastM).toBeLessThan(-400)
    expect(northM).toBeGreaterThan(250)
    expect(northM).toBeLessThan(450)
    expect(before[0][0]).toEqual((fixture('gcj02-hierarchy.geojson').features[3].geometry.coordinates as Position[][])[0][0])
  })
})
