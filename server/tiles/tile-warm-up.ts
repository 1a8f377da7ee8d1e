// The tiles a wall's first picture asks for, encoded ahead in the background after each cut: at
// city scale a tile at the zoom that frames the district holds thousands of grids, and encoding it
// on the first request (the first wall after a start or an import) put seconds between the wall's
// snapshot and its grids. One tile per event-loop turn, so requests are never held up; a newer cut
// stops the old warm-up.
import type { AreaTileSet } from './area-tile-set'

/** Every zoom at which the district covers at most 64 tiles: the ones that frame it on a wall's screen, and one closer. */
const MAX_TILES = 64

export type TileAddress = [z: number, x: number, y: number]

const tileX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z)
function tileY(lat: number, z: number): number {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
}

/** The tiles to warm for bounds [w, s, e, n], lower zooms first. */
export function warmUpTiles([w, s, e, n]: readonly [number, number, number, number], maxZoom: number): TileAddress[] {
  const out: TileAddress[] = []
  for (let z = 0; z <= maxZoom; z++) {
    const [x0, x1, y0, y1] = [tileX(w, z), tileX(e, z), tileY(n, z), tileY(s, z)]
    const count = (x1 - x0 + 1) * (y1 - y0 + 1)
    if (count > MAX_TILES) break
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([z, x, y])
  }
  return out
}

/** Encodes the set's warm-up tiles one per turn until done or `stale()` says a newer set replaced it. */
export function warmUp(set: AreaTileSet, maxZoom: number, stale: () => boolean): void {
  const queue = warmUpTiles(set.bounds, maxZoom)
  const next = () => {
    const address = queue.shift()
    if (!address || stale()) return
    set.tile(...address)
    setImmediate(next)
  }
  setImmediate(next)
}
