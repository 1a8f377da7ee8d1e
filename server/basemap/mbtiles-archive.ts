// An .mbtiles file (what tilemaker 2.2 writes: SQLite, TMS rows, gzip'd vector tiles) → a PMTiles v3
// archive. Tiles are read one at a time in tile id order, so a city's file never sits in memory whole.
import Database from 'better-sqlite3'
import { Compression, TileType, zxyToTileId } from 'pmtiles'
import { writePmtiles, type PmtilesSummary, type PmtilesTile } from './pmtiles-writer'

const TILE_TYPES: Record<string, TileType> = { pbf: TileType.Mvt, mvt: TileType.Mvt, png: TileType.Png, jpg: TileType.Jpeg, jpeg: TileType.Jpeg, webp: TileType.Webp, avif: TileType.Avif }

export function convertMbtilesToPmtiles(inFile: string, outFile: string): PmtilesSummary {
  const db = new Database(inFile, { readonly: true, fileMustExist: true })
  try {
    const metadata = readMetadata(db, inFile)
    const tileType = TILE_TYPES[String(metadata.format ?? '').toLowerCase()]
    if (tileType === undefined) throw new Error(`${inFile}: metadata format "${String(metadata.format)}" is none of ${Object.keys(TILE_TYPES).join(', ')}`)
    const ids = tileIds(db)
    if (ids.length === 0) throw new Error(`${inFile}: has no tiles`)
    const read = db.prepare<[number, number, number], Buffer>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck()
    const tiles = function* (): Generator<PmtilesTile> {
      for (const [tileId, z, x, row] of ids) yield { tileId, data: read.get(z, x, row)! }
    }
    const first = read.get(ids[0][1], ids[0][2], ids[0][3])!
    // Vector tiles in MBTiles are gzip'd by convention (tilemaker's default); images never are.
    const gzipped = first[0] === 0x1f && first[1] === 0x8b
    return writePmtiles(outFile, {
      tileType,
      tileCompression: gzipped ? Compression.Gzip : Compression.None,
      bounds: numbers(metadata.bounds, 4) as [number, number, number, number] | undefined,
      center: numbers(metadata.center, 3) as [number, number, number] | undefined,
      metadata,
    }, tiles())
  } finally {
    db.close()
  }
}

/** The metadata table, with its `json` row (vector_layers, tilestats) merged in as PMTiles keeps it. */
function readMetadata(db: Database.Database, inFile: string): Record<string, unknown> {
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')").get(name) !== undefined
  if (!hasTable('tiles') || !hasTable('metadata')) throw new Error(`${inFile}: not an MBTiles file (no tiles or metadata table)`)
  const rows = db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all()
  const metadata: Record<string, unknown> = {}
  for (const { name, value } of rows) {
    if (name === 'json') Object.assign(metadata, JSON.parse(value) as object)
    else metadata[name] = value
  }
  return metadata
}

/** [tileId, z, x, tms row] of every tile, sorted by tile id. MBTiles rows count from the south (TMS). */
function tileIds(db: Database.Database): Array<[number, number, number, number]> {
  const rows = db.prepare<[], [number, number, number]>('SELECT zoom_level, tile_column, tile_row FROM tiles').raw().all()
  return rows
    .map(([z, x, row]): [number, number, number, number] => [zxyToTileId(z, x, (1 << z) - 1 - row), z, x, row])
    .sort((a, b) => a[0] - b[0])
}

function numbers(value: unknown, count: number): number[] | undefined {
  const parts = typeof value === 'string' ? value.split(',').map(Number) : []
  return parts.length === count && parts.every(Number.isFinite) ? parts : undefined
}
