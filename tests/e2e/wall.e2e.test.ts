// The built wall in Chromium against a real server: live data arrives, the map shows grid cells,
// inspectors and cases, the panels agree with the server, nothing leaves localhost, no console error.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const ARTIFACTS = path.resolve('tests/artifacts')

describe('the wall in a browser', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  const foreignRequests: string[] = []
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync(path.join(process.env.WALL_DIST ?? 'dist', 'index.html'))) throw new Error('dist/ (or WALL_DIST) is missing: run `vite build` first (npm test does)')
    server = await startTestServer({ simulatorSpeed: 1, tickMs: 1000 })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreignRequests.push(request.url())
    })
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()) })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
  const dataValue = (selector: string, attribute = 'data-value') => page.getAttribute(`[data-test="${selector}"]`, attribute).then(Number)

  it('draws grid cells, inspectors and open cases on the map', async () => {
    await page.waitForFunction(() => {
      const map = window.__wallMap
      if (!map || !map.isStyleLoaded()) return false
      const count = (layer: string) => (map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }).length : 0)
      return count('grids-fill') > 10 && count('inspectors-circle') > 5 && count('cases-circle') > 5
    }, undefined, { timeout: 90_000, polling: 1000 })
  })

  it('shows the district and the live feed state', async () => {
    expect(await page.textContent('[data-test="district-title"]')).toContain((await snapshot()).district.name)
    await expect.poll(() => page.getAttribute('[data-test="feed-state"]', 'data-state'), { timeout: 20_000 }).toBe('live')
  })

  it('shows panel counts equal to the server', async () => {
    const server = await snapshot()
    const profile = server.profiles[server.district.code]
    expect(await dataValue('profile-residents')).toBe(profile.residents)
    expect(await dataValue('profile-partyMembers')).toBe(profile.partyMembers)
    expect(await dataValue('headline-grids')).toBe(server.areas.filter((a) => a.level === 'grid').length)
    // Live figures move while we read them: they must agree within a few polls.
    const agree = async () => {
      const s = (await snapshot()).stats
      const onPage = [
        await dataValue('headline-openCases'), await dataValue('funnel-reported'),
        await dataValue('kpi-closureRate', 'data-denominator'), await dataValue('inspectors-online'),
      ]
      return JSON.stringify(onPage) === JSON.stringify([s.openTotal, s.funnel.reported, s.kpis.closureRate.denominator, s.inspectors.online])
    }
    await expect.poll(agree, { timeout: 30_000, interval: 500 }).toBe(true)
  })

  it('made no request beyond localhost and logged no error', () => {
    expect(foreignRequests).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it('saves a 1920×1080 screenshot', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const file = path.join(ARTIFACTS, 'wall-1920x1080.png')
    await page.screenshot({ path: file })
    expect(fs.statSync(file).size).toBeGreaterThan(100_000)
  })
})
