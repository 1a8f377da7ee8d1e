import gcoord from 'gcoord'
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { createDisplayCrs, displayCrs } from '../../../client/map/display-crs'
import { createOffsetCache } from '../../../client/map/gcj02-offset-cache'

/** Ground distance in metres between two lng/lat points (equirectangular: fine below a few km). */
function metres([lng1, lat1]: readonly number[], [lng2, lat2]: readonly number[]): number {
  const k = 111_320
  return Math.hypot((lng1 - lng2) * k * Math.cos((lat1 * Math.PI) / 180), (lat1 - lat2) * k)
}

/** A seeded stream of points inside a box, so a failure can be replayed. */
function* pointsIn([west, south, east, north]: readonly number[], n: number, seed = 1): Generator<[number, number]> {
  let s = seed
  const next = () => ((s = (s * 48271) % 2147483647) / 2147483647)
  for (let i = 0; i < n; i++) yield [west + next() * (east - west), south + next() * (north - south)]
}

const FUZHOU = [119.1, 25.8, 119.7, 26.3]
/** gcoord's own box for China (points outside it are returned unchanged). */
const CHINA = [72.1, 0.9, 137.8, 55.8]
const gcj = createDisplayCrs('gcj02')

describe('display CRS', () => {
  it('is the identity in WGS-84 mode and hands geometries back untouched', () => {
    const wgs = createDisplayCrs('wgs84')
    expect(wgs.toDisplay(119.35, 26.07)).toEqual([119.35, 26.07])
    expect(wgs.fromDisplay(119.35, 26.07)).toEqual([119.35, 26.07])
    const fc: FeatureCollection<Point> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.35, 26.07] } }] }
    expect(wgs.featureCollection(fc)).toBe(fc)
    expect(wgs.geometry(fc.features[0].geometry)).toBe(fc.features[0].geometry)
  })

  it('is WGS-84 on a page without a wall-config (the demo basemap)', () => {
    expect(displayCrs().crs).toBe('wgs84')
  })

  it('moves a Fuzhou point by gcoord\'s offset: ~480 m east and ~345 m south', () => {
    const [lng, lat] = gcj.toDisplay(119.35, 26.07)
    const east = metres([119.35, 26.07], [lng, 26.07])
    const south = metres([119.35, 26.07], [119.35, lat])
    expect(lng).toBeGreaterThan(119.35)
    expect(lat).toBeLessThan(26.07)
    expect(east).toBeGreaterThan(450)
    expect(east).toBeLessThan(520)
    expect(south).toBeGreaterThan(310)
    expect(south).toBeLessThan(380)
    expect(metres([lng, lat], gcoord.transform([119.35, 26.07], gcoord.WGS84, gcoord.GCJ02))).toBeLessThan(0.5)
  })

  it('round-trips WGS-84 → GCJ-02 → WGS-84 within 0.5 m', () => {
    let worst = 0
    for (const p of pointsIn(FUZHOU, 5000)) worst = Math.max(worst, metres(p, gcj.fromDisplay(...gcj.toDisplay(...p))))
    expect(worst).toBeLessThan(0.5)
  })

  it('stays within 0.5 m of gcoord everywhere in China, cell cache or not', () => {
    const cache = createOffsetCache()
    let worst = 0
    for (const p of [...pointsIn(FUZHOU, 20_000, 2), ...pointsIn(CHINA, 50_000, 3)]) {
      worst = Math.max(worst, metres(cache.shift(...p), gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02)))
    }
    expect(worst).toBeLessThan(0.5)
  })

  it('leaves a point outside China where it is, as gcoord does (no smearing at the border of its box)', () => {
    expect(gcj.toDisplay(2.35, 48.85)).toEqual([2.35, 48.85])
    expect(gcj.toDisplay(72.0, 30)).toEqual([72.0, 30])
    expect(metres(gcj.toDisplay(72.01, 30), gcoord.transform([72.01, 30], gcoord.WGS84, gcoord.GCJ02))).toBeLessThan(0.5)
  })

  it('shifts every geometry of a collection into new objects, leaving the store\'s data as it was', () => {
    const ring = [[119.35, 26.07], [119.36, 26.07], [119.36, 26.08], [119.35, 26.07]]
    const fc: FeatureCollection<Polygon | LineString | Point> = {
      type: 'FeatureCollection',
      bbox: [119.35, 26.07, 119.36, 26.08],
      features: [
        { type: 'Feature', id: 'g1', bbox: [119.35, 26.07, 119.36, 26.08], properties: { code: 'g1' }, geometry: { type: 'Polygon', coordinates: [ring] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[119.35, 26.07, 12], [119.351, 26.071, 13]] } },
      ],
    }
    const before = structuredClone(fc)
    const out = gcj.featureCollection(fc)
    expect(fc).toEqual(before)
    expect(out.features[0]).toMatchObject({ id: 'g1', properties: { code: 'g1' } })
    // Boxes of the unshifted data would be wrong on the copy.
    expect('bbox' in out).toBe(false)
    expect('bbox' in out.features[0]).toBe(false)
    const shifted = (out.features[0].geometry as Polygon).coordinates[0]
    shifted.forEach((p, k) => expect(p).toEqual(gcj.toDisplay(ring[k][0], ring[k][1])))
    // A vertex shared by two rings lands on the same point: neighbouring grids stay neighbours.
    expect(shifted[0]).toEqual(shifted[3])
    expect((out.features[1].geometry as LineString).coordinates[0][2]).toBe(12)
  })

  it('names an unknown CRS', () => {
    expect(() => createDisplayCrs('bd09' as never)).toThrow(/bd09/)
  })
})
