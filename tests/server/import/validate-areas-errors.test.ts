import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatImportError } from '../../../server/import/import-errors'
import { validateAreaGeoJson } from '../../../server/import/validate-areas'

type Collection = { type: 'FeatureCollection'; features: { type?: unknown; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] }

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8')) as Collection

function problems(input: unknown): string[] {
  const result = validateAreaGeoJson(input)
  if (!result.errors) throw new Error('expected the file to be rejected')
  return result.errors.map(formatImportError)
}

function variant(change: (fc: Collection) => void): Collection {
  const fc = fixture('valid-hierarchy.geojson')
  change(fc)
  return fc
}

const GRID_1 = 'feature 3 (350111100012001)'
const GRID_2 = 'feature 4 (350111100012002)'
const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]

describe('validateAreaGeoJson: the broken fixtures', () => {
  it.each([
    ['unclosed-ring.geojson', `${GRID_2}: ring 0 is not closed: it starts at [119.307, 26.082] and ends at [119.3071, 26.0821]`],
    ['bow-tie.geojson', `${GRID_1}: ring 0 crosses itself: the edges from position 0 and from position 2 meet`],
    ['lat-91.geojson', `${GRID_1}: ring 0 position 2 has latitude 91, outside [-90, 90]`],
    ['duplicate-code.geojson', 'feature 4 (350111100012001): code 350111100012001 is also the code of feature 3'],
    ['unknown-parent.geojson', `${GRID_2}: parent 350111100099 is not in the file`],
  ])('%s', (name, problem) => {
    expect(problems(fixture(name))).toEqual([problem])
  })

  it('grid-outside-parent.geojson', () => {
    expect(problems(fixture('grid-outside-parent.geojson'))).toEqual([
      expect.stringMatching(new RegExp(`^${GRID_2.replace(/[()]/g, '\\$&')}: lies outside its community 350111100012: its label point .* is outside, and 100% of its vertices are outside$`)),
    ])
  })
})

describe('validateAreaGeoJson: the file', () => {
  it.each([
    ['a string', 'hello', 'expected a GeoJSON FeatureCollection or an array of Features, got a string'],
    ['a Feature', { type: 'Feature' }, 'expected a GeoJSON FeatureCollection or an array of Features, got a GeoJSON Feature'],
    ['no features', { type: 'FeatureCollection' }, 'the FeatureCollection has no features array'],
    ['an empty array', [], 'the file has no features'],
  ])('rejects %s', (_, input, problem) => {
    expect(problems(input)).toEqual([problem])
  })

  it('lists every problem of every feature, file-level ones first, and accepts nothing', () => {
    const input = variant((fc) => {
      fc.features[4].properties.parentCode = '350111100099'
      fc.features[1].geometry = { type: 'Point', coordinates: [119.3, 26.08] }
      delete fc.features[3].properties.name
    })
    expect(problems(input)).toEqual([
      'feature 1 (350111100): geometry must be a Polygon or MultiPolygon, got "Point"',
      'feature 3 (350111100012001): name is missing (looked for properties.name)',
      `${GRID_2}: parent 350111100099 is not in the file`,
    ])
  })
})

describe('validateAreaGeoJson: geometry', () => {
  const withGrid1 = (coordinates: unknown) => variant((fc) => { fc.features[3].geometry.coordinates = coordinates })

  it.each([
    ['a non-finite number', [[[119.302, 26.082], [1e999, 26.082], [119.307, 26.09], [119.302, 26.082]]], 'ring 0 position 1 has a value that is not a finite number: [Infinity, 26.082]'],
    ['a string for a number', [[[119.302, 26.082], ['119.3', 26.082], [119.307, 26.09], [119.302, 26.082]]], 'ring 0 position 1 has a value that is not a finite number: ["119.3", 26.082]'],
    ['longitude 200', [[[119.302, 26.082], [200, 26.082], [119.307, 26.09], [119.302, 26.082]]], 'ring 0 position 1 has longitude 200, outside [-180, 180]'],
    ['projected metres', [[[13280000, 3010000], [13280100, 3010000], [13280100, 3010100], [13280000, 3010000]]], 'ring 0 position 0 has longitude 13280000, outside [-180, 180] (projected coordinates? the file must be in degrees)'],
    ['three positions', [[[119.302, 26.082], [119.307, 26.09], [119.302, 26.082]]], 'ring 0 has 3 positions; a ring needs at least 4 (the first repeated at the end)'],
    ['a flat ring', [[[119.302, 26.082], [119.304, 26.084], [119.306, 26.086], [119.302, 26.082]]], 'ring 0 crosses itself: the edges from position 0 and from position 2 meet'],
    ['a hole outside its shell', [square(119.302, 26.082, 0.005), square(119.31, 26.082, 0.001).reverse()], 'ring 1 is a hole outside its shell (position 0 lies outside ring 0)'],
  ])('rejects %s', (_, coordinates, problem) => {
    expect(problems(withGrid1(coordinates))).toEqual([`${GRID_1}: ${problem}`])
  })

  it('names the polygon of a MultiPolygon', () => {
    const input = variant((fc) => {
      const coordinates = fc.features[0].geometry.coordinates as number[][][][]
      coordinates[1][0][4] = [119.3251, 26.08]
    })
    expect(problems(input)).toEqual(['feature 0 (350111): polygon 1 ring 0 is not closed: it starts at [119.325, 26.08] and ends at [119.3251, 26.08]'])
  })

  it('rejects a zero-area sliver that does not cross itself', () => {
    const sliver = [[[119.302, 26.082], [119.307, 26.082], [119.307, 26.0820000001], [119.302, 26.082]]]
    expect(problems(withGrid1(sliver))).toEqual([`${GRID_1}: ring 0 has zero area`])
  })

  it('tolerates a grid drawn a metre over its community\'s edge, and a few stray vertices', () => {
    // 1 m west of the community's western edge, and one of 12 vertices 50 m out.
    const ring = [[119.30199, 26.082], [119.304, 26.082], [119.307, 26.082], [119.307, 26.084], [119.307, 26.086], [119.307, 26.088],
      [119.307, 26.09], [119.305, 26.09], [119.303, 26.0905], [119.302, 26.09], [119.30199, 26.088], [119.30199, 26.085], [119.30199, 26.082]]
    expect(validateAreaGeoJson(withGrid1([ring])).errors).toBeUndefined()
    ring[1] = [119.304, 26.0815]
    expect(problems(withGrid1([ring]))).toEqual([`${GRID_1}: lies outside its community 350111100012: 17% of its vertices are outside`])
  })
})

describe('validateAreaGeoJson: properties and hierarchy', () => {
  const props = (i: number, change: Record<string, unknown>) => variant((fc) => Object.assign(fc.features[i].properties, change))

  it.each([
    ['a missing code', props(3, { code: undefined }), 'feature 3: code is missing (looked for properties.code, properties.adcode, properties.gridCode)'],
    ['an unknown level', props(3, { level: 'block' }), `${GRID_1}: properties.level must be district, street, community or grid (区 / 县, 街道 / 镇 / 乡, 社区 / 村, 网格), got "block"`],
    ['a grid under a street', props(3, { parentCode: '350111100' }), `${GRID_1}: a grid's parent must be a community, but 350111100 is a street`],
    ['a street without a parent', props(1, { parentCode: null }), 'feature 1 (350111100): a street needs a parent district (parentCode is missing)'],
    ['a district under a street', props(0, { parentCode: '350111100' }), 'feature 0 (350111): a district must be the root, but its parent 350111100 is in the file'],
    ['a grid code outside its community\'s', props(3, { code: '350111100013001' }), 'feature 3 (350111100013001): grid code 350111100013001 does not start with its community\'s code 350111100012'],
  ])('rejects %s', (_, input, problem) => {
    expect(problems(input)).toContain(problem)
  })

  it('wants exactly one district at the root', () => {
    const twoRoots = variant((fc) => fc.features.push({ ...structuredClone(fc.features[0]), properties: { code: '350112', name: '仓山区', level: '区', parentCode: null } }))
    expect(problems(twoRoots)).toEqual(['feature 5 (350112): a second district: the file must have exactly one root (the first is feature 0)'])
    const noRoot = variant((fc) => fc.features.shift())
    expect(problems(noRoot)).toContain('the file has no district: exactly one feature must be the root (level district, no parentCode)')
  })

  it('wants at least one grid', () => {
    expect(problems(variant((fc) => fc.features.splice(3, 2)))).toEqual(['the file has no grids (level grid / 网格)'])
  })

  it('only warns about a grid code that is not 15 digits but extends its community\'s', () => {
    const result = validateAreaGeoJson(props(3, { code: '350111100012-A1' }))
    expect(result.errors).toBeUndefined()
    expect(result.errors ?? result.warnings.map(formatImportError)).toEqual([
      'feature 3 (350111100012-A1): grid code 350111100012-A1 is not 15 digits (county 6 + township 3 + community 3 + grid 3)',
    ])
  })

  it('does not ask grids to extend a community code of the city\'s own scheme', () => {
    const input = variant((fc) => {
      fc.features[2].properties.code = 'PD'
      fc.features[3].properties.parentCode = 'PD'
      fc.features[4].properties.parentCode = 'PD'
    })
    expect(validateAreaGeoJson(input).errors).toBeUndefined()
  })
})
