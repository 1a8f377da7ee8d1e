// createApp(config) → a wired but not yet listening server: the store, the district restored from
// it, Express routes, Socket.IO, the broadcaster and (by default) the simulator. Tests create it on
// port 0 with a temporary DATA_DIR. The parts every node has (HTTP, sockets, health, the wall's
// files) are the node shell's (boot/node-shell.ts); leadDistrict() fills a shell with the district,
// at start for one node, on taking over for a standby (boot/cluster-node.ts).
import type { Server as HttpServer } from 'node:http'
import path from 'node:path'
import express from 'express'
import { answerAfterCommit } from './http/answer-after-commit'
import { DEMO_AREAS_FILE } from './areas/load-areas'
import { resumeDemoClock, saveDemoClock } from './boot/demo-clock-state'
import { guardedInterval } from './boot/guarded-interval'
import { liveImport } from './boot/live-import'
import { openStore, type OpenedStore } from './boot/open-store'
import { createNodeShell, type NodeShell } from './boot/node-shell'
import { answerOtherNodes, localAnswers } from './cluster/leader-answers'
import { createScopeRooms } from './broadcast/scope-rooms'
import { openDevices, type OpenedDevices } from './boot/open-devices'
import { runDevices } from './boot/run-devices'
import { KEEP_CLOSED_MS, openDistrict } from './boot/open-district'
import { createBroadcaster, type Broadcaster, type WallServer } from './broadcast/broadcaster'
import { feedFromHistory } from './broadcast/feed-log'
import type { ServerConfig } from './config'
import { DAY_MS } from './domain/china-time'
import { createClock } from './domain/clock'
import type { District } from './domain/district'
import { meterStore } from './http/metered-store'
import { meterSnapshotCache } from './http/metrics'
import { createImportRouter } from './http/import-router'
import { openParty, type PartyParts } from './party/open-party'
import { createIngestRouter } from './http/ingest-router'
import { createInspectorRouter } from './http/inspector-router'
import { createOpen311Router } from './http/open311/open311-router'
import { createDevicesRouter } from './http/devices-router'
import { createDemoStreams } from './devices/demo-streams'
import { createSensorsRouter } from './http/sensors-router'
import { createReplayRouter } from './http/replay-router'
import { createWorkflowRouter } from './http/workflow-router'
import { snapshotRouter } from './http/snapshot'
import { HistorySampler } from './ingest/history-sampler'
import type { PositionIntake } from './ingest/position-ingest'
import { createSimulator, type Simulator } from './simulator/simulator'
import { createWalkPlanner } from './simulator/walk-planner'
import { loadWalkableRaster } from './simulator/walkable-raster'
import { areaOutlineRouter } from './tiles/area-outline-router'
import { districtTiles } from './tiles/district-tiles'
import { areaTilesRouter } from './tiles/tiles-router'
import type { WallStore } from './store/wall-store'

/** Days of simulated history a fresh demo starts with: the trend panel compares today with the last 7. */
const HISTORY_DAYS = 8

export interface WallApp {
  httpServer: HttpServer
  io: WallServer
  district: District
  store: WallStore
  simulator: Simulator | null
  broadcaster: Broadcaster
  /** Devices, their intake (MQTT, HTTP, simulator) and alarms (issue #13). */
  devices: OpenedDevices
  /** 党建引领, 12345 follow-ups and 综合评价 (issue #14). */
  party: PartyParts
  listen(): Promise<number>
  stop(): Promise<void>
}

export async function createApp(config: ServerConfig): Promise<WallApp> {
  const shell = createNodeShell(config, null)
  return leadDistrict(shell, config, await openStore(config))
}

export interface LeadOptions {
  /** This node's address as the other nodes reach it (with Redis: in the leader's beat). */
  address?: string
}

/**
 * The district on this node: restored from the store, its routes in the shell's slot, its walls
 * answered here. With Redis it also answers the other nodes' walls, and at once sends every wall on
 * every node a snapshot of the district as it just loaded it (a new leader took over).
 */
export async function leadDistrict(shell: NodeShell, config: ServerConfig, opened: OpenedStore, { address = '' }: LeadOptions = {}): Promise<WallApp> {
  const { io, metrics, httpServer } = shell
  const store = meterStore(opened.store, metrics)
  const clock = config.simulator ? resumeDemoClock(store, config.simulatorSpeed, config.simulatorStart) : createClock(1)
  const loadStarted = performance.now()
  const { district, isDemo, fresh, gridWeight, timings } = await openDistrict(config, store, clock)
  // A takeover's seconds are mostly this: say how long it took, and how much it loaded.
  console.log(`district: loaded from the store in ${Math.round(performance.now() - loadStarted)} ms (${district.tree.allGrids().length} grids ${timings.areas} ms, `
    + `${[...district.cases.all()].length} cases ${timings.cases} ms, ${district.inspectors.allInfos().length} inspectors' markers ${timings.markers} ms)`)
  const intake: PositionIntake = {
    district, store, sampler: new HistorySampler({ minIntervalMs: config.historyMinIntervalMs, minDistanceM: config.historyMinDistanceM }),
    maxClockSkewMs: config.maxClockSkewMs,
    historyRetentionMs: config.positionRetentionDays * DAY_MS,
  }
  // Every case change is written before it happens in memory (and before any API answers).
  district.cases.writeTo(store)
  const devices = openDevices(config, district, store, isDemo)

  const simulator = config.simulator && isDemo ? startSimulator(config, intake, gridWeight, fresh) : null
  district.cases.refreshDeadlines(clock.now())
  district.inspectors.refreshStatuses(clock.now())
  const party = openParty({ store, district, access: config.access, isDemo, simulate: config.simulator, seed: config.simulatorSeed })

  const routes = express.Router()
  const feed = feedFromHistory(district.cases.all())
  const focused = () => shell.focusedAreas.codes()
  const scopes = createScopeRooms(io, district, focused)
  const broadcaster = createBroadcaster(io, district, feed, { tickMs: config.tickMs, positionFlushMs: config.positionFlushMs }, scopes)
  routes.use(answerAfterCommit(store))
  meterSnapshotCache(broadcaster.snapshotCache, metrics)
  shell.report({ district: () => district, role: opened.role, store: { kind: opened.kind, reachable: async () => (await opened.ping(), true) } })
  routes.use(snapshotRouter(district, () => broadcaster.snapshot(), config.access))
  const areaTiles = districtTiles(district, config.basemap.crs)
  routes.use(areaTilesRouter(areaTiles, config.access))
  routes.use(areaOutlineRouter(district, config.access))
  routes.use('/api/ingest/sensors', createSensorsRouter(devices.intake, config.access))
  routes.use(createDevicesRouter(devices.intake, config.access))
  // The demo cameras' /streams/… as a live test pattern (DEMO_VIDEO=1 with ffmpeg on PATH), else absent (无信号).
  const demoStreams = createDemoStreams({ enabled: config.demoVideo && isDemo, cameraOf: (id) => devices.intake.registry.info(id) })
  routes.use(demoStreams.router)
  routes.use('/api/ingest', createIngestRouter({ intake, access: config.access, registration: config.ingestRegisterUnknown ? config.ingestEnrolment : null, store }))
  routes.use('/open311/v2', createOpen311Router({ district, access: config.access, settings: config.open311, store }))
  routes.use('/api/cases', createWorkflowRouter({ district, access: config.access, store }))
  routes.use(createInspectorRouter({ district, store, access: config.access }))
  routes.use(createReplayRouter({ district, store, access: config.access }))
  // Before /api/import: it owns /api/import/party.
  routes.use(...party.routers)
  routes.use('/api/import', createImportRouter({ access: config.access, apply: liveImport(district, store, {
    announce: () => broadcaster.announce(),
    areasReplaced: () => { simulator?.replan(); areaTiles.current() },
  }) }))
  shell.serveDistrict(routes)

  const timers = [
    guardedInterval('closed-case pruning', () => district.cases.pruneClosedBefore(clock.now() - KEEP_CLOSED_MS), 60_000),
    guardedInterval('position retention', () => store.pruneFixes(clock.now() - config.positionRetentionDays * DAY_MS), 10 * 60_000),
    ...(config.simulator ? [guardedInterval('demo clock', () => saveDemoClock(store, clock), 30_000)] : []),
  ]
  if (config.simulator) saveDemoClock(store, clock)
  simulator?.start()
  const runningDevices = runDevices(devices, io, config, config.simulator && isDemo && config.devices.simulate, focused)
  // Walls (those already connected to a standby that takes over included) are answered here now.
  const leaderParts = { broadcaster, scopes, devices: () => runningDevices.broadcast }
  shell.sessions.answerWith(localAnswers(leaderParts))
  const otherNodes = shell.redis ? answerOtherNodes(io, leaderParts, { focusedAreas: shell.focusedAreas, address }) : null
  if (shell.redis) {
    broadcaster.announce()
    // While Redis was away only this node's walls were sent anything: the others get the whole picture again.
    shell.redis.onBack(() => broadcaster.announce())
  }

  return {
    httpServer, io, district, store, simulator, broadcaster, devices, party,
    listen: () => shell.listen(),
    async stop() {
      simulator?.stop()
      broadcaster.stop()
      otherNodes?.stop()
      for (const t of timers) clearInterval(t)
      await runningDevices.stop()
      await demoStreams.stop()
      await shell.close()
      party.close()
      await opened.close()
    },
  }
}

/** A fresh demo replays a simulated week into the store (one transaction); a restarted one picks up its open cases. */
function startSimulator(config: ServerConfig, intake: PositionIntake, gridWeight: Parameters<typeof createSimulator>[0]['gridWeight'], fresh: boolean): Simulator {
  const raster = loadWalkableRaster(path.join(path.dirname(DEMO_AREAS_FILE), 'walkable.json'))
  const simulator = createSimulator({ intake, planner: createWalkPlanner(raster), seed: config.simulatorSeed, gridWeight })
  const now = intake.district.clock.now()
  if (fresh) intake.store.transaction(() => simulator.replayPast(now - HISTORY_DAYS * DAY_MS))
  else simulator.adoptOpenCases()
  simulator.startRounds()
  return simulator
}
