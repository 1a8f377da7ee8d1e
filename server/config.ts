// All configuration comes from environment variables (documented in README.md). A bad value stops
// the server at start with a message naming the variable, rather than running half-configured.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseOperators, type AccessConfig } from './http/access'
import { parseIntegrationKeys } from './http/integration-keys'
import { enrolmentRules, type EnrolmentRules } from './ingest/device-enrolment'
import { parseOpen311Settings, type Open311Settings } from './http/open311/open311-config'
import { parseBasemap, type ConfiguredBasemap } from './basemap/basemap-config'
import type { DemoStart } from './simulator/demo-clock'
import { parseDeviceConfig, type DeviceConfig } from './devices/device-config'
import { parseClusterConfig, type ClusterConfig } from './cluster/cluster-config'

export const WALL_LANGUAGES = ['zh-CN', 'en'] as const
export type WallLanguage = (typeof WALL_LANGUAGES)[number]

export interface ServerConfig {
  port: number
  host: string
  /** Where the server keeps its data; an `areas.geojson` here replaces the demo district's grids. */
  dataDir: string
  /** The built wall (vite build output). */
  clientDir: string
  /** The wall's language unless a screen's URL asks for another (?lang=). */
  wallLanguage: WallLanguage
  simulator: boolean
  /** DEMO_VIDEO: the demo serves a live test pattern for its cameras (needs ffmpeg on PATH; server/devices/demo-streams.ts). */
  demoVideo: boolean
  /** Domain time per wall-clock time: 1 is real time, 60 runs an hour a minute. */
  simulatorSpeed: number
  /** How often walls get a batch of case changes and statistics (and statuses are re-judged). */
  tickMs: number
  /** How often walls get the positions that changed since the last flush: the latency a fix waits before it is sent. */
  positionFlushMs: number
  staleAfterMs: number
  offlineAfterMs: number
  /** Seed of the simulator's random numbers, for a reproducible demo. */
  simulatorSeed: number
  /** Where the simulated clock starts: now, a fixed epoch ms, or 'auto' (a working morning when started off-hours). */
  simulatorStart: DemoStart
  access: AccessConfig
  /** Open311's jurisdiction, discovery contact and whether reads need a key (OPEN311_JURISDICTION, OPEN311_CONTACT, OPEN311_READ). */
  open311: Open311Settings
  /** Register a device the first time it reports (as Traccar's server can), instead of refusing it. */
  ingestRegisterUnknown: boolean
  /** Which unknown devices may register that way (an enrolment key, a list of ids), and how many. */
  ingestEnrolment: EnrolmentRules
  /** Position history older than this is pruned. */
  positionRetentionDays: number
  /** History keeps a fix when this much time or distance separates it from the last one kept. */
  historyMinIntervalMs: number
  historyMinDistanceM: number
  /** A fix further ahead of the server's clock than this is refused (a phone with a wrong clock). */
  maxClockSkewMs: number
  /** What the walls draw under the grids (BASEMAP, BASEMAP_CRS, …), and the file this server serves for it. */
  basemap: ConfiguredBasemap
  /** Devices and their readings: MQTT_URL, CARE_SILENCE_HOURS, DEVICE_STALE_S, … (issue #13). */
  devices: DeviceConfig
  /** DATABASE_URL: PostgreSQL (with PostGIS) as the store instead of DATA_DIR/wall.db (issue #12). */
  databaseUrl: string | null
  /** REDIS_URL and NODE_URL: several nodes on one district (cluster-config.ts). */
  cluster: ClusterConfig
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export class ConfigError extends Error {}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = env[name]
  if (raw == null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || !check(value)) throw new ConfigError(`${name}=${raw}: must be ${rule}`)
  return value
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase()
  if (raw == null || raw === '') return fallback
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  throw new ConfigError(`${name}=${env[name]}: must be on or off`)
}

function demoStart(raw: string | undefined): DemoStart {
  if (raw == null || raw === '' || raw === 'auto') return 'auto'
  if (raw === 'now') return 'now'
  const at = Date.parse(raw)
  if (Number.isNaN(at)) throw new ConfigError(`SIMULATOR_START=${raw}: must be auto, now or an ISO-8601 time`)
  return at
}

function wallLanguage(raw: string | undefined): WallLanguage {
  if (!raw) return 'zh-CN'
  const found = WALL_LANGUAGES.find((l) => l === raw)
  if (!found) throw new ConfigError(`WALL_LANG=${raw}: must be one of ${WALL_LANGUAGES.join(', ')}`)
  return found
}

/** A parser's error as a ConfigError, so the server stops at start with its message. */
function configured<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const staleAfterS = number(env, 'STALE_AFTER_S', 60, (n) => n > 0, 'a positive number of seconds')
  const ingestRegisterUnknown = flag(env, 'INGEST_REGISTER_UNKNOWN', false)
  const dataDir = path.resolve(env.DATA_DIR || path.join(repoRoot, 'data'))
  const offlineAfterS = number(env, 'OFFLINE_AFTER_S', 300, (n) => n > staleAfterS, `more seconds than STALE_AFTER_S (${staleAfterS})`)
  const config: ServerConfig = {
    port: number(env, 'PORT', 3000, (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a TCP port (0–65535)'),
    host: env.HOST || '0.0.0.0',
    dataDir,
    clientDir: path.resolve(env.CLIENT_DIR || path.join(repoRoot, 'dist')),
    wallLanguage: wallLanguage(env.WALL_LANG),
    simulator: flag(env, 'SIMULATOR', true),
    demoVideo: flag(env, 'DEMO_VIDEO', false),
    simulatorSpeed: number(env, 'SIMULATOR_SPEED', 1, (n) => n > 0 && n <= 3600, 'between 0 and 3600'),
    tickMs: number(env, 'TICK_MS', 1000, (n) => n >= 50 && n <= 60_000, 'between 50 and 60000 milliseconds'),
    positionFlushMs: number(env, 'POSITION_FLUSH_MS', 100, (n) => n >= 20 && n <= 60_000, 'between 20 and 60000 milliseconds'),
    staleAfterMs: staleAfterS * 1000,
    offlineAfterMs: offlineAfterS * 1000,
    simulatorSeed: number(env, 'SIMULATOR_SEED', 20261129, Number.isInteger, 'an integer'),
    simulatorStart: demoStart(env.SIMULATOR_START),
    access: {
      wallToken: env.WALL_TOKEN || null,
      integrationKeys: configured(() => parseIntegrationKeys(env.INTEGRATION_KEYS)),
      operators: configured(() => parseOperators(env.OPERATOR_TOKENS)),
      open311PublicWrites: flag(env, 'OPEN311_PUBLIC_WRITES', false),
    },
    open311: configured(() => parseOpen311Settings(env)),
    ingestRegisterUnknown,
    ingestEnrolment: configured(() => enrolmentRules({
      key: env.INGEST_ENROLMENT_KEY,
      allowedDevices: env.INGEST_ALLOWED_DEVICES,
      maxNew: number(env, 'INGEST_REGISTER_MAX', 500, (n) => Number.isInteger(n) && n >= 0, 'a whole number of devices'),
    }, ingestRegisterUnknown)),
    positionRetentionDays: number(env, 'POSITION_RETENTION_DAYS', 30, (n) => n > 0, 'a positive number of days'),
    historyMinIntervalMs: number(env, 'HISTORY_MIN_INTERVAL_S', 15, (n) => n >= 0, 'seconds (0 keeps every fix)') * 1000,
    historyMinDistanceM: number(env, 'HISTORY_MIN_DISTANCE_M', 10, (n) => n >= 0, 'metres'),
    maxClockSkewMs: number(env, 'MAX_CLOCK_SKEW_S', 300, (n) => n >= 0, 'seconds (0 refuses any fix ahead of the server)') * 1000,
    basemap: configured(() => parseBasemap(env, dataDir)),
    devices: configured(() => parseDeviceConfig(env)),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    cluster: configured(() => parseClusterConfig(env)),
  }
  if (config.cluster.redisUrl && !config.databaseUrl) throw new ConfigError('REDIS_URL: several nodes share one PostgreSQL; set DATABASE_URL too (one node alone on DATA_DIR needs no Redis)')
  return config
}

function databaseUrl(raw: string | undefined): string | null {
  if (raw == null || raw === '') return null
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError(`DATABASE_URL: must be a postgres:// or postgresql:// URL (e.g. postgres://wall:secret@db:5432/wall), got ${raw.replace(/\/\/[^@/]*@/, '//…@').slice(0, 60)}`)
  return raw
}
