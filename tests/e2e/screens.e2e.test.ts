// One wall on every screen: a 1080p monitor, a 4K wall, a 3×1 spliced 5760×1080 wall and a laptop
// at Windows' 125 % scaling. No scrollbars, a map canvas as sharp as the screen, and clicks on the
// map landing on the grid under the pointer.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { launchChromium } from '../helpers/launch-chromium'
import { clickablePointIn } from '../helpers/map-points'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const SCREENS = [
  { name: '1920x1080', width: 1920, height: 1080, dpr: 1, layout: 'standard' },
  { name: '3840x2160', width: 3840, height: 2160, dpr: 1, layout: 'standard' },
  { name: '5760x1080', width: 5760, height: 1080, dpr: 1, layout: 'wide' },
  { name: '1920x1080-at-125pct', width: 1536, height: 864, dpr: 1.25, layout: 'standard' },
] as const

describe('the wall on every screen', () => {
  let server: TestServer
  let browser: Browser
  let snapshot: WallSnapshot

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    server = await startTestServer({ simulatorSpeed: 1, tickMs: 1000 })
    snapshot = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const screen of SCREENS) {
    it(`fits ${screen.name}`, { timeout: 180_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.dpr })
      const page = await context.newPage()
      const community = snapshot.areas.find((a) => a.level === 'community')!
      const grid = snapshot.areas.find((a) => a.level === 'grid' && a.parentCode === community.code)!
      await page.goto(`${server.url}/area/${community.code}`)
      await page.waitForFunction(() => window.__wallMap?.getLayer('grids-fill') != null, undefined, { timeout: 90_000 })
      expect(await page.getAttribute('.wall', 'data-layout')).toBe(screen.layout)

      const geometry = await page.evaluate(() => {
        const canvas = window.__wallMap!.getCanvas()
        const rect = canvas.getBoundingClientRect()
        const root = document.scrollingElement!
        return { width: canvas.width, height: canvas.height, boxWidth: rect.width, boxHeight: rect.height, dpr: devicePixelRatio, scrollX: root.scrollWidth - innerWidth, scrollY: root.scrollHeight - innerHeight }
      })
      expect(geometry.scrollX).toBeLessThanOrEqual(0)
      expect(geometry.scrollY).toBeLessThanOrEqual(0)
      // The backing store matches what the screen shows: not up-scaled (blurry) nor wasted.
      expect(Math.abs(geometry.width - geometry.boxWidth * geometry.dpr)).toBeLessThanOrEqual(2)
      expect(Math.abs(geometry.height - geometry.boxHeight * geometry.dpr)).toBeLessThanOrEqual(2)

      const point = await clickablePointIn(page, grid)
      await page.mouse.click(point.x, point.y)
      await page.waitForURL(`**/area/${grid.code}`, { timeout: 30_000 })
      fs.mkdirSync('tests/artifacts', { recursive: true })
      await page.screenshot({ path: path.join('tests/artifacts', `screen-${screen.name}.png`) })
      await context.close()
    })
  }
})
