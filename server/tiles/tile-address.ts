// z/x/y of a tile request, checked: integers, z within the tiles' zooms, x and y within the 2^z × 2^z
// grid of that zoom. A bad part is named, as every 4xx of this API names its field.
import type { AreaTileZooms } from './tile-json'

export type TileAddress = { z: number; x: number; y: number }
export type TileAddressError = { field: 'z' | 'x' | 'y'; message: string }

export function parseTileAddress(raw: { z: string; x: string; y: string }, zooms: AreaTileZooms): TileAddress | TileAddressError {
  const z = integer(raw.z)
  if (z == null || z < zooms.minzoom || z > zooms.maxzoom) return { field: 'z', message: `z must be an integer from ${zooms.minzoom} to ${zooms.maxzoom} (got ${clip(raw.z)})` }
  const last = 2 ** z - 1
  for (const field of ['x', 'y'] as const) {
    const n = integer(raw[field])
    if (n == null || n > last) return { field, message: `${field} must be an integer from 0 to ${last} at zoom ${z} (got ${clip(raw[field])})` }
  }
  return { z, x: Number(raw.x), y: Number(raw.y) }
}

function integer(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) ? Number(raw) : null
}

const clip = (raw: string) => JSON.stringify(raw.slice(0, 20))
