// A kiosk wall tours by itself: district → worst grid → most urgent case, pauses the moment a visitor
// touches it, resumes after a quiet spell, and hides a still cursor.
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GridLoad, WallSnapshot } from '../../server/contract/domain'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const TOUR = '/?kiosk=1&tour=district,worstGrid,urgentCase&tourSeconds=3&tourIdle=4'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Visit { path: string, at: number, stop?: string | null }
interface Probe { visits: Visit[], touchAt: number, moveAt: number, hiddenAt: number }
declare global {
  interface Window { __tour?: Probe }
}

/** Most overdue, then most open, then the lower code: the wall's rule, written out independently. */
function worstGrid(gridLoad: Record<string, GridLoad>): string | undefined {
  return Object.entries(gridLoad).filter(([, l]) => l.open > 0)
    .sort(([ac, a], [bc, b]) => b.overdue - a.overdue || b.open - a.open || (ac < bc ? -1 : 1))[0]?.[0]
}

/**
 * Runs in the page before the wall: logs every navigation with the badge's stop, the last touch and
 * move, and when the cursor was hidden. SwiftShader keeps the page's main thread busy for seconds at
 * a time, so the test reads this log instead of racing the tour with polls.
 */
function recordTour(): void {
  const probe: Probe = { visits: [], touchAt: 0, moveAt: 0, hiddenAt: 0 }
  window.__tour = probe
  const push = history.pushState.bind(history)
  history.pushState = (...args: Parameters<History['pushState']>) => {
    push(...args)
    const visit: Visit = { path: location.pathname, at: performance.now() }
    probe.visits.push(visit)
    setTimeout(() => { visit.stop = document.querySelector('[data-test="tour-badge"]')?.getAttribute('data-stop') })
  }
  addEventListener('pointerdown', () => { probe.touchAt = performance.now() }, true)
  addEventListener('pointermove', () => { probe.moveAt = performance.now() }, true)
  const watchCursor = new MutationObserver(() => {
    if (document.documentElement.classList.contains('wall-kiosk-cursor-hidden')) probe.hiddenAt ||= performance.now()
    else probe.hiddenAt = 0
  })
  addEventListener('DOMContentLoaded', () => watchCursor.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] }))
}

describe('the visitors\' tour on a kiosk wall', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    server = await startTestServer({ simulatorSpeed: 1, tickMs: 1000 })
    browser = await launchChromium()
    // A small window: the wall scales to it, and SwiftShader has a quarter of the pixels to draw.
    page = await browser.newPage({ viewport: { width: 960, height: 540 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    await page.addInitScript(recordTour)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
  const probe = () => page.evaluate(() => window.__tour!)
  const badge = (attribute: string) => page.getAttribute('[data-test="tour-badge"]', attribute)
  const visitTo = async (prefix: string, after = -1) => {
    await expect.poll(async () => (await probe()).visits.findIndex((v, i) => i > after && v.path.startsWith(prefix) && v.stop !== undefined), { timeout: 30_000, interval: 250 }).toBeGreaterThan(after)
    const visits = (await probe()).visits
    const i = visits.findIndex((v, j) => j > after && v.path.startsWith(prefix))
    return { i, visit: visits[i], id: decodeURIComponent(visits[i].path.slice(prefix.length)) }
  }

  it('goes to the grid with the most overdue cases, then to the newest urgent case', async () => {
    const before = worstGrid((await snapshot()).stats.gridLoad)
    await page.goto(`${server.url}${TOUR}`)
    const area = await visitTo('/area/')
    // Live figures may move between our read and the wall's: the wall's pick must be one of them.
    expect([before, worstGrid((await snapshot()).stats.gridLoad)]).toContain(area.id)
    expect(area.visit.stop).toBe('worstGrid')

    const kase = await visitTo('/case/', area.i)
    expect(kase.i).toBe(area.i + 1)
    expect(kase.visit.stop).toBe('urgentCase')
    const open = (await snapshot()).cases
    const shown = open.find((c) => c.id === kase.id)
    expect(shown).toBeDefined()
    if (open.some((c) => c.deadline === 'overdue')) expect(shown!.deadline).toBe('overdue')
  })

  it('pauses when touched, holds the view, and resumes after the idle time', async () => {
    await page.mouse.click(480, 15) // the header's title: nothing to open there
    await expect.poll(() => badge('data-state'), { timeout: 5000, interval: 100 }).toBe('paused')
    expect(await page.textContent('[data-test="tour-badge"]')).toContain('4秒')
    const held = (await probe()).visits.length
    const url = page.url()
    await sleep(2500)
    expect(page.url()).toBe(url)
    expect((await probe()).visits.length).toBe(held)
    expect(await badge('data-state')).toBe('paused')

    await expect.poll(async () => (await probe()).visits.length, { timeout: 10_000, interval: 250 }).toBeGreaterThan(held)
    expect(await badge('data-state')).toBe('running')
    const { visits, touchAt } = await probe()
    expect(visits[held].at - touchAt).toBeGreaterThanOrEqual(4000)
  })

  it('hides the cursor over the map after 3 s without movement', async () => {
    const cursor = () => page.$eval('.maplibregl-canvas', (canvas) => getComputedStyle(canvas).cursor)
    await page.mouse.move(480, 300)
    await page.mouse.move(490, 310)
    await expect.poll(async () => (await probe()).moveAt > 0 && (await probe()).hiddenAt === 0, { timeout: 5000, interval: 100 }).toBe(true)
    await expect.poll(cursor, { timeout: 10_000, interval: 250 }).toBe('none')
    const { moveAt, hiddenAt } = await probe()
    expect(hiddenAt - moveAt).toBeGreaterThanOrEqual(2900)
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})
