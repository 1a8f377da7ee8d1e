// The centre's own basemap in Chromium against a real server, one server per mode: the demo (nothing
// fetched beyond this server), a PMTiles archive made here from the repo's OpenStreetMap extract
// (range requests to this server only), a raster XYZ server (tinted dark, credited), and a raster
// server that answers 500 (a message on the map; grids, inspectors and cases still drawn).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseColour } from '../../client/map/basemap/colour'
import { parseBasemap } from '../../server/basemap/basemap-config'
import { writeCityPmtiles } from '../helpers/city-pmtiles'
import { launchChromium } from '../helpers/launch-chromium'
import { startRasterTileServer, type RasterTileServer } from '../helpers/raster-tile-server'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
const WALL_DIST = path.resolve(process.env.WALL_DIST ?? 'dist')

interface OpenWall {
  server: TestServer
  page: Page
  /** Requests to any host but 127.0.0.1 (and not data:/blob:). */
  foreign: string[]
  /** Every request the page made, with the status it got. */
  responses: Array<{ url: string; status: number; range: string | undefined }>
  consoleErrors: string[]
  close(): Promise<void>
}

let browser: Browser
beforeAll(async () => {
  if (!fs.existsSync(path.join(WALL_DIST, 'index.html'))) throw new Error(`${WALL_DIST} has no built wall: run vite build first`)
  browser = await launchChromium()
})
afterAll(async () => { await browser?.close() })

async function openWall(env: NodeJS.ProcessEnv, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-e2e-'))): Promise<OpenWall> {
  const server = await startTestServer({ dataDir, basemap: parseBasemap(env, dataDir), simulatorSpeed: 1, tickMs: 1000 })
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const foreign: string[] = []
  const responses: OpenWall['responses'] = []
  const consoleErrors: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(request.url())
  })
  page.on('response', (response) => responses.push({ url: response.url(), status: response.status(), range: response.request().headers().range }))
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()) })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  await page.goto(server.url)
  return {
    server, page, foreign, responses, consoleErrors,
    async close() {
      await page.close()
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Our own layers drawn: grid cells, inspectors and open cases (counts of rendered features). */
async function ourLayersDrawn(page: Page): Promise<Record<string, number>> {
  await page.waitForFunction(() => {
    const map = window.__wallMap
    if (!map || !map.isStyleLoaded()) return false
    const count = (layer: string) => (map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }).length : 0)
    return count('grids-fill') > 10 && count('inspectors-circle') > 5 && count('cases-circle') > 5
  }, undefined, { timeout: 90_000, polling: 1000 })
  return rendered(page, ['grids-fill', 'inspectors-circle', 'cases-circle'])
}

function rendered(page: Page, layers: string[]): Promise<Record<string, number>> {
  return page.evaluate((ids) => {
    const map = window.__wallMap!
    return Object.fromEntries(ids.map((id) => [id, map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1]))
  }, layers)
}

async function screenshot(page: Page, name: string): Promise<void> {
  // Let the basemap's tiles arrive (software WebGL is slow); a failing basemap never "loads".
  await page.waitForFunction(() => window.__wallMap?.loaded(), undefined, { timeout: 30_000, polling: 500 }).catch(() => {})
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `basemap-${name}-1920x1080.png`)
  await page.screenshot({ path: file })
  expect(fs.statSync(file).size).toBeGreaterThan(100_000)
}

const attribution = (page: Page) => page.textContent('.maplibregl-ctrl-attrib')

describe('BASEMAP=demo', () => {
  let wall: OpenWall
  beforeAll(async () => { wall = await openWall({ BASEMAP: 'demo' }) })
  afterAll(async () => { await wall?.close() })

  it('draws the demo footprints under grids, inspectors and cases', async () => {
    await ourLayersDrawn(wall.page)
    expect((await rendered(wall.page, ['buildings-fill']))['buildings-fill']).toBeGreaterThan(100)
    expect(await attribution(wall.page)).toContain('DataV.GeoAtlas')
    await screenshot(wall.page, 'demo')
  })

  it('requested nothing beyond this server and logged no error', () => {
    expect(wall.foreign).toEqual([])
    expect(wall.consoleErrors).toEqual([])
    expect(wall.responses.filter((r) => r.status >= 400)).toEqual([])
  })
})

describe('BASEMAP=<file>.pmtiles (made here from the OpenStreetMap extract)', () => {
  let wall: OpenWall
  let tiles: ReturnType<typeof writeCityPmtiles>
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-e2e-'))
    tiles = writeCityPmtiles(path.join(dataDir, 'jinan.pmtiles'))
    wall = await openWall({ BASEMAP: 'jinan.pmtiles' }, dataDir)
  })
  afterAll(async () => { await wall?.close() })

  it('draws the archive in the wall style under our layers', async () => {
    expect(tiles.addressedTiles).toBeGreaterThan(100)
    await ourLayersDrawn(wall.page)
    await wall.page.waitForFunction(() => window.__wallMap!.queryRenderedFeatures({ layers: ['basemap-building'] }).length > 100, undefined, { timeout: 60_000, polling: 1000 })
    expect((await rendered(wall.page, ['basemap-boundary']))['basemap-boundary']).toBeGreaterThan(0)
    expect(await attribution(wall.page)).toContain('© OpenStreetMap 贡献者')
    expect(await attribution(wall.page)).not.toContain('DataV.GeoAtlas')
    await screenshot(wall.page, 'pmtiles')
  })

  it('read the archive with range requests (206) from this server only', () => {
    const archive = wall.responses.filter((r) => r.url.includes('/basemap/tiles/jinan.pmtiles'))
    expect(archive.length).toBeGreaterThan(1)
    for (const r of archive) {
      expect(r.range, r.url).toMatch(/^bytes=\d+-\d+$/)
      expect(r.status, r.url).toBe(206)
    }
    expect(wall.foreign).toEqual([])
    expect(wall.consoleErrors).toEqual([])
  })
})

describe('BASEMAP=http://127.0.0.1:<port>/{z}/{x}/{y}.png (a raster XYZ server)', () => {
  let tileServer: RasterTileServer
  let wall: OpenWall
  beforeAll(async () => {
    tileServer = await startRasterTileServer()
    wall = await openWall({ BASEMAP: tileServer.template, BASEMAP_MAXZOOM: '18' })
  })
  afterAll(async () => {
    await wall?.close()
    await tileServer?.close()
  })

  it('fetches its tiles, tints them dark and credits the server', async () => {
    await ourLayersDrawn(wall.page)
    expect(tileServer.requests.length).toBeGreaterThan(4)
    expect(tileServer.requests.every((r) => /^\/1[2-4]\/\d+\/\d+\.png$/.test(r))).toBe(true)
    expect(await attribution(wall.page)).toContain(`底图 © ${tileServer.host.split(':')[0]}`)
    expect(await wall.page.locator('[data-test="basemap-failed"]').count()).toBe(0)
    await screenshot(wall.page, 'raster')
    expect(wall.consoleErrors).toEqual([])
  })
})

describe('a basemap that fails (its tile server answers 500)', () => {
  let tileServer: RasterTileServer
  let wall: OpenWall
  beforeAll(async () => {
    tileServer = await startRasterTileServer({ failWith: 500 })
    wall = await openWall({ BASEMAP: tileServer.template, BASEMAP_ATTRIBUTION: '© 某市政务地图' })
  })
  afterAll(async () => {
    await wall?.close()
    await tileServer?.close()
  })

  it('says so on the map, naming the server', async () => {
    const message = wall.page.locator('[data-test="basemap-failed"]')
    await message.waitFor({ timeout: 60_000 })
    expect(await message.textContent()).toBe(`底图加载失败：${tileServer.host}（网格、人员、案件照常显示）`)
    expect(tileServer.requests.length).toBeGreaterThan(0)
  })

  it('still draws grid cells, inspectors and cases', async () => {
    const counts = await ourLayersDrawn(wall.page)
    expect(counts['grids-fill']).toBeGreaterThan(10)
    expect(await attribution(wall.page)).toContain('© 某市政务地图')
    await screenshot(wall.page, 'failed')
    // Only the browser's own lines about the failed tiles; nothing thrown by the wall.
    expect(wall.consoleErrors.filter((e) => !e.includes('500 (Internal Server Error)'))).toEqual([])
  })
})

describe('BASEMAP=<a style URL> (a centre\'s light style, recoloured for the wall)', () => {
  let tileServer: RasterTileServer
  let wall: OpenWall
  beforeAll(async () => {
    tileServer = await startRasterTileServer()
    wall = await openWall({ BASEMAP: tileServer.styleUrl })
  })
  afterAll(async () => {
    await wall?.close()
    await tileServer?.close()
  })

  it('fetches the style, draws its tiles tinted and its light background dark', async () => {
    await ourLayersDrawn(wall.page)
    expect(tileServer.requests[0]).toBe('/style.json')
    expect(tileServer.requests.filter((r) => r.endsWith('.png')).length).toBeGreaterThan(4)
    const paint = await wall.page.evaluate(() => {
      const map = window.__wallMap!
      return { land: map.getPaintProperty('land', 'background-color'), streets: map.getPaintProperty('streets', 'raster-brightness-min') }
    })
    // The beige #f8f4f0 (lightness 0.96) inverted to near the wall's background.
    expect(parseColour(paint.land as string)!.l).toBeLessThan(0.12)
    expect(paint.streets).toBe(1)
    expect(await attribution(wall.page)).toContain('底图 © 127.0.0.1')
    await screenshot(wall.page, 'style')
    expect(wall.consoleErrors).toEqual([])
  })
})

describe('a style URL that cannot be fetched (a closed port)', () => {
  let wall: OpenWall
  beforeAll(async () => {
    const closed = await startRasterTileServer()
    await closed.close()
    wall = await openWall({ BASEMAP: closed.styleUrl })
  })
  afterAll(async () => { await wall?.close() })

  it('says so, and draws grid cells, inspectors and cases on the wall background', async () => {
    const counts = await ourLayersDrawn(wall.page)
    expect(counts['inspectors-circle']).toBeGreaterThan(5)
    const message = await wall.page.textContent('[data-test="basemap-failed"]')
    expect(message).toMatch(/^底图加载失败：127\.0\.0\.1:\d+（网格、人员、案件照常显示）$/)
  })
})
