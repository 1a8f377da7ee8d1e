// GET /api/health: for monitoring and for the people who keep the wall running. Beside the district's
// counts it says which role this node holds and whether its store (and Redis, once configured) answer;
// a node whose store does not answer is `degraded` with 503, so a load balancer takes it out.
import { Router } from 'express'
import type { District } from '../domain/district'
import type { NodeRole } from './node-role'

export interface NodeHealth {
  role: () => NodeRole
  store: { kind: 'sqlite' | 'postgres'; reachable: () => boolean | Promise<boolean> }
  /** null when REDIS_URL is not set (one node alone needs no Redis). */
  redis: { reachable: () => Promise<boolean> } | null
}


/** A probe that throws or rejects means unreachable. */
async function answers(probe: () => boolean | Promise<boolean>): Promise<boolean> {
  try {
    return await probe()
  } catch {
    return false
  }
}

export function healthRouter(district: District, connectedClients: () => number, startedAt: number, node: NodeHealth): Router {
  const router = Router()
  router.get('/api/health', async (_req, res) => {
    const inspectors = district.inspectors.countByStatus()
    const [storeReachable, redisReachable] = await Promise.all([answers(node.store.reachable), node.redis ? answers(node.redis.reachable) : null])
    const healthy = storeReachable && redisReachable !== false
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      serverTime: district.clock.now(),
      clockSpeed: district.clock.speed,
      district: district.tree.root.name,
      grids: district.tree.allGrids().length,
      inspectors: { ...inspectors, total: inspectors.online + inspectors.stale + inspectors.offline },
      openCases: district.cases.countOpen(),
      connectedClients: connectedClients(),
      role: node.role(),
      store: { kind: node.store.kind, reachable: storeReachable },
      redis: redisReachable == null ? null : { reachable: redisReachable },
    })
  })
  return router
}
