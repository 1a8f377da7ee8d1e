// tilemaker's .mbtiles (TMS rows, gzip'd tiles, a json metadata row) → PMTiles, through the function
// and the npm script's command line; read back with the pmtiles package's reader.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { Compression, TileType } from 'pmtiles'
import { afterAll, describe, expect, it } from 'vitest'
import { convertMbtilesToPmtiles } from '../../../server/basemap/mbtiles-archive'
import { openPmtiles } from '../../helpers/pmtiles-file'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbtiles-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Tiles of zoom 10–13 over central Fuzhou, keyed by XYZ z/x/y; each a distinct payload. */
function writeMbtiles(file: string): Map<string, Buffer> {
  const db = new Database(file)
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)')
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)')
  for (const [k, v] of [['name', '福州'], ['format', 'pbf'], ['bounds', '119.2,25.95,119.45,26.2'], ['center', '119.3,26.07,12'], ['minzoom', '10'], ['maxzoom', '13'],
    ['json', JSON.stringify({ vector_layers: [{ id: 'building', fields: { render_height: 'Number' } }] })]]) meta.run(k, v)
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)')
  const expected = new Map<string, Buffer>()
  for (let z = 10; z <= 13; z++) {
    const n = 2 ** z
    const [x0, y0] = [Math.floor((119.2 + 180) / 360 * n), Math.floor((1 - Math.asinh(Math.tan(26.2 * Math.PI / 180)) / Math.PI) / 2 * n)]
    for (let x = x0; x < x0 + 2 ** (z - 9); x++) {
      for (let y = y0; y < y0 + 2 ** (z - 9); y++) {
        const raw = Buffer.from(`tile ${z}/${x}/${y} `.repeat(20))
        insert.run(z, x, n - 1 - y, zlib.gzipSync(raw))
        expected.set(`${z}/${x}/${y}`, raw)
      }
    }
  }
  db.close()
  return expected
}

describe('convertMbtilesToPmtiles', () => {
  it('flips TMS rows to XYZ and keeps every tile, the bounds, centre and vector_layers', async () => {
    const input = path.join(dir, 'city.mbtiles')
    const output = path.join(dir, 'city.pmtiles')
    const expected = writeMbtiles(input)
    const summary = convertMbtilesToPmtiles(input, output)

    expect(summary.addressedTiles).toBe(expected.size)
    const { archive } = openPmtiles(output)
    const header = await archive.getHeader()
    expect(header).toMatchObject({ tileType: TileType.Mvt, tileCompression: Compression.Gzip, minZoom: 10, maxZoom: 13, minLon: 119.2, maxLat: 26.2, centerZoom: 12 })
    for (const [zxy, raw] of expected) {
      const [z, x, y] = zxy.split('/').map(Number)
      const tile = await archive.getZxy(z, x, y)
      expect(Buffer.from(tile!.data).equals(raw), zxy).toBe(true)
    }
    expect(await archive.getMetadata()).toMatchObject({ name: '福州', format: 'pbf', vector_layers: [{ id: 'building' }] })
  })

  it('refuses a file that is not MBTiles, and one without tiles', () => {
    const notMbtiles = path.join(dir, 'other.sqlite')
    new Database(notMbtiles).exec('CREATE TABLE t (a)').close()
    expect(() => convertMbtilesToPmtiles(notMbtiles, path.join(dir, 'x.pmtiles'))).toThrow(`${notMbtiles}: not an MBTiles file (no tiles or metadata table)`)
    const empty = path.join(dir, 'empty.mbtiles')
    new Database(empty).exec("CREATE TABLE metadata (name, value); INSERT INTO metadata VALUES ('format', 'png'); CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)").close()
    expect(() => convertMbtilesToPmtiles(empty, path.join(dir, 'x.pmtiles'))).toThrow(`${empty}: has no tiles`)
  })

  it('runs as npm run basemap:pmtiles -- <in> <out>', () => {
    const input = path.join(dir, 'cli.mbtiles')
    const output = path.join(dir, 'cli.pmtiles')
    writeMbtiles(input)
    const run = spawnSync('npm', ['run', '--silent', 'basemap:pmtiles', '--', input, output], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/cli\.pmtiles: 340 tiles \(340 distinct, 340 entries, 0 leaf directories\)/)
    expect(fs.readFileSync(output).subarray(0, 8).toString('latin1')).toBe('PMTiles\u0003')
    const usage = spawnSync('npm', ['run', '--silent', 'basemap:pmtiles', '--', input], { encoding: 'utf8' })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('usage: npm run basemap:pmtiles -- <in.mbtiles> <out.pmtiles>')
  })
})
