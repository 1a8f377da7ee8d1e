// The wall drawing its areas from the server's vector tiles (?grids=tiles) behind a wall token: grid
// cells on the map with their codes, shading by feature-state, each grid's name drawn once, a click
// that focuses a grid and its outline fetched on its own, and the first-draw mark the bench reads.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AreaInfo, WallSnapshot } from '../../server/contract/domain'
import { launchChromium } from '../helpers/launch-chromium'
import { clickablePointIn } from '../helpers/map-points'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const TOKEN = 'e2e-wall-token'
const ARTIFACTS = path.resolve('tests/artifacts')

describe('the wall with tiled grids', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []
  const tileStatuses: number[] = []

  beforeAll(async () => {
    if (!fs.existsSync(path.join(process.env.WALL_DIST ?? 'dist', 'index.html'))) throw new Error('dist/ (or WALL_DIST) is missing: run `vite build` first (npm test does)')
    server = await startTestServer({ simulatorSpeed: 1, tickMs: 1000, access: { wallToken: TOKEN, integrationKeys: [], operators: [] } })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    page.on('response', (r) => { if (r.url().includes('/api/tiles/areas/')) tileStatuses.push(r.status()) })
    await page.goto(`${server.url}/?token=${TOKEN}&grids=tiles`)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as WallSnapshot
  const grids = async () => (await snapshot()).areas.filter((a): a is AreaInfo => a.level === 'grid')

  it('draws every grid of the view from vector tiles fetched with the token', async () => {
    await page.waitForFunction(() => (window.__wallMap?.getLayer('grids-fill') ? window.__wallMap.queryRenderedFeatures({ layers: ['grids-fill'] }).length > 10 : false), undefined, { timeout: 90_000, polling: 1000 })
    expect(await page.evaluate(() => window.__wallMap!.getSource('areas')!.type)).toBe('vector')
    expect(tileStatuses.length).toBeGreaterThan(0)
    expect(tileStatuses.every((s) => s === 200 || s === 204)).toBe(true)
    const drawn = await page.evaluate(() => window.__wallMap!.queryRenderedFeatures({ layers: ['grids-fill'] }).map((f) => String(f.properties.code)))
    const codes = new Set((await grids()).map((g) => g.code))
    expect(drawn.every((c) => codes.has(c))).toBe(true)
    const marks = () => page.evaluate(() => performance.getEntriesByName('wall:grids-drawn').map((e) => (e as PerformanceMark).detail as { mode: string }))
    await expect.poll(marks, { timeout: 10_000 }).toEqual([{ mode: 'tiles' }])
  })

  it('shades the grids by their open cases through feature-state on the tile layer', async () => {
    const agree = async () => {
      const load = (await snapshot()).stats.gridLoad
      const busy = Object.entries(load).filter(([, l]) => l.open > 0).slice(0, 5)
      if (busy.length === 0) return 'no busy grid yet'
      const states = await page.evaluate((codes) => codes.map((id) => window.__wallMap!.getFeatureState({ source: 'areas', sourceLayer: 'areas', id }).open as number | undefined), busy.map(([c]) => c))
      return JSON.stringify(states) === JSON.stringify(busy.map(([, l]) => l.open)) ? 'agree' : JSON.stringify(states)
    }
    await expect.poll(agree, { timeout: 30_000, interval: 1000 }).toBe('agree')
  })

  it('draws each grid\'s name once when zoomed in', async () => {
    const grid = (await grids())[0]
    await page.evaluate((center) => window.__wallMap!.jumpTo({ center: center as [number, number], zoom: 15.5 }), grid.center)
    const labels = async () => page.evaluate((code) => window.__wallMap!.queryRenderedFeatures({ layers: ['grids-label'] }).filter((f) => f.properties.code === code).map((f) => String(f.properties.name)), grid.code)
    await expect.poll(labels, { timeout: 60_000, interval: 1000 }).toEqual([grid.name])
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-tiles-z15.png') })
  })

  it('focuses a clicked grid and outlines it with its own polygon', async () => {
    const all = await grids()
    const community = (await snapshot()).areas.find((a) => a.level === 'community')!
    const target = all.find((g) => g.parentCode === community.code)!
    await page.goto(`${server.url}/area/${community.code}?grids=tiles`)
    await page.waitForFunction(() => window.__wallMap?.getLayer('grids-fill') != null, undefined, { timeout: 60_000 })
    const point = await clickablePointIn(page, target)
    await page.mouse.click(point.x, point.y)
    await page.waitForURL(`**/area/${target.code}**`, { timeout: 20_000 })
    await page.waitForFunction(() => (window.__wallMap?.queryRenderedFeatures({ layers: ['focus-outline'] }).length ?? 0) > 0, undefined, { timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-tiles-focus.png') })
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})
