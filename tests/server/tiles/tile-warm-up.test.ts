import { describe, expect, it } from 'vitest'
import { warmUp, warmUpTiles } from '../../../server/tiles/tile-warm-up'
import type { AreaTileSet } from '../../../server/tiles/area-tile-set'

// The bench's city: 150 × 100 grids of 0.002° from 119.2, 25.95.
const CITY: [number, number, number, number] = [119.2, 25.95, 119.5, 26.15]

describe('tile warm-up', () => {
  it('covers the district at every zoom where it spans at most 64 tiles, lower zooms first', () => {
    const tiles = warmUpTiles(CITY, 16)
    const zooms = [...new Set(tiles.map(([z]) => z))]
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b))
    expect(zooms[0]).toBe(0)
    // z10 is the zoom that frames this city on a 1920 × 1080 wall; the bench saw it ask for 10/851/434 and 10/851/435.
    expect(tiles).toContainEqual([10, 851, 434])
    expect(tiles).toContainEqual([10, 851, 435])
    for (const z of zooms) expect(tiles.filter(([tz]) => tz === z).length).toBeLessThanOrEqual(64)
    expect(zooms.at(-1)).toBeLessThan(14)
  })

  it('encodes one tile per turn and stops when a newer cut replaced the set', async () => {
    const asked: string[] = []
    let stale = false
    const set = { bounds: CITY, tile: (z: number, x: number, y: number) => { asked.push(`${z}/${x}/${y}`); if (asked.length === 3) stale = true; return null } } as unknown as AreaTileSet
    warmUp(set, 16, () => stale)
    expect(asked).toEqual([])
    await new Promise((r) => setTimeout(r, 50))
    expect(asked).toHaveLength(3)
  })
})
