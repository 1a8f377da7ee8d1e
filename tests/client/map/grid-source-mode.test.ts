// Which source the grids come from, and the tile URLs MapLibre fetches with the wall token.
import { describe, expect, it } from 'vitest'
import { GEOJSON_MAX_GRIDS, gridSourceMode, withWallToken } from '../../../client/map/grid-source-mode'

describe('the grid source mode', () => {
  it('keeps one GeoJSON for a district and tiles a city', () => {
    expect(gridSourceMode('', 600)).toBe('geojson')
    expect(gridSourceMode('', GEOJSON_MAX_GRIDS)).toBe('geojson')
    expect(gridSourceMode('', GEOJSON_MAX_GRIDS + 1)).toBe('tiles')
    expect(gridSourceMode('', 15_000)).toBe('tiles')
  })

  it('obeys ?grids= either way, and ignores anything else there', () => {
    expect(gridSourceMode('?grids=tiles', 600)).toBe('tiles')
    expect(gridSourceMode('?layout=wall&grids=geojson', 15_000)).toBe('geojson')
    expect(gridSourceMode('?grids=svg', 15_000)).toBe('tiles')
  })
})

describe('tile URLs with the wall token', () => {
  const url = 'http://wall:3000/api/tiles/areas/{z}/{x}/{y}.pbf?v=0123abcd'
  it('adds the token as ?token= and keeps the {z}/{x}/{y} placeholders', () => {
    expect(withWallToken(url, 's3cret&x', 'http://wall:3000/')).toBe('http://wall:3000/api/tiles/areas/{z}/{x}/{y}.pbf?v=0123abcd&token=s3cret%26x')
  })
  it('leaves the URL as it is without a token, and resolves a relative one', () => {
    expect(withWallToken(url, null, 'http://wall:3000/')).toBe(url)
    expect(withWallToken('/api/tiles/areas/{z}/{x}/{y}.pbf?v=1', null, 'http://wall:3000/area/1')).toBe('http://wall:3000/api/tiles/areas/{z}/{x}/{y}.pbf?v=1')
  })
})
