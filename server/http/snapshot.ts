// GET /api/snapshot is what a JSON wall receives on connect, for integrators, debugging and tests;
// GET /api/wall-tables/{name}.{hash}.json the static tables a packed snapshot names (immutable: the
// hash is of the content, so a wall's HTTP cache keeps each version for good);
// GET /api/areas.geojson the area polygons the map draws (kept out of the snapshot: it is large and
// changes only on import).
import type { Request, Response } from 'express'
import { Router } from 'express'
import type { WallSnapshot } from '../contract/domain'
import { WALL_TABLE_NAMES } from '../contract/packed-snapshot'
import { wallTablesOf } from '../broadcast/wall-tables'
import type { District } from '../domain/district'
import { requireWallToken, sendError, type AccessConfig } from './access'

const TABLE_FILE = /^([A-Za-z]+)\.([0-9a-f]{16})\.json$/

export function snapshotRouter(district: District, snapshot: () => WallSnapshot, access: AccessConfig): Router {
  const router = Router()
  const tables = wallTablesOf(district)
  router.use(['/api/snapshot', '/api/areas.geojson', '/api/wall-tables'], requireWallToken(access))
  router.get('/api/snapshot', (_req, res) => {
    res.type('application/json').send(spliceTables(snapshot(), tables.current()))
  })
  router.get('/api/wall-tables/:file', (req, res) => sendTable(req, res))
  router.get('/api/areas.geojson', (_req, res) => {
    res.type('application/geo+json').send(JSON.stringify(district.tree.toFeatureCollection()))
  })

  function sendTable(req: Request, res: Response): void {
    const match = TABLE_FILE.exec(String(req.params.file))
    if (!match || !(WALL_TABLE_NAMES as readonly string[]).includes(match[1])) {
      return sendError(res, 404, 'wall_table_unknown', `no wall table ${req.params.file}: expected {${WALL_TABLE_NAMES.join('|')}}.{16 hex}.json`, 'file')
    }
    const table = tables.find(match[1], match[2])
    // An older hash: the content changed since that snapshot; the wall's next snapshot names the new one.
    if (!table) return sendError(res, 404, 'wall_table_replaced', `wall table ${match[1]} has changed since hash ${match[2]}; take a fresh snapshot`, 'file')
    res.set('Cache-Control', 'public, max-age=31536000, immutable')
    res.set('ETag', `"${table.ref.hash}"`)
    res.set('Vary', 'Accept-Encoding')
    res.type('application/json')
    if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
      res.set('Content-Encoding', 'gzip')
      res.send(table.gzip)
    } else {
      res.send(table.json)
    }
  }
  return router
}

/**
 * The snapshot as JSON, with the tables' JSON spliced in from the shared cache instead of
 * stringified again (at city scale the areas and inspector infos are 4.7 MB of the 11 MB). The keys
 * keep WallSnapshot's order, so the text is what JSON.stringify(snapshot) gives.
 */
function spliceTables(snapshot: WallSnapshot, encoded: ReturnType<ReturnType<typeof wallTablesOf>['current']>): string {
  const json = new Map(encoded.map((t) => [t.ref.name as string, t.json]))
  const parts: string[] = []
  for (const [key, value] of Object.entries(snapshot)) {
    parts.push(`${JSON.stringify(key)}:${json.get(key) ?? JSON.stringify(value)}`)
  }
  return `{${parts.join(',')}}`
}
