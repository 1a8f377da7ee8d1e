// GET /api/health: for monitoring and for the people who keep the wall running.
import { Router } from 'express'
import type { District } from '../domain/district'

export function healthRouter(district: District, connectedClients: () => number, startedAt: number): Router {
  const router = Router()
  router.get('/api/health', (_req, res) => {
    const inspectors = district.inspectors.countByStatus()
    res.json({
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      serverTime: district.clock.now(),
      clockSpeed: district.clock.speed,
      district: district.tree.root.name,
      grids: district.tree.allGrids().length,
      inspectors: { ...inspectors, total: inspectors.online + inspectors.stale + inspectors.offline },
      openCases: district.cases.countOpen(),
      connectedClients: connectedClients(),
    })
  })
  return router
}
