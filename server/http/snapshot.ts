// GET /api/snapshot is what a wall receives on connect, for integrators, debugging and tests;
// GET /api/areas.geojson the area polygons the map draws (kept out of the snapshot: it is large and
// changes only on import).
import { Router } from 'express'
import type { WallSnapshot } from '../contract/domain'
import type { District } from '../domain/district'
import { requireWallToken, type AccessConfig } from './access'

export function snapshotRouter(district: District, snapshot: () => WallSnapshot, access: AccessConfig): Router {
  const router = Router()
  router.use(['/api/snapshot', '/api/areas.geojson'], requireWallToken(access))
  router.get('/api/snapshot', (_req, res) => {
    res.json(snapshot())
  })
  router.get('/api/areas.geojson', (_req, res) => {
    res.type('application/geo+json').send(JSON.stringify(district.tree.toFeatureCollection()))
  })
  return router
}
