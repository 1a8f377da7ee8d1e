// A supervisor drills in: a deep link to a grid, a click on a grid, and a replay of a known track.
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { launchChromium } from '../helpers/launch-chromium'
import { clickablePointIn } from '../helpers/map-points'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const KEY = 'e2e-key'

describe('drilling in on the wall', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let snapshot: WallSnapshot
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    server = await startTestServer({
      simulatorSpeed: 1, tickMs: 1000, historyMinIntervalMs: 0, historyMinDistanceM: 0,
      // The replay phone registers on its first fix, as a phone on the district's list of devices.
      ingestRegisterUnknown: true, ingestEnrolment: { key: null, allowedDevices: new Set(['e2e-replay-phone']), maxNew: 1 },
      access: { wallToken: null, integrationKeys: [KEY], operators: [] },
    })
    snapshot = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const grids = () => snapshot.areas.filter((a) => a.level === 'grid')
  const dataValue = (test: string) => page.getAttribute(`[data-test="${test}"]`, 'data-value').then(Number)
  const openCasesIn = async (code: string) => ((await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot).cases.filter((c) => c.gridCode === code).length

  it('opens a deep link to a grid with its name and counts equal to the server', async () => {
    const grid = grids()[0]
    await page.goto(`${server.url}/area/${grid.code}`)
    await page.waitForSelector('[data-test="drawer-title"]', { timeout: 60_000 })
    expect(await page.textContent('[data-test="drawer-title"]')).toBe(grid.name)
    expect(await page.textContent('[data-test="breadcrumb"] .current')).toBe(grid.name)
    await expect.poll(() => dataValue('headline-grids'), { timeout: 30_000 }).toBe(1)
    await expect.poll(async () => (await dataValue('headline-openCases')) === (await openCasesIn(grid.code)), { timeout: 30_000, interval: 500 }).toBe(true)
  })

  it('focuses a grid clicked on the map', async () => {
    const community = snapshot.areas.find((a) => a.level === 'community')!
    const target = grids().find((g) => g.parentCode === community.code)!
    await page.goto(`${server.url}/area/${community.code}`)
    await page.waitForFunction(() => window.__wallMap?.getLayer('grids-fill') != null, undefined, { timeout: 60_000 })
    const point = await clickablePointIn(page, target)
    await page.mouse.click(point.x, point.y)
    await page.waitForURL(`**/area/${target.code}`, { timeout: 20_000 })
    expect(await page.textContent('[data-test="drawer-title"]')).toBe(target.name)
  })

  it('replays a known track to its last recorded point', async () => {
    const now = ((await (await fetch(`${server.url}/api/health`)).json()) as { serverTime: number }).serverTime
    const [lng, lat] = grids()[3].center
    const positions = Array.from({ length: 20 }, (_, i) => ({ deviceId: 'e2e-replay-phone', lng: lng + i * 0.0001, lat: lat + (i % 5) * 0.00005, at: now - (20 - i) * 30_000 }))
    const response = await fetch(`${server.url}/api/ingest/positions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ positions }) })
    expect((await response.json() as { accepted: number }).accepted).toBe(20)
    const id = ((await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot).inspectorInfos.find((i) => i.deviceId === 'e2e-replay-phone')!.id
    const date = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
    await page.goto(`${server.url}/replay/${id}?date=${date}`)
    await page.waitForSelector('[data-test="replay-slider"]', { timeout: 60_000 })
    await page.$eval('[data-test="replay-slider"]', (slider: HTMLInputElement) => {
      slider.value = slider.max
      slider.dispatchEvent(new Event('input'))
    })
    const last = positions[positions.length - 1]
    await expect.poll(async () => Number(await page.getAttribute('[data-test="replay-position"]', 'data-lng')), { timeout: 10_000 }).toBeCloseTo(last.lng, 6)
    expect(Number(await page.getAttribute('[data-test="replay-position"]', 'data-lat'))).toBeCloseTo(last.lat, 6)
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})
