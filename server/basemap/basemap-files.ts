// A basemap kept in DATA_DIR (a .pmtiles archive or a style .json): it must be there and be what
// its name says when the server starts, not when the first wall asks for a tile.
import fs from 'node:fs'
import path from 'node:path'
import { BasemapConfigError } from './basemap-error'

const PMTILES_MAGIC = 'PMTiles'

/** The file a BASEMAP value names: an absolute path, or one relative to DATA_DIR. */
export function basemapFile(value: string, dataDir: string): string {
  const file = path.isAbsolute(value) ? value : path.resolve(dataDir, value)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BasemapConfigError(`BASEMAP=${value}: no such file (looked at ${file}; a relative name is read from DATA_DIR)`)
  return file
}

/** Refuses a file that is not a PMTiles v3 archive (the only version MapLibre's pmtiles reader opens). */
export function checkPmtiles(value: string, file: string): void {
  const head = Buffer.alloc(8)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, head, 0, 8, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (head.subarray(0, 2).toString('latin1') === 'PM' && head[2] === 2) {
    throw new BasemapConfigError(`BASEMAP=${value}: a PMTiles v2 archive; convert it to v3 (pmtiles convert old.pmtiles new.pmtiles)`)
  }
  if (head.subarray(0, 7).toString('latin1') !== PMTILES_MAGIC || head[7] !== 3) {
    throw new BasemapConfigError(`BASEMAP=${value}: not a PMTiles v3 archive (it does not start with "PMTiles" and version 3)`)
  }
}

/** Refuses a style file that is not JSON or not a MapLibre style (version 8, sources, layers). */
export function checkStyleFile(value: string, file: string): void {
  let style: unknown
  try {
    style = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new BasemapConfigError(`BASEMAP=${value}: not valid JSON (${(error as Error).message})`)
  }
  const s = style as { version?: unknown; sources?: unknown; layers?: unknown }
  if (typeof s !== 'object' || s === null || s.version !== 8 || typeof s.sources !== 'object' || !Array.isArray(s.layers)) {
    throw new BasemapConfigError(`BASEMAP=${value}: not a MapLibre style (needs "version": 8, "sources" and "layers")`)
  }
}
