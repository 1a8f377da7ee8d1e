// GET /api/areas/{code}.geojson: one area's polygon, for the wall's focus outline when it draws the
// areas from tiles and holds no polygons of its own (a tile has only its clipped piece). WGS-84 like
// /api/areas.geojson and every other protocol: the wall shifts what it draws (client/map/display-crs.ts).
import { Router } from 'express'
import type { District } from '../domain/district'
import { requireWallToken, sendError, type AccessConfig } from '../http/access'

export function areaOutlineRouter(district: Pick<District, 'tree'>, access: AccessConfig): Router {
  const router = Router()
  router.get('/api/areas/:code.geojson', requireWallToken(access), (req, res) => {
    const code = String(req.params.code)
    const area = district.tree.get(code)
    if (!area) return sendError(res, 404, 'area_not_found', `no area with code ${JSON.stringify(code.slice(0, 40))}`, 'code')
    res.type('application/geo+json').send(JSON.stringify({
      type: 'Feature', properties: { code, name: area.name, level: area.level, parentCode: area.parentCode }, geometry: district.tree.geometry(code),
    }))
  })
  return router
}
