// BASEMAP and its companion variables → the walls' basemap, and every message a bad value gets.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseBasemap } from '../../../server/basemap/basemap-config'
import { loadConfig, ConfigError } from '../../../server/config'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-config-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

const TIANDITU_VEC = 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY'
const TIANDITU_CVA = TIANDITU_VEC.replaceAll('vec', 'cva')
const parse = (env: NodeJS.ProcessEnv) => parseBasemap(env, dataDir)
const fails = (env: NodeJS.ProcessEnv) => expect(() => parse(env))

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dataDir, name)
  fs.writeFileSync(file, content)
  return file
}
const pmtilesHead = (version: number) => Buffer.concat([Buffer.from('PMTiles', 'latin1'), Buffer.from([version]), Buffer.alloc(119)])

describe('parseBasemap', () => {
  it('draws the demo basemap when BASEMAP is unset or demo', () => {
    for (const env of [{}, { BASEMAP: '' }, { BASEMAP: 'demo' }]) {
      expect(parse(env)).toEqual({ source: { kind: 'demo' }, crs: 'wgs84', attribution: '', file: null })
    }
  })

  it('reads a Tianditu vec_w|cva_w pair with subdomains 0-7 as two raster layers of eight URLs each', () => {
    const basemap = parse({ BASEMAP: `${TIANDITU_VEC}|${TIANDITU_CVA}`, BASEMAP_SUBDOMAINS: '0-7' })
    expect(basemap.source.kind).toBe('raster')
    if (basemap.source.kind !== 'raster') return
    expect(basemap.source.tint).toBe('dark')
    expect(basemap.source.layers).toHaveLength(2)
    expect(basemap.source.layers[0]).toMatchObject({ tileSize: 256, minzoom: 0, maxzoom: 18 })
    expect(basemap.source.layers[0].tiles).toHaveLength(8)
    expect(basemap.source.layers[0].tiles[3]).toBe(TIANDITU_VEC.replace('{s}', '3'))
    expect(basemap.source.layers[1].tiles[7]).toContain('https://t7.tianditu.gov.cn/cva_w/')
    expect(basemap.attribution).toBe('© 天地图 国家地理信息公共服务平台')
    expect(basemap.file).toBeNull()
  })

  it('expands a,b,c subdomains and names OpenStreetMap in the attribution', () => {
    const basemap = parse({ BASEMAP: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', BASEMAP_SUBDOMAINS: 'a, b,c' })
    expect(basemap.source.kind === 'raster' && basemap.source.layers[0].tiles).toEqual([
      'https://a.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://b.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://c.tile.openstreetmap.org/{z}/{x}/{y}.png',
    ])
    expect(basemap.attribution).toBe('© OpenStreetMap 贡献者')
  })

  it('reads tile size, zoom range, tint, CRS and attribution', () => {
    const basemap = parse({
      BASEMAP: 'http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png', BASEMAP_TILE_SIZE: '512', BASEMAP_MINZOOM: '8', BASEMAP_MAXZOOM: '20',
      BASEMAP_TINT: 'Dim', BASEMAP_CRS: 'gcj02', BASEMAP_ATTRIBUTION: '© 福州市自然资源和规划局',
    })
    expect(basemap).toEqual({
      source: { kind: 'raster', tint: 'dim', layers: [{ tiles: ['http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png'], tileSize: 512, minzoom: 8, maxzoom: 20 }] },
      crs: 'gcj02', attribution: '© 福州市自然资源和规划局', file: null,
    })
  })

  it('credits an unknown host by its name', () => {
    expect(parse({ BASEMAP: 'http://10.1.2.3:8080/{z}/{x}/{y}.png' }).attribution).toBe('底图 © 10.1.2.3')
    expect(parse({ BASEMAP: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8' }).attribution).toBe('© 高德地图')
  })

  it('serves a PMTiles v3 file of DATA_DIR under /basemap/tiles with a version in its URL', () => {
    const file = writeFile('city.pmtiles', pmtilesHead(3))
    const basemap = parse({ BASEMAP: 'city.pmtiles', BASEMAP_TINT: 'none' })
    expect(basemap.source).toMatchObject({ kind: 'pmtiles', tint: 'none' })
    expect(basemap.source.kind === 'pmtiles' && basemap.source.url).toMatch(/^\/basemap\/tiles\/city\.pmtiles\?v=[0-9a-z]+-[0-9a-z]+$/)
    expect(basemap.file).toBe(file)
    expect(basemap.attribution).toBe('© OpenStreetMap 贡献者')
    expect(parse({ BASEMAP: file }).file).toBe(file)
  })

  it('reads a PMTiles URL as a remote archive', () => {
    expect(parse({ BASEMAP: 'https://tiles.example.cn/fuzhou.pmtiles' })).toEqual({
      source: { kind: 'pmtiles', url: 'https://tiles.example.cn/fuzhou.pmtiles', tint: 'dark' }, crs: 'wgs84', attribution: '底图 © tiles.example.cn', file: null,
    })
  })

  it('reads a style URL, and a style file of DATA_DIR served by this server', () => {
    expect(parse({ BASEMAP: 'https://tiles.openfreemap.org/styles/dark' })).toEqual({
      source: { kind: 'style', url: 'https://tiles.openfreemap.org/styles/dark' }, crs: 'wgs84', attribution: '© OpenMapTiles © OpenStreetMap 贡献者', file: null,
    })
    const file = writeFile('style.json', JSON.stringify({ version: 8, sources: {}, layers: [] }))
    const basemap = parse({ BASEMAP: 'style.json' })
    expect(basemap.source.kind === 'style' && basemap.source.url).toMatch(/^\/basemap\/tiles\/style\.json\?v=/)
    expect(basemap.file).toBe(file)
  })
})

describe('parseBasemap refuses', () => {
  it('a template without {x} or {y}, or not over http(s)', () => {
    fails({ BASEMAP: 'https://t.example.cn/{z}/{x}.png' }).toThrow('BASEMAP=https://t.example.cn/{z}/{x}.png: a tile template needs {y}')
    fails({ BASEMAP: 'ftp://t.example.cn/{z}/{x}/{y}.png' }).toThrow('BASEMAP=ftp://t.example.cn/{z}/{x}/{y}.png: a tile template must be an http(s) URL')
    fails({ BASEMAP: 'tiles/{z}/{x}/{y}.png' }).toThrow('BASEMAP=tiles/{z}/{x}/{y}.png: a tile template must be an http(s) URL')
  })

  it('{s} without BASEMAP_SUBDOMAINS, subdomains without {s}, and bad subdomains', () => {
    fails({ BASEMAP: TIANDITU_VEC }).toThrow('BASEMAP has {s} in a tile template: set BASEMAP_SUBDOMAINS (e.g. 0-7 for Tianditu, a,b,c)')
    fails({ BASEMAP: 'https://a.example.cn/{z}/{x}/{y}.png', BASEMAP_SUBDOMAINS: '0-7' }).toThrow('BASEMAP_SUBDOMAINS=0-7: BASEMAP has no {s} to fill')
    fails({ BASEMAP: TIANDITU_VEC, BASEMAP_SUBDOMAINS: '7-0' }).toThrow('BASEMAP_SUBDOMAINS=7-0: the range 7-0 must run upwards over at most 64 numbers')
    fails({ BASEMAP: TIANDITU_VEC, BASEMAP_SUBDOMAINS: 'a,b c' }).toThrow('BASEMAP_SUBDOMAINS=a,b c: "b c" is not a subdomain (use a range such as 0-7 or a list such as a,b,c)')
  })

  it('a bad tile size, zoom or zoom range', () => {
    const raster = { BASEMAP: 'https://a.example.cn/{z}/{x}/{y}.png' }
    fails({ ...raster, BASEMAP_TILE_SIZE: '300' }).toThrow('BASEMAP_TILE_SIZE=300: must be 128, 256, 512 or 1024 (pixels)')
    fails({ ...raster, BASEMAP_MINZOOM: '-1' }).toThrow('BASEMAP_MINZOOM=-1: must be a zoom level from 0 to 24')
    fails({ ...raster, BASEMAP_MAXZOOM: '18.5' }).toThrow('BASEMAP_MAXZOOM=18.5: must be a zoom level from 0 to 24')
    fails({ ...raster, BASEMAP_MINZOOM: '12', BASEMAP_MAXZOOM: '10' }).toThrow('BASEMAP_MINZOOM=12: must not exceed BASEMAP_MAXZOOM (10)')
  })

  it('a bad tint or CRS', () => {
    fails({ BASEMAP: 'https://a.example.cn/{z}/{x}/{y}.png', BASEMAP_TINT: 'sepia' }).toThrow('BASEMAP_TINT=sepia: must be one of dark, dim, none')
    fails({ BASEMAP_CRS: 'bd09' }).toThrow('BASEMAP_CRS=bd09: must be one of wgs84, gcj02')
    fails({ BASEMAP_CRS: 'gcj02' }).toThrow('BASEMAP_CRS=gcj02: the demo basemap is WGS-84; gcj02 is for a 高德 / Tencent basemap set in BASEMAP')
    fails({ BASEMAP: 'demo', BASEMAP_CRS: 'GCJ02' }).toThrow('BASEMAP_CRS=GCJ02: the demo basemap is WGS-84')
  })

  it('raster settings for a basemap that is not raster tiles', () => {
    fails({ BASEMAP_TILE_SIZE: '512' }).toThrow('BASEMAP_TILE_SIZE=512: applies only to raster tile templates (BASEMAP with {z}), not to BASEMAP=demo')
    fails({ BASEMAP: 'https://s.example.cn/style.json', BASEMAP_MAXZOOM: '16' }).toThrow('BASEMAP_MAXZOOM=16: applies only to raster tile templates (BASEMAP with {z}), not to BASEMAP=https://s.example.cn/style.json')
    fails({ BASEMAP: 'https://s.example.cn/style.json', BASEMAP_TINT: 'dim' }).toThrow('BASEMAP_TINT=dim: applies only to raster tiles (templates with {z}, or a raster .pmtiles)')
    fails({ BASEMAP: 'https://s.example.cn/a.pmtiles', BASEMAP_SUBDOMAINS: 'a,b' }).toThrow('BASEMAP_SUBDOMAINS=a,b: applies only to raster tile templates')
  })

  it('a missing file, a file that is not PMTiles v3, a style file that is not a style', () => {
    fails({ BASEMAP: 'missing.pmtiles' }).toThrow(`BASEMAP=missing.pmtiles: no such file (looked at ${path.join(dataDir, 'missing.pmtiles')}; a relative name is read from DATA_DIR)`)
    writeFile('old.pmtiles', Buffer.concat([Buffer.from('PM', 'latin1'), Buffer.from([2, 0]), Buffer.alloc(100)]))
    fails({ BASEMAP: 'old.pmtiles' }).toThrow('BASEMAP=old.pmtiles: a PMTiles v2 archive; convert it to v3 (pmtiles convert old.pmtiles new.pmtiles)')
    writeFile('fake.pmtiles', 'SQLite format 3\0')
    fails({ BASEMAP: 'fake.pmtiles' }).toThrow('BASEMAP=fake.pmtiles: not a PMTiles v3 archive (it does not start with "PMTiles" and version 3)')
    writeFile('v4.pmtiles', pmtilesHead(4))
    fails({ BASEMAP: 'v4.pmtiles' }).toThrow('not a PMTiles v3 archive')
    writeFile('broken.json', '{"version": 8,')
    fails({ BASEMAP: 'broken.json' }).toThrow(/^BASEMAP=broken\.json: not valid JSON \(/)
    writeFile('geo.json', JSON.stringify({ type: 'FeatureCollection', features: [] }))
    fails({ BASEMAP: 'geo.json' }).toThrow('BASEMAP=geo.json: not a MapLibre style (needs "version": 8, "sources" and "layers")')
    fails({ BASEMAP: 'missing.json' }).toThrow('BASEMAP=missing.json: no such file')
  })

  it('a value that is none of the kinds', () => {
    fails({ BASEMAP: 'tianditu' }).toThrow('BASEMAP=tianditu: must be demo, raster tile templates with {z}/{x}/{y}, a .pmtiles file, or a MapLibre style (an http(s) URL or a .json file in DATA_DIR)')
  })

  it('as a ConfigError of loadConfig, which reads the file from DATA_DIR', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, BASEMAP: 'nowhere.pmtiles' })).toThrow(ConfigError)
    writeFile('ok.pmtiles', pmtilesHead(3))
    expect(loadConfig({ DATA_DIR: dataDir, BASEMAP: 'ok.pmtiles' }).basemap.file).toBe(path.join(dataDir, 'ok.pmtiles'))
    expect(loadConfig({}).basemap.source).toEqual({ kind: 'demo' })
  })
})
