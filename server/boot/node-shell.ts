// What every node serves, whether it holds the district or not: the HTTP server and Express app,
// Socket.IO (across nodes through Redis when REDIS_URL is set), the walls' sessions, health and
// metrics, the basemap files and the wall's own files. The district's routes sit in one slot:
// the leader's (or the one node's) routers, or on a standby the forwarder to the leader; a standby
// that takes over fills the slot and answers its walls itself, without restarting anything.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express, { type RequestHandler } from 'express'
import { Server } from 'socket.io'
import { basemapRouter } from '../basemap/basemap-router'
import { pageBasemap } from '../basemap/basemap-config'
import type { RedisLink } from '../broadcast/redis-link'
import { createWallSessions, type WallSessions } from '../broadcast/wall-sessions'
import { routeBroadcasts, type WallServer } from '../broadcast/wall-target'
import { createFocusedAreas, type FocusedAreas } from '../cluster/focused-areas'
import { watchNodeCondition, type ConditionWatch } from '../cluster/node-condition'
import type { ServerConfig } from '../config'
import { apiNotFound } from '../http/api-not-found'
import { finalErrors } from '../http/final-errors'
import { healthRouter, type NodeHealth } from '../http/health'
import { createMetrics, metricsRouter, type MetricSources, type WallMetrics } from '../http/metrics'
import { refuseMalformedPaths } from '../http/path-encoding'
import { socketWallToken } from '../http/socket-access'
import { wallStaticRouter } from '../http/wall-static'

export type HealthSource = Omit<NodeHealth, 'connectedClients' | 'startedAt' | 'redis'>

export interface NodeShell {
  app: express.Express
  httpServer: HttpServer
  io: WallServer
  metrics: WallMetrics
  sessions: WallSessions
  focusedAreas: FocusedAreas
  redis: RedisLink | null
  /** The district's routes from now on (the leader's routers, or the forwarder). */
  serveDistrict(handler: RequestHandler): void
  /** What /api/health and /metrics report from now on. */
  report(health: HealthSource): void
  listen(): Promise<number>
  /** Closes the sockets and Redis (the HTTP server with them). */
  close(): Promise<void>
}

export function createNodeShell(config: ServerConfig, redis: RedisLink | null): NodeShell {
  const startedAt = Date.now()
  const metrics = createMetrics()
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  const httpServer = createServer(app)
  const io: WallServer = new Server(httpServer, { serveClient: false, ...(redis ? { adapter: redis.adapter } : {}) })
  if (redis) routeBroadcasts(io, () => redis.reachable())
  io.use(socketWallToken(config.access))
  const sessions = createWallSessions(io)
  const focusedAreas = createFocusedAreas(io)

  let district: RequestHandler | null = null
  let health: HealthSource = { district: () => null, role: () => 'standby', store: { kind: config.databaseUrl ? 'postgres' : 'sqlite', reachable: () => false } }
  const connectedClients = () => io.engine.clientsCount
  const sources = (): MetricSources => ({
    connectedWalls: connectedClients, role: () => health.role(),
    storePing: async () => { const started = performance.now(); if (!(await health.store.reachable())) throw new Error('unreachable'); return performance.now() - started },
    ...(redis ? { redisPing: () => redis.latencyMs() } : {}),
  })
  metrics.watch(sources())
  // What this node's walls are told about its links (started once something is reported).
  let condition: ConditionWatch | null = null
  const readCondition = async () => ({
    store: await Promise.race([health.store.reachable(), new Promise<boolean>((resolve) => setTimeout(resolve, 2500, false).unref())]).catch(() => false),
    redis: redis ? redis.reachable() : null,
    leader: health.role() !== 'standby' || health.leader?.() != null,
  })

  app.use(refuseMalformedPaths)
  app.use(healthRouter({
    district: () => health.district(), role: () => health.role(), store: { get kind() { return health.store.kind }, reachable: () => health.store.reachable() },
    leader: () => (health.leader ? health.leader() : undefined),
    connectedClients, startedAt, redis: redis ? { reachable: async () => (await redis.latencyMs()) != null } : null,
  }))
  app.use(metricsRouter(metrics))
  app.use((req, res, next) => (district ? district(req, res, next) : next()))
  app.use(basemapRouter(config.basemap))
  // Last: its catch-all answers client routes with index.html.
  app.use(wallStaticRouter(config.clientDir, config.wallLanguage, { basemap: pageBasemap(config.basemap) }))
  app.use('/api', apiNotFound)
  app.use(finalErrors)

  return {
    app, httpServer, io, metrics, sessions, focusedAreas, redis,
    serveDistrict(handler) { district = handler },
    report(next) {
      health = next
      metrics.watch(sources())
      condition ??= watchNodeCondition(io, readCondition)
    },
    listen: () => new Promise((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(config.port, config.host, () => resolve((httpServer.address() as AddressInfo).port))
    }),
    async close() {
      condition?.stop()
      await new Promise<void>((resolve) => io.close(() => resolve()))
      await redis?.close()
    },
  }
}
