// Writes a PMTiles v3 archive. Why our own writer: the official one is the Go `pmtiles` CLI (not an
// npm package, and this project installs from the npm registry only), the `pmtiles` npm package only
// reads, and Debian bookworm's tilemaker 2.2 writes .mbtiles but not .pmtiles (3.0 added it).
// Tiles stream to a temporary file in tile id order (identical tiles stored once, runs of the same
// tile in one entry), then the archive is laid out as header, root directory, metadata, leaf
// directories, tile data: the order go-pmtiles writes, so a reader's first 16 KiB holds the root.
import crypto from 'node:crypto'
import fs from 'node:fs'
import zlib from 'node:zlib'
import { tileIdToZxy, type Compression, type TileType } from 'pmtiles'
import { buildDirectories, type DirectoryEntry } from './pmtiles-directory'
import { HEADER_BYTES, serializeHeader } from './pmtiles-header'

export interface PmtilesTile {
  /** zxyToTileId(z, x, y) of the pmtiles package: the Hilbert-curve id. */
  tileId: number
  /** The tile as stored (already compressed with `tileCompression`). */
  data: Uint8Array
}

export interface PmtilesArchiveOptions {
  tileType: TileType
  tileCompression: Compression
  /** [minLon, minLat, maxLon, maxLat]; the whole world when unknown. */
  bounds?: [number, number, number, number]
  /** [lon, lat, zoom]; the middle of the bounds at the lowest zoom when unknown. */
  center?: [number, number, number]
  /** The JSON metadata (name, attribution, vector_layers, …). */
  metadata?: Record<string, unknown>
}

export interface PmtilesSummary {
  addressedTiles: number
  tileEntries: number
  tileContents: number
  leafDirectories: number
  bytes: number
}

/** Writes `tiles` (in ascending tile id order) as a PMTiles v3 archive at `outFile`. */
export function writePmtiles(outFile: string, options: PmtilesArchiveOptions, tiles: Iterable<PmtilesTile>): PmtilesSummary {
  const dataFile = `${outFile}.tiledata.tmp`
  try {
    const fd = fs.openSync(dataFile, 'w')
    let tileData: TileData
    try {
      tileData = appendTiles(fd, tiles)
    } finally {
      fs.closeSync(fd)
    }
    return assemble(outFile, dataFile, options, tileData)
  } finally {
    fs.rmSync(dataFile, { force: true })
  }
}

interface TileData {
  entries: DirectoryEntry[]
  addressed: number
  contents: number
  length: number
  minZoom: number
  maxZoom: number
}

function appendTiles(fd: number, tiles: Iterable<PmtilesTile>): TileData {
  const entries: DirectoryEntry[] = []
  const stored = new Map<string, { offset: number; length: number }>()
  let length = 0
  let addressed = 0
  let lastId = -1
  for (const { tileId, data } of tiles) {
    if (tileId <= lastId) throw new Error(`PMTiles writer: tiles must come in ascending tile id order (${tileId} after ${lastId})`)
    lastId = tileId
    addressed++
    const hash = crypto.createHash('sha256').update(data).digest('base64')
    let place = stored.get(hash)
    if (!place) {
      place = { offset: length, length: data.length }
      fs.writeSync(fd, data)
      length += data.length
      stored.set(hash, place)
    }
    const last = entries.at(-1)
    if (last && last.offset === place.offset && last.tileId + last.runLength === tileId) last.runLength++
    else entries.push({ tileId, offset: place.offset, length: place.length, runLength: 1 })
  }
  if (entries.length === 0) throw new Error('PMTiles writer: no tiles to write')
  return { entries, addressed, contents: stored.size, length, minZoom: tileIdToZxy(entries[0].tileId)[0], maxZoom: tileIdToZxy(lastId)[0] }
}

function assemble(outFile: string, dataFile: string, options: PmtilesArchiveOptions, data: TileData): PmtilesSummary {
  const { root, leaves, leafCount } = buildDirectories(data.entries)
  const metadata = zlib.gzipSync(JSON.stringify(options.metadata ?? {}))
  const bounds = options.bounds ?? [-180, -85.0511287, 180, 85.0511287]
  const metadataOffset = HEADER_BYTES + root.length
  const leavesOffset = metadataOffset + metadata.length
  const tileDataOffset = leavesOffset + leaves.length
  const header = serializeHeader({
    rootDirectoryOffset: HEADER_BYTES, rootDirectoryLength: root.length,
    jsonMetadataOffset: metadataOffset, jsonMetadataLength: metadata.length,
    leafDirectoryOffset: leavesOffset, leafDirectoryLength: leaves.length,
    tileDataOffset, tileDataLength: data.length,
    numAddressedTiles: data.addressed, numTileEntries: data.entries.length, numTileContents: data.contents,
    tileCompression: options.tileCompression, tileType: options.tileType,
    minZoom: data.minZoom, maxZoom: data.maxZoom, bounds,
    center: options.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, data.minZoom],
  })
  const out = fs.openSync(outFile, 'w')
  try {
    for (const part of [header, root, metadata, leaves]) fs.writeSync(out, part)
    copyInto(out, dataFile)
  } finally {
    fs.closeSync(out)
  }
  return {
    addressedTiles: data.addressed, tileEntries: data.entries.length, tileContents: data.contents,
    leafDirectories: leafCount, bytes: tileDataOffset + data.length,
  }
}

function copyInto(out: number, file: string): void {
  const chunk = Buffer.alloc(1 << 20)
  const fd = fs.openSync(file, 'r')
  try {
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) fs.writeSync(out, chunk, 0, read)
  } finally {
    fs.closeSync(fd)
  }
}
