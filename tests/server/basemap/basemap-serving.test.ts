// The basemap file of DATA_DIR over HTTP (ranges, ETag, long cache, nothing else of DATA_DIR), and
// the wall page carrying its WallPageConfig so the map needs no extra request to know its basemap.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { Compression, TileType, zxyToTileId } from 'pmtiles'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageBasemap, parseBasemap } from '../../../server/basemap/basemap-config'
import { basemapRouter } from '../../../server/basemap/basemap-router'
import { writePmtiles } from '../../../server/basemap/pmtiles-writer'
import type { WallPageConfig } from '../../../server/contract/basemap'
import { wallStaticRouter, withPageConfig } from '../../../server/http/wall-static'

describe('serving the basemap', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-serve-'))
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-client-'))
  let server: ReturnType<express.Express['listen']>
  let base: string
  let tileUrl: string

  beforeAll(async () => {
    writePmtiles(path.join(dataDir, 'city.pmtiles'), { tileType: TileType.Png, tileCompression: Compression.None }, [{ tileId: zxyToTileId(0, 0, 0), data: new Uint8Array(2000).fill(7) }])
    fs.writeFileSync(path.join(dataDir, 'wall.db'), 'secret')
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>t</title>\n  </head>\n<body></body></html>')
    const basemap = parseBasemap({ BASEMAP: 'city.pmtiles', BASEMAP_ATTRIBUTION: '</script><script>alert(1)</script> $& 福州' }, dataDir)
    tileUrl = basemap.source.kind === 'pmtiles' ? basemap.source.url : ''
    const app = express().use(basemapRouter(basemap)).use(wallStaticRouter(clientDir, 'zh-CN', { basemap: pageBasemap(basemap) }))
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.close()
    for (const dir of [dataDir, clientDir]) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers a range request with 206 and just those bytes, an ETag and a long cache', async () => {
    const response = await fetch(base + tileUrl, { headers: { range: 'bytes=0-15' } })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toMatch(/^bytes 0-15\/\d+$/)
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 8).toString('latin1')).toBe('PMTiles\u0003')
    // Strong: the pmtiles reader drops weak ETags (W/…) and could not notice a replaced file.
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=2592000')
    // fetch() adds cache-control: no-cache to a conditional request, so ask as a browser cache does.
    const again = await rawGet(base + tileUrl, { 'if-none-match': response.headers.get('etag')! })
    expect(again).toBe(304)
  })

  it('serves nothing else of DATA_DIR', async () => {
    // (the wall's catch-all answers unknown paths with its page, never with the file)
    for (const route of ['/basemap/tiles/wall.db', '/basemap/tiles/..%2Fwall.db', '/basemap/tiles/city.pmtiles/../wall.db']) {
      expect(await (await fetch(base + route)).text(), route).not.toContain('secret')
    }
  })

  it('puts the basemap, without the server path of its file, in the page with < escaped', async () => {
    const html = await (await fetch(`${base}/area/350111001001`)).text()
    const match = /<script id="wall-config" type="application\/json">(.*?)<\/script>/.exec(html)
    expect(match).not.toBeNull()
    expect(match![1]).not.toContain('<')
    const page = JSON.parse(match![1]) as WallPageConfig
    expect(page.basemap).toEqual({ source: { kind: 'pmtiles', url: tileUrl, tint: 'dark' }, crs: 'wgs84', attribution: '</script><script>alert(1)</script> $& 福州' })
    expect(html).not.toContain(dataDir)
    expect(html.indexOf('wall-config')).toBeLessThan(html.indexOf('</head>'))
  })

  it('puts the config first on a page without a head', () => {
    expect(withPageConfig('<p>x</p>', { basemap: { source: { kind: 'demo' }, crs: 'gcj02', attribution: '' } }))
      .toBe('<script id="wall-config" type="application/json">{"basemap":{"source":{"kind":"demo"},"crs":"gcj02","attribution":""}}</script><p>x</p>')
  })
})

function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    }).on('error', reject)
  })
}
