// BASEMAP and its companions (README "Your city's basemap") → the basemap every wall draws:
//   unset / demo            the built-in demo footprints
//   a value with {z}        raster tile templates (`|`-separated, {s} from BASEMAP_SUBDOMAINS)
//   a value ending .pmtiles a PMTiles archive in DATA_DIR (or an absolute path) served by this server,
//                           or an http(s) URL of one
//   anything else           a MapLibre style: an http(s) URL, or a .json file in DATA_DIR served here
import fs from 'node:fs'
import path from 'node:path'
import type { BasemapConfig, BasemapCrs, BasemapSource, RasterTint } from '../contract/basemap'
import { BasemapConfigError } from './basemap-error'
import { basemapFile, checkPmtiles, checkStyleFile } from './basemap-files'
import { defaultAttribution } from './default-attribution'
import { rasterTemplates } from './raster-templates'

/** Where this server serves a basemap file of DATA_DIR. */
export const BASEMAP_FILES_PATH = '/basemap/tiles'

/** The walls' basemap, and the local file this server serves for it (never sent to a wall). */
export interface ConfiguredBasemap extends BasemapConfig {
  /** The absolute path of the .pmtiles or style .json this server serves at `source.url`; null when walls fetch elsewhere. */
  file: string | null
}

const TINTS: readonly RasterTint[] = ['dark', 'dim', 'none']
const CRSES: readonly BasemapCrs[] = ['wgs84', 'gcj02']
/** Only raster templates have these; elsewhere the tiles (or the style) say. */
const RASTER_ONLY = ['BASEMAP_SUBDOMAINS', 'BASEMAP_TILE_SIZE', 'BASEMAP_MINZOOM', 'BASEMAP_MAXZOOM'] as const

export function parseBasemap(env: NodeJS.ProcessEnv, dataDir: string): ConfiguredBasemap {
  const value = env.BASEMAP?.trim() ?? ''
  const crs = oneOf(env, 'BASEMAP_CRS', CRSES, 'wgs84')
  const { source, file, fetchedFrom } = basemapSource(value, env, dataDir)
  if (source.kind !== 'raster') refuseRasterOnly(env, value)
  // The demo footprints are WGS-84 like the data: shifting the grids to GCJ-02 would put them ~500 m off them.
  if (source.kind === 'demo' && crs === 'gcj02') throw new BasemapConfigError(`BASEMAP_CRS=${env.BASEMAP_CRS}: the demo basemap is WGS-84; gcj02 is for a 高德 / Tencent basemap set in BASEMAP`)
  if (source.kind === 'demo' || source.kind === 'style') refuseSet(env, 'BASEMAP_TINT', 'raster tiles (templates with {z}, or a raster .pmtiles)')
  const attribution = env.BASEMAP_ATTRIBUTION?.trim() || (source.kind === 'demo' ? '' : fetchedFrom ? defaultAttribution([fetchedFrom]) : '© OpenStreetMap 贡献者')
  return { source, crs, attribution, file }
}

/** What a wall page is told: the basemap without the server's own path to its file. */
export function pageBasemap({ source, crs, attribution }: ConfiguredBasemap): BasemapConfig {
  return { source, crs, attribution }
}

interface ResolvedSource {
  source: BasemapSource
  file: string | null
  /** A URL the tiles or style come from (for the default attribution); null for this server's own files. */
  fetchedFrom: string | null
}

function basemapSource(value: string, env: NodeJS.ProcessEnv, dataDir: string): ResolvedSource {
  if (value === '' || value === 'demo') return { source: { kind: 'demo' }, file: null, fetchedFrom: null }
  if (value.includes('{z}')) return rasterSource(value, env)
  const tint = oneOf(env, 'BASEMAP_TINT', TINTS, 'dark')
  if (/\.pmtiles$/i.test(value)) {
    if (isHttpUrl(value)) return { source: { kind: 'pmtiles', url: value, tint }, file: null, fetchedFrom: value }
    const file = basemapFile(value, dataDir)
    checkPmtiles(value, file)
    return { source: { kind: 'pmtiles', url: servedUrl(file), tint }, file, fetchedFrom: null }
  }
  if (isHttpUrl(value)) return { source: { kind: 'style', url: value }, file: null, fetchedFrom: value }
  if (/\.json$/i.test(value)) {
    const file = basemapFile(value, dataDir)
    checkStyleFile(value, file)
    return { source: { kind: 'style', url: servedUrl(file) }, file, fetchedFrom: null }
  }
  throw new BasemapConfigError(`BASEMAP=${value}: must be demo, raster tile templates with {z}/{x}/{y}, a .pmtiles file, or a MapLibre style (an http(s) URL or a .json file in DATA_DIR)`)
}

function rasterSource(value: string, env: NodeJS.ProcessEnv): ResolvedSource {
  const layers = rasterTemplates(value, env.BASEMAP_SUBDOMAINS?.trim() || undefined)
  const tileSize = integer(env, 'BASEMAP_TILE_SIZE', 256, (n) => [128, 256, 512, 1024].includes(n), '128, 256, 512 or 1024 (pixels)')
  const minzoom = integer(env, 'BASEMAP_MINZOOM', 0, (n) => n >= 0 && n <= 24, 'a zoom level from 0 to 24')
  const maxzoom = integer(env, 'BASEMAP_MAXZOOM', 18, (n) => n >= 0 && n <= 24, 'a zoom level from 0 to 24')
  if (minzoom > maxzoom) throw new BasemapConfigError(`BASEMAP_MINZOOM=${minzoom}: must not exceed BASEMAP_MAXZOOM (${maxzoom})`)
  const tint = oneOf(env, 'BASEMAP_TINT', TINTS, 'dark')
  return {
    source: { kind: 'raster', layers: layers.map((tiles) => ({ tiles, tileSize, minzoom, maxzoom })), tint },
    file: null,
    fetchedFrom: layers[0][0],
  }
}

/** `/basemap/tiles/<name>?v=<size-mtime>`: a replaced file gets a new URL, so walls may cache the old one for long. */
function servedUrl(file: string): string {
  const stat = fs.statSync(file)
  return `${BASEMAP_FILES_PATH}/${encodeURIComponent(path.basename(file))}?v=${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}`
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^/]/i.test(value)
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase()
  if (!raw) return fallback
  const found = allowed.find((a) => a === raw)
  if (!found) throw new BasemapConfigError(`${name}=${env[name]}: must be one of ${allowed.join(', ')}`)
  return found
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || !check(n)) throw new BasemapConfigError(`${name}=${raw}: must be ${rule}`)
  return n
}

function refuseRasterOnly(env: NodeJS.ProcessEnv, value: string): void {
  for (const name of RASTER_ONLY) refuseSet(env, name, `raster tile templates (BASEMAP with {z}), not to BASEMAP=${value || 'demo'}`)
}

function refuseSet(env: NodeJS.ProcessEnv, name: string, appliesTo: string): void {
  if (env[name]?.trim()) throw new BasemapConfigError(`${name}=${env[name]}: applies only to ${appliesTo}`)
}
