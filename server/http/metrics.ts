// GET /metrics in the Prometheus text format (prom-client). Open like /api/health: counts and
// timings only, no position, case text or personal data. Process metrics (event-loop lag, heap, CPU,
// GC) are one set per process, registered once; the wall's own metrics are one set per app, so tests
// that run several apps in one process each read their own.
import { Router } from 'express'
import { collectDefaultMetrics, Counter, exponentialBuckets, Gauge, Histogram, Registry } from 'prom-client'
import type { SnapshotCache } from '../broadcast/snapshot-cache'
import { NODE_ROLES, type NodeRole } from './node-role'

export interface MetricSources {
  /** Socket.IO clients connected to this node. */
  connectedWalls: () => number
  role: () => NodeRole
  /** A round trip to the store (PostgreSQL; SQLite a read) in ms; rejects when it does not answer. */
  storePing?: () => Promise<number>
  /** A PING to Redis in ms, null when it does not answer (only with REDIS_URL). */
  redisPing?: () => Promise<number | null>
}

export interface WallMetrics {
  /** Positions committed to the store by this process (a fresh demo's replayed history included). */
  readonly positionsAccepted: Counter
  /** Seconds a store write took, by WallStore method. */
  readonly storeWriteSeconds: Histogram<'operation'>
  readonly snapshotBytes: Histogram
  readonly snapshotBuildSeconds: Histogram
  /** Seconds from the leader's beat to its arrival on this node through Redis (standbys only). */
  readonly broadcastLagSeconds: Histogram
  /** Connects the values read at each scrape. */
  watch(sources: MetricSources): void
  /** The exposition text, process metrics included. */
  scrape(): Promise<{ contentType: string; text: string }>
}

let processRegistry: Registry | null = null

/** Event-loop lag (nodejs_eventloop_lag_*), heap, CPU, GC: collected once per process, however many apps it runs. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

export function createMetrics(): WallMetrics {
  const registry = new Registry()
  const registers = [registry]
  let sources: MetricSources = { connectedWalls: () => 0, role: () => 'single' }
  new Gauge({
    name: 'wall_connected_walls', help: 'Socket.IO clients (walls, screens) connected to this node.', registers,
    collect() { this.set(sources.connectedWalls()) },
  })
  new Gauge({
    name: 'wall_node_role', help: 'The role this node holds (1 for the current one): single, leader or standby.', labelNames: ['role'], registers,
    collect() {
      const current = sources.role()
      for (const role of NODE_ROLES) this.set({ role }, role === current ? 1 : 0)
    },
  })
  const positionsAccepted = new Counter({
    name: 'wall_positions_accepted_total', registers,
    help: 'Positions committed to the store by this process (every accepted fix is committed before its answer); rate() gives positions/s.',
  })
  const storeWriteSeconds = new Histogram({
    name: 'wall_store_write_seconds', help: 'Time a store write took, committed or failed, by store method.', labelNames: ['operation'], registers,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  })
  const snapshotBytes = new Histogram({
    name: 'wall_snapshot_bytes', help: 'Size of each encoding of the shared packed snapshot (its live part).', registers,
    buckets: exponentialBuckets(16_384, 2, 11),
  })
  const snapshotBuildSeconds = new Histogram({
    name: 'wall_snapshot_build_seconds', help: 'Time to encode the shared packed snapshot (done at most once per tick).', registers,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  })
  const broadcastLagSeconds = new Histogram({
    name: 'wall_broadcast_lag_seconds', registers,
    help: 'On a standby: seconds from the leader emitting its beat to this node receiving it through Redis (what every broadcast to this node\'s walls waits).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  })
  new Gauge({
    name: 'wall_store_latency_seconds', help: 'A round trip to the store at the scrape; -1 when it does not answer.', registers,
    async collect() {
      if (!sources.storePing) return
      this.set(await sources.storePing().then((ms) => ms / 1000, () => -1))
    },
  })
  new Gauge({
    name: 'wall_redis_latency_seconds', help: 'A PING to Redis at the scrape; -1 when it does not answer (absent without REDIS_URL).', registers,
    async collect() {
      if (!sources.redisPing) return
      const ms = await sources.redisPing()
      this.set(ms == null ? -1 : ms / 1000)
    },
  })
  // After every metric is registered: merge takes the registries' metrics as they are now.
  const merged = Registry.merge([processMetrics(), registry])
  return {
    positionsAccepted, storeWriteSeconds, snapshotBytes, snapshotBuildSeconds, broadcastLagSeconds,
    watch(next) { sources = next },
    async scrape() {
      return { contentType: merged.contentType, text: await merged.metrics() }
    },
  }
}

/**
 * Times each encoding of the broadcaster's snapshot cache from outside, so the broadcaster does not
 * depend on metrics: a packed() call that made a new encoding is observed with the encoding's size.
 */
export function meterSnapshotCache(cache: SnapshotCache, metrics: WallMetrics): void {
  const packed = cache.packed.bind(cache)
  cache.packed = () => {
    const before = cache.encodings
    const started = process.hrtime.bigint()
    const result = packed()
    if (cache.encodings !== before) {
      metrics.snapshotBuildSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9)
      metrics.snapshotBytes.observe(result.snapshot.live.byteLength)
    }
    return result
  }
}

export function metricsRouter(metrics: WallMetrics): Router {
  const router = Router()
  router.get('/metrics', async (_req, res) => {
    const { contentType, text } = await metrics.scrape()
    res.type(contentType).set('Cache-Control', 'no-store').send(text)
  })
  return router
}
