// The 党建引领 and 综合评价 boards on a 1920×1080 wall with the real server: figures equal to the
// server's, every panel with its data age, the board kept while the map drills, a ranking row drilled
// to the exact cases behind its score and on to a case, the 5760×1080 design, and the tour's stops.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import type { EvaluationReport, HotlineFigures, IndicatorDrill } from '../../server/contract/evaluation'
import type { PartySummary } from '../../server/contract/party'
import { launchChromium } from '../helpers/launch-chromium'
import { clickablePointIn } from '../helpers/map-points'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const DIST = process.env.WALL_DIST ?? 'dist'
const ARTIFACTS = 'tests/artifacts'

declare global {
  interface Window { __visits?: string[] }
}

describe('the 党建引领 and ranking boards', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let snapshot: WallSnapshot
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/ is missing: run \`vite build\` first (npm test does)`)
    server = await startTestServer({ simulatorSpeed: 30, tickMs: 1000 })
    snapshot = await get<WallSnapshot>('/api/snapshot')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function get<T>(url: string): Promise<T> {
    const res = await fetch(`${server.url}${url}`)
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const attr = (selector: string, name: string) => page.getAttribute(selector, name)
  const mapReady = () => page.waitForFunction(() => window.__wallMap?.getLayer('grids-fill') != null, undefined, { timeout: 90_000 })
  /** Every panel on screen (at least `atLeast` of them) carries the age of its data, and none is still waiting. */
  async function expectAgesOnEveryPanel(atLeast: number): Promise<void> {
    await expect.poll(() => page.$$eval('.panel', (panels) => panels.map((p) => p.querySelector('[data-test="data-age"]')?.textContent ?? 'missing')), { timeout: 30_000, interval: 500 })
      .toSatisfy((ages: string[]) => ages.length >= atLeast && ages.every((a) => a.startsWith('数据')))
  }
  const noScroll = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth && document.scrollingElement!.scrollHeight <= innerHeight)

  it('shows the district\'s party organisation, projects and 12345 figures as the server counts them', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/board/party`)
    await mapReady()
    await page.waitForSelector('[data-test="party-members-total"][data-value]', { timeout: 30_000 })
    const summary = await get<PartySummary>('/api/party/summary')
    expect(Number(await attr('[data-test="party-members-total"]', 'data-value'))).toBe(summary.members.total)
    expect(Number(await attr('[data-test="party-org-gridGeneralBranch"]', 'data-value'))).toBe(summary.orgs.gridGeneralBranch)
    expect(Number(await attr('[data-test="party-coverage"]', 'data-denominator'))).toBe(summary.gridsWithBranch.denominator)
    expect(await page.textContent('[data-test="board-switcher"] .current')).toBe('党建引领')
    // Projects and 12345 move with the simulator: the wall's figures must be the server's of a moment ago or now.
    const closure = Number(await attr('[data-test="project-closureRate"]', 'data-denominator'))
    expect([summary.closureRate.denominator, (await get<PartySummary>('/api/party/summary')).closureRate.denominator]).toContain(closure)
    await page.waitForSelector('[data-test="hotline-received"][data-value]', { timeout: 30_000 })
    const received = Number(await attr('[data-test="hotline-received"]', 'data-value'))
    expect(received).toBeLessThanOrEqual((await get<HotlineFigures>('/api/hotline?period=month')).received)
    expect(await page.textContent('[data-test="hotline-firstContactRate"]')).toMatch(/^\d+(\.\d+)? \/ \d+$/)
    await expectAgesOnEveryPanel(6)
    expect(await noScroll()).toBe(true)
    await page.waitForTimeout(1500) // the charts' 400 ms animations and a map frame
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-party-1920x1080.png') })
  })

  it('follows the focus: a community\'s figures, and a grid clicked on the map keeps the board', { timeout: 120_000 }, async () => {
    const community = snapshot.areas.find((a) => a.level === 'community')!
    const grid = snapshot.areas.find((a) => a.level === 'grid' && a.parentCode === community.code)!
    await page.goto(`${server.url}/board/party/${community.code}`)
    await mapReady()
    const summary = await get<PartySummary>(`/api/party/summary?area=${community.code}`)
    await expect.poll(() => attr('[data-test="party-members-total"]', 'data-value').then(Number), { timeout: 30_000 }).toBe(summary.members.total)
    expect(await page.textContent('[data-test="breadcrumb"] .current')).toBe(community.name)
    const point = await clickablePointIn(page, grid)
    await page.mouse.click(point.x, point.y)
    await page.waitForURL(`**/board/party/${grid.code}`, { timeout: 30_000 })
    const gridSummary = await get<PartySummary>(`/api/party/summary?area=${grid.code}`)
    await expect.poll(() => attr('[data-test="party-members-total"]', 'data-value').then(Number), { timeout: 30_000 }).toBe(gridSummary.members.total)
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-party-grid-1920x1080.png') })
  })

  it('ranks the streets, departments and posts with the server\'s scores and red/black lists', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/board/ranking`)
    await mapReady()
    await page.waitForSelector('[data-test="ranking-region"] [data-test="ranking-entry"]', { timeout: 30_000 })
    const report = await get<EvaluationReport>('/api/evaluation?period=month')
    const rows = await page.$$eval('[data-test="ranking-region"] [data-kind="street"] [data-test="ranking-entry"]', (els) => els.map((e) => ({ id: e.getAttribute('data-id'), mark: e.getAttribute('data-mark') })))
    // Scores move with the cases; the order of the streets and the lists are the server's.
    expect(rows.map((r) => r.id)).toEqual(report.rankings.street.entries.slice(0, rows.length).map((e) => e.id))
    for (const id of report.rankings.street.redList) expect(rows.find((r) => r.id === id)?.mark).toBe('red')
    for (const id of report.rankings.street.blackList) expect(rows.find((r) => r.id === id)?.mark).toBe('black')
    expect(await page.$$('[data-test="ranking-department"] [data-test="ranking-entry"]')).not.toHaveLength(0)
    expect(await page.$$('[data-test="overall-indicator"]')).not.toHaveLength(0)
    await expectAgesOnEveryPanel(4)
    expect(await noScroll()).toBe(true)
    await page.waitForTimeout(1000)
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-ranking-1920x1080.png') })

    // Hover: the indicators behind a score, each with its numerator and denominator.
    await page.hover('[data-test="ranking-region"] [data-test="ranking-entry"]')
    await page.waitForSelector('[data-test="score-hover"]', { timeout: 10_000 })
    expect(await page.textContent('[data-test="score-hover"]')).toMatch(/\d+ \/ \d+/)
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-ranking-hover-1920x1080.png') })
  })

  it('drills from a ranking row to the exact cases behind its score, and on to a case', { timeout: 120_000 }, async () => {
    const first = page.locator('[data-test="ranking-region"] [data-test="ranking-entry"]').first()
    const subject = await first.getAttribute('data-id')
    await first.click()
    await page.waitForURL(/\/board\/ranking\?kind=street&subject=/, { timeout: 10_000 })
    await page.waitForSelector('[data-test="drill-indicator"]', { timeout: 30_000 })
    // The first indicator with cases: open it, and its list is the server's denominator, ticked by its numerator.
    const drill = await get<IndicatorDrill>(`/api/evaluation/drill?period=month&kind=street&subject=${encodeURIComponent(subject!)}`)
    const item = drill.items.find((i) => i.denominator > 0)!
    await page.click(`[data-test="drill-indicator"][data-id="${item.id}"] a`)
    await page.waitForSelector(`[data-test="drill-indicator"][data-id="${item.id}"] [data-test="drill-case"]`, { timeout: 30_000 })
    const listed = await page.$$eval(`[data-test="drill-indicator"][data-id="${item.id}"] [data-test="drill-case"]`, (els) => els.map((e) => ({ id: e.getAttribute('data-id')!, counted: e.getAttribute('data-counted') === 'true' })))
    const now = await get<IndicatorDrill>(`/api/evaluation/drill?period=month&kind=street&subject=${encodeURIComponent(subject!)}`)
    const nowItem = now.items.find((i) => i.id === item.id)!
    // New cases may have joined between the wall's fetch and ours: each listed case is behind the score, counted as the server counts it.
    for (const c of listed) {
      expect([...item.denominatorCaseIds, ...nowItem.denominatorCaseIds]).toContain(c.id)
      if (c.counted) expect([...item.numeratorCaseIds, ...nowItem.numeratorCaseIds]).toContain(c.id)
    }
    // As many as the denominator the drawer shows (up to its 40 listed).
    const shown = Number(await attr(`[data-test="drill-indicator"][data-id="${item.id}"] [data-denominator]`, 'data-denominator'))
    expect(listed.length).toBe(Math.min(40, shown))
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-ranking-drill-1920x1080.png') })

    await page.click(`[data-test="drill-case"][data-id="${listed[0].id}"]`)
    await page.waitForURL(`**/case/${encodeURIComponent(listed[0].id)}`, { timeout: 10_000 })
    await page.waitForSelector('[data-test="drawer-title"]', { timeout: 30_000 })
    // The case opens over the board it came from.
    expect(await page.textContent('[data-test="board-switcher"] .current')).toBe('综合评价')
  })

  it('fits the 5760×1080 spliced wall', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 5760, height: 1080 } })
    const wide = await context.newPage()
    for (const board of ['party', 'ranking']) {
      await wide.goto(`${server.url}/board/${board}`)
      await wide.waitForFunction(() => window.__wallMap?.getLayer('grids-fill') != null, undefined, { timeout: 90_000 })
      expect(await wide.getAttribute('.wall', 'data-layout')).toBe('wide')
      await wide.waitForSelector(board === 'party' ? '[data-test="party-members-total"][data-value]' : '[data-test="ranking-entry"]', { timeout: 30_000 })
      await wide.waitForTimeout(1000)
      await wide.screenshot({ path: path.join(ARTIFACTS, `board-${board}-5760x1080.png`) })
    }
    await context.close()
  })

  it('is visited by the tour: the 党建 stop, then the ranking stop, then back to the district overview', { timeout: 120_000 }, async () => {
    const kiosk = await browser.newPage({ viewport: { width: 960, height: 540 } })
    await kiosk.addInitScript(() => {
      window.__visits = []
      const push = history.pushState.bind(history)
      history.pushState = (...args: Parameters<History['pushState']>) => {
        push(...args)
        setTimeout(() => window.__visits!.push(`${location.pathname}|${document.querySelector('[data-test="board-switcher"] .current')?.getAttribute('data-board')}`))
      }
    })
    await kiosk.goto(`${server.url}/?kiosk=1&tour=party,ranking,district&tourSeconds=3&tourIdle=30`)
    await expect.poll(() => kiosk.evaluate(() => window.__visits!.length), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(3)
    const visits = await kiosk.evaluate(() => window.__visits!)
    expect(visits.slice(0, 3)).toEqual(['/board/party|party', '/board/ranking|ranking', '/|overview'])
    await kiosk.close()
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})
