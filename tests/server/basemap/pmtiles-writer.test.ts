// Our PMTiles v3 writer, read back with the pmtiles package's reader: every tile byte-identical, the
// header and metadata as written, leaf directories once the root would pass 16 KiB.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Compression, TileType, tileIdToZxy, zxyToTileId } from 'pmtiles'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT_DIRECTORY_MAX_BYTES } from '../../../server/basemap/pmtiles-directory'
import { writePmtiles, type PmtilesTile } from '../../../server/basemap/pmtiles-writer'
import { openPmtiles } from '../../helpers/pmtiles-file'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmtiles-writer-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Deterministic bytes, so a failure reproduces. */
function bytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  let s = seed * 2654435761 >>> 0
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0
    out[i] = s >>> 24
  }
  return out
}

async function expectEveryTile(file: string, tiles: PmtilesTile[]): Promise<void> {
  const { archive } = openPmtiles(file)
  for (const tile of tiles) {
    const [z, x, y] = tileIdToZxy(tile.tileId)
    const read = await archive.getZxy(z, x, y)
    expect(read, `tile ${z}/${x}/${y}`).toBeDefined()
    expect(Buffer.from(read!.data).equals(Buffer.from(tile.data)), `tile ${z}/${x}/${y}`).toBe(true)
  }
}

describe('writePmtiles', () => {
  it('writes tiles of zooms 0–6 that read back byte-identical, with duplicates and runs stored once', async () => {
    const tiles: PmtilesTile[] = []
    for (let z = 0; z <= 6; z++) {
      for (let x = 0; x < 2 ** z; x += 3) {
        for (let y = 0; y < 2 ** z; y += 2) tiles.push({ tileId: zxyToTileId(z, x, y), data: bytes(z * 1000 + x * 37 + y, 20 + ((x + y) % 50)) })
      }
    }
    // Sea tiles: the same bytes at consecutive ids (a run) and elsewhere (a duplicate).
    const sea = bytes(99, 64)
    const seaIds = [zxyToTileId(8, 200, 100), zxyToTileId(8, 200, 100) + 1, zxyToTileId(8, 200, 100) + 2, zxyToTileId(8, 10, 10)]
    for (const tileId of seaIds) tiles.push({ tileId, data: sea })
    tiles.sort((a, b) => a.tileId - b.tileId)

    const file = path.join(dir, 'small.pmtiles')
    const metadata = { name: '测试', vector_layers: [{ id: 'building', fields: {} }] }
    const summary = writePmtiles(file, { tileType: TileType.Png, tileCompression: Compression.None, bounds: [119.2, 26.0, 119.5, 26.2], center: [119.35, 26.1, 13], metadata }, tiles)

    expect(summary).toMatchObject({ addressedTiles: tiles.length, tileContents: tiles.length - 3, tileEntries: tiles.length - 2, leafDirectories: 0 })
    expect(fs.statSync(file).size).toBe(summary.bytes)
    await expectEveryTile(file, tiles)
    const { archive } = openPmtiles(file)
    const header = await archive.getHeader()
    expect(header).toMatchObject({
      specVersion: 3, clustered: true, tileType: TileType.Png, tileCompression: Compression.None, internalCompression: Compression.Gzip,
      minZoom: 0, maxZoom: 8, minLon: 119.2, minLat: 26, maxLon: 119.5, maxLat: 26.2, centerLon: 119.35, centerLat: 26.1, centerZoom: 13,
      numAddressedTiles: tiles.length, numTileContents: tiles.length - 3, leafDirectoryLength: 0,
    })
    expect(await archive.getMetadata()).toEqual(metadata)
    expect(await archive.getZxy(6, 1, 0)).toBeUndefined()
  })

  it('moves entries to leaf directories when the root would pass 16 KiB, and a reader still finds every tile', async () => {
    const tiles: PmtilesTile[] = []
    let tileId = zxyToTileId(14, 0, 0)
    for (let i = 0; i < 20_000; i++) {
      tileId += 1 + (i * 7919) % 13
      tiles.push({ tileId, data: bytes(i, 10 + (i % 300)) })
    }
    const file = path.join(dir, 'leaves.pmtiles')
    const summary = writePmtiles(file, { tileType: TileType.Mvt, tileCompression: Compression.None }, tiles)
    const { archive, source } = openPmtiles(file)
    const header = await archive.getHeader()

    expect(summary.leafDirectories).toBeGreaterThan(1)
    expect(header.leafDirectoryLength).toBeGreaterThan(0)
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384)
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(ROOT_DIRECTORY_MAX_BYTES)
    await expectEveryTile(file, tiles)
    // Header + root in the first read, then leaves and tiles: far fewer reads than a whole-file load.
    expect(source.reads[0]).toEqual([0, 16_384])
  }, 60_000)

  it('refuses tiles out of tile id order, and no tiles at all', () => {
    const file = path.join(dir, 'bad.pmtiles')
    const options = { tileType: TileType.Mvt, tileCompression: Compression.None }
    expect(() => writePmtiles(file, options, [{ tileId: 5, data: bytes(1, 4) }, { tileId: 5, data: bytes(2, 4) }]))
      .toThrow('PMTiles writer: tiles must come in ascending tile id order (5 after 5)')
    expect(() => writePmtiles(file, options, [])).toThrow('PMTiles writer: no tiles to write')
    expect(fs.existsSync(`${file}.tiledata.tmp`)).toBe(false)
  })

  it('keeps gzip-compressed tiles as they are; the reader returns them decompressed', async () => {
    const raw = Buffer.from(crypto.randomBytes(500))
    const file = path.join(dir, 'gzip.pmtiles')
    const zlib = await import('node:zlib')
    writePmtiles(file, { tileType: TileType.Mvt, tileCompression: Compression.Gzip }, [{ tileId: zxyToTileId(3, 2, 1), data: zlib.gzipSync(raw) }])
    const read = await openPmtiles(file).archive.getZxy(3, 2, 1)
    expect(Buffer.from(read!.data).equals(raw)).toBe(true)
  })
})
