// GET /api/tiles/areas.json (TileJSON) and GET /api/tiles/areas/{z}/{x}/{y}.pbf (Mapbox Vector Tiles
// of the streets, communities and grids), behind the wall token like /api/areas.geojson. A tile's
// strong ETag names the version and the tile, and `no-cache` makes a reloaded wall revalidate each
// tile with a 304 instead of downloading it again; a tile no area touches is a 204 (MapLibre draws
// an empty tile for it).
import { Router, type Request } from 'express'
import { requireWallToken, sendError, type AccessConfig } from '../http/access'
import type { DistrictTiles } from './district-tiles'
import { parseTileAddress } from './tile-address'
import { AREA_TILE_ZOOMS, areaTileJson } from './tile-json'

const MVT = 'application/vnd.mapbox-vector-tile'

export function areaTilesRouter(tiles: DistrictTiles, access: AccessConfig): Router {
  const router = Router()
  router.use('/api/tiles', requireWallToken(access))

  router.get('/api/tiles/areas.json', (req, res) => {
    res.set('Cache-Control', 'no-cache').json(areaTileJson(tiles.current(), originOf(req)))
  })

  router.get('/api/tiles/areas/:z/:x/:y.pbf', (req, res) => {
    const address = parseTileAddress(req.params, AREA_TILE_ZOOMS)
    if ('field' in address) return sendError(res, 400, 'bad_tile_address', address.message, address.field)
    const set = tiles.current()
    const etag = `"${set.version}-${address.z}-${address.x}-${address.y}"`
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' })
    if (matches(req.get('if-none-match'), etag)) return void res.status(304).end()
    const tile = set.tile(address.z, address.x, address.y)
    if (!tile) return void res.status(204).end()
    res.type(MVT).send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength))
  })
  return router
}

/** If-None-Match holds a list of ETags, or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag)
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`
}
