// GET /api/health: for monitoring and for the people who keep the wall running. Beside the district's
// counts it says which role this node holds and whether its store (and Redis, once configured) answer;
// a node whose store does not answer is `degraded` with 503, so a load balancer takes it out. A
// standby holds no district: it gives no counts, and says where the leader is (or null: none leads).
import { Router } from 'express'
import type { District } from '../domain/district'
import type { NodeRole } from './node-role'

export interface NodeHealth {
  /** The district, on the node that holds it (a standby has none). */
  district: () => District | null
  connectedClients: () => number
  startedAt: number
  role: () => NodeRole
  /** On a standby: the leader's address and how long ago its last beat arrived, or null while none leads. */
  leader?: () => { address: string; beatAgeMs: number } | null | undefined
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

function districtFigures(district: District) {
  const inspectors = district.inspectors.countByStatus()
  return {
    serverTime: district.clock.now(),
    clockSpeed: district.clock.speed,
    district: district.tree.root.name,
    grids: district.tree.allGrids().length,
    inspectors: { ...inspectors, total: inspectors.online + inspectors.stale + inspectors.offline },
    openCases: district.cases.countOpen(),
  }
}

export function healthRouter(node: NodeHealth): Router {
  const router = Router()
  router.get('/api/health', async (_req, res) => {
    const district = node.district()
    const leader = node.leader?.()
    const [storeReachable, redisReachable] = await Promise.all([answers(node.store.reachable), node.redis ? answers(node.redis.reachable) : null])
    const healthy = storeReachable && redisReachable !== false
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      uptimeSeconds: Math.round((Date.now() - node.startedAt) / 1000),
      ...(district ? districtFigures(district) : {}),
      connectedClients: node.connectedClients(),
      role: node.role(),
      ...(leader !== undefined ? { leader } : {}),
      store: { kind: node.store.kind, reachable: storeReachable },
      redis: redisReachable == null ? null : { reachable: redisReachable },
    })
  })
  return router
}
