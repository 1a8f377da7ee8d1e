// GET /api/snapshot is what a wall receives on connect, for integrators, debugging and tests;
// GET /api/areas.geojson the area polygons the map draws (kept out of the snapshot: it is large and
// changes only on import).
import { Router } from 'express'
import { buildSnapshot } from '../broadcast/snapshot'
import type { FeedLog } from '../broadcast/feed-log'
import type { District } from '../domain/district'
import { requireWallToken, type AccessConfig } from './access'

export function snapshotRouter(district: District, feed: FeedLog, access: AccessConfig): Router {
  const router = Router()
  router.use(['/api/snapshot', '/api/areas.geojson'], requireWallToken(access))
  router.get('/api/snapshot', (_req, res) => {
    res.json(buildSnapshot(district, feed))
  })
  router.get('/api/areas.geojson', (_req, res) => {
    res.type('application/geo+json').send(JSON.stringify(district.tree.toFeatureCollection()))
  })
  return router
}
