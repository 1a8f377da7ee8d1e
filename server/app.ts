// createApp(config) → a wired but not yet listening server: Express routes, Socket.IO, the district
// state, the broadcaster and (by default) the simulator. Tests create it on port 0.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import { Server } from 'socket.io'
import { DEMO_AREAS_FILE, areasFileFor, loadAreaFeatures } from './areas/load-areas'
import { createBroadcaster, type WallServer } from './broadcast/broadcaster'
import { feedFromHistory } from './broadcast/feed-log'
import type { ServerConfig } from './config'
import { AreaTree } from './domain/area-tree'
import { DAY_MS } from './domain/china-time'
import { createClock } from './domain/clock'
import { createDistrict, type District } from './domain/district'
import { DEFAULT_CALENDAR } from './domain/working-calendar'
import { healthRouter } from './http/health'
import { snapshotRouter } from './http/snapshot'
import { wallStaticRouter } from './http/wall-static'
import { populateDemoDistrict } from './simulator/demo-setup'
import { createSimulator, type Simulator } from './simulator/simulator'
import { demoStartTime } from './simulator/demo-clock'
import { createWalkPlanner } from './simulator/walk-planner'
import { loadWalkableRaster } from './simulator/walkable-raster'

/** Days of simulated history the demo starts with: the trend panel compares today with the last 7. */
const HISTORY_DAYS = 8
/** Closed cases stay in memory this long (the KPI and trend windows); the store keeps them for good. */
const KEEP_CLOSED_MS = HISTORY_DAYS * DAY_MS

export interface WallApp {
  httpServer: HttpServer
  io: WallServer
  district: District
  simulator: Simulator | null
  listen(): Promise<number>
  stop(): Promise<void>
}

export function createApp(config: ServerConfig): WallApp {
  const startedAt = Date.now()
  const areasFile = areasFileFor(config.dataDir)
  const features = loadAreaFeatures(areasFile)
  const district = createDistrict({
    tree: new AreaTree(features),
    clock: config.simulator
      ? createClock(config.simulatorSpeed, demoStartTime(config.simulatorStart, Date.now(), DEFAULT_CALENDAR))
      : createClock(1),
    silence: { staleAfterMs: config.staleAfterMs, offlineAfterMs: config.offlineAfterMs },
  })

  let simulator: Simulator | null = null
  if (areasFile === DEMO_AREAS_FILE) {
    const gridWeight = populateDemoDistrict(district, features, config.simulatorSeed)
    if (config.simulator) {
      const raster = loadWalkableRaster(path.join(path.dirname(DEMO_AREAS_FILE), 'walkable.json'))
      simulator = createSimulator({ district, planner: createWalkPlanner(raster), seed: config.simulatorSeed, gridWeight })
      simulator.replayPast(district.clock.now() - HISTORY_DAYS * DAY_MS)
      simulator.startRounds()
    }
  }
  // Judge every deadline and silence once before the first wall connects.
  district.cases.refreshDeadlines(district.clock.now())
  district.inspectors.refreshStatuses(district.clock.now())

  const app = express()
  app.disable('x-powered-by')
  const httpServer = createServer(app)
  const io: WallServer = new Server(httpServer, { serveClient: false })
  const feed = feedFromHistory(district.cases.all())
  const broadcaster = createBroadcaster(io, district, feed, { tickMs: config.tickMs })
  app.use(healthRouter(district, () => io.engine.clientsCount, startedAt))
  app.use(snapshotRouter(district, feed))
  app.use(wallStaticRouter(config.clientDir))

  const pruneTimer = setInterval(() => district.cases.pruneClosedBefore(district.clock.now() - KEEP_CLOSED_MS), 60_000)
  simulator?.start()

  return {
    httpServer, io, district, simulator,
    listen: () => new Promise((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(config.port, config.host, () => resolve((httpServer.address() as AddressInfo).port))
    }),
    async stop() {
      simulator?.stop()
      broadcaster.stop()
      clearInterval(pruneTimer)
      await new Promise<void>((resolve) => io.close(() => resolve()))
    },
  }
}
