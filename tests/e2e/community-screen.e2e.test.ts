// The community screen (/community/{code}) with the real server and simulator in Chromium: entered
// from the area drawer, its figures equal to the server's board, every panel with the age of its
// data, a gate reading posted through the sensors API moving the counter live, a smoke alarm arriving
// as an alarm with the 物联感知 case it opened, the disputes with their mediation state, and the
// screen fitting 1920×1080, 3840×2160 and a 5760×1080 spliced wall (screenshots in tests/artifacts/).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommunityBoard, DeviceInfo, DeviceList } from '../../server/contract/devices'
import type { CaseSummary, WallSnapshot } from '../../server/contract/domain'
import { formatCount } from '../../client/format'
import { loadConfig } from '../../server/config'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const DIST = process.env.WALL_DIST ?? 'dist'
const ARTIFACTS = 'tests/artifacts'
const SENSORS = 'community-e2e-sensors'

describe('the community screen', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let snapshot: WallSnapshot
  let devices: DeviceInfo[]
  let code: string
  const consoleErrors: string[] = []

  async function get<T>(url: string): Promise<T> {
    const res = await fetch(`${server.url}${url}`)
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const board = () => get<CommunityBoard>(`/api/communities/${code}/board`)
  const postReadings = (readings: unknown[]) => fetch(`${server.url}/api/ingest/sensors`, {
    method: 'POST', body: JSON.stringify({ readings }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SENSORS}` },
  })
  const gridsOf = (community: string) => new Set(snapshot.areas.filter((a) => a.level === 'grid' && a.parentCode === community).map((a) => a.code))
  const disputesIn = (cases: CaseSummary[], community: string) => cases.filter((c) => c.categoryCode.startsWith('E07') && gridsOf(community).has(c.gridCode))
  const text = (selector: string) => page.textContent(selector).then((s) => (s ?? '').trim())
  const count = async (selector: string) => Number((await text(selector)).replace(/,/g, ''))
  /** The page's board figures, read in one go. */
  const shownFigures = () => page.evaluate(() => {
    const n = (sel: string) => Number((document.querySelector(sel)?.textContent ?? '').replace(/[,\s]/g, ''))
    return {
      peopleIn: n('[data-test="people-in"]'), peopleOut: n('[data-test="people-out"]'),
      vehiclesIn: n('[data-test="vehicles-in"]'), vehiclesOut: n('[data-test="vehicles-out"]'),
      trampling: n('[data-test="trampling-today"]'), water: n('[data-test="water-today"]'),
      gates: [...document.querySelectorAll('[data-test="gate"]')].map((g) => [g.getAttribute('data-device'), n(`[data-device="${g.getAttribute('data-device')}"] [data-test="gate-in"]`)]),
    }
  })
  const serverFigures = (b: CommunityBoard) => ({
    peopleIn: b.people.in, peopleOut: b.people.out, vehiclesIn: b.vehicles.in, vehiclesOut: b.vehicles.out,
    trampling: b.trampling.today, water: b.water.todayLitres, gates: b.people.gates.map((g) => [g.deviceId, g.in]),
  })
  /** The page shows what the server's board says (read both until they agree: the simulator keeps counting). */
  async function expectBoardShown(): Promise<CommunityBoard> {
    let last: CommunityBoard | null = null
    await expect.poll(async () => {
      last = await board()
      return JSON.stringify(await shownFigures()) === JSON.stringify(serverFigures(last))
    }, { timeout: 30_000, interval: 300 }).toBe(true)
    return last!
  }
  const noScroll = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth && document.scrollingElement!.scrollHeight <= innerHeight)
  /** Panels with anything drawn past the edge of their body (cut off by it, or spilling over the next panel). */
  const clippedPanels = () => page.$$eval('.panel-body', (bodies) => bodies
    .filter((b) => {
      const box = b.getBoundingClientRect()
      const scale = box.width / (b as HTMLElement).offsetWidth
      return [...b.querySelectorAll('*')].some((e) => {
        const r = e.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && (r.bottom > box.bottom + scale || r.right > box.right + scale || r.top < box.top - scale || r.left < box.left - scale)
      })
    })
    .map((b) => b.closest('[data-test]')?.getAttribute('data-test') ?? b.parentElement?.querySelector('h2')?.textContent ?? '?'))
  /** Every panel's title bar carries the age of its data ('数据 …'), none still waiting ('—'). */
  async function expectAgesOnEveryPanel(atLeast: number): Promise<void> {
    await expect.poll(() => page.$$eval('.community-screen .panel', (panels) => panels.map((p) => p.querySelector('[data-test="data-age"]')?.textContent ?? 'missing')), { timeout: 40_000, interval: 500 })
      .toSatisfy((ages: string[]) => ages.length >= atLeast && ages.every((a) => a.startsWith('数据')))
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/ is missing: run \`vite build\` first (npm test does)`)
    const access = { ...loadConfig({}).access, wallToken: null, integrationKeys: [{ key: SENSORS, scopes: ['sensors' as const] }] }
    // Real time (speed 1): a gate reports once a minute, so a posted reading is the only thing moving its counter.
    server = await startTestServer({ simulatorSpeed: 1, tickMs: 1000, access })
    snapshot = await get<WallSnapshot>('/api/snapshot')
    devices = (await get<DeviceList>('/api/devices')).devices
    // The community with the most open disputes (the demo's morning has filed some), so that panel has rows.
    const communities = snapshot.areas.filter((a) => a.level === 'community' && devices.some((d) => d.areaCode === a.code))
    code = communities.map((c) => ({ code: c.code, n: disputesIn(snapshot.cases, c.code).length })).sort((a, b) => b.n - a.n)[0].code
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('opens from the area drawer\'s 社区大屏 entry and shows the server\'s board, every panel with its data age', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/area/${code}`)
    await page.waitForSelector('[data-test="community-entry"]', { timeout: 60_000 })
    await page.screenshot({ path: `${ARTIFACTS}/community-entry.png` })
    await page.click('[data-test="community-entry"]')
    await page.waitForURL(`**/community/${code}`)
    await page.waitForSelector('[data-test="community-screen"]')
    const name = snapshot.areas.find((a) => a.code === code)!.name
    expect(await text('[data-test="community-name"]')).toContain(name)
    expect(await page.$$eval('[data-test="community-board"] .board-title', (h) => h.map((e) => e.textContent?.trim()))).toEqual(['平安社区', '数字社区', '人文社区'])

    const shown = await expectBoardShown()
    // Devices by kind, cameras as tiles, meters with the elder's marked: as the board lists them.
    for (const [kind, counts] of Object.entries(shown.devices)) {
      expect(Number(await page.getAttribute(`[data-test="device-kind"][data-kind="${kind}"]`, 'data-online')), kind).toBe(counts!.online)
    }
    expect(await page.$$eval('[data-test="camera-tile"]', (t) => t.length)).toBe(Math.min(2, shown.cameras.length))
    const elders = shown.water.meters.filter((m) => m.elderAlone).map((m) => m.deviceId)
    expect(await page.$$eval('[data-test="water-meter"][data-elder="true"]', (m) => m.map((e) => e.getAttribute('data-device')))).toEqual(elders)
    expect(elders.length).toBeGreaterThan(0)
    // 人地物情事组织: six cards, each naming its source.
    expect(await page.$$eval('[data-test="element-card"]', (c) => c.map((e) => e.getAttribute('data-element')))).toEqual(['people', 'land', 'things', 'feelings', 'affairs', 'organisations'])
    expect(await page.$$eval('[data-test="element-source"]', (s) => s.every((e) => (e.textContent ?? '').startsWith('来源')))).toBe(true)
    const profile = snapshot.profiles[code]
    expect(await text('[data-element="people"] [data-figure="residents"] [data-test="element-value"]')).toBe(formatCount(profile.residents, 'zh-CN'))
    expect(await count('[data-element="land"] [data-figure="grids"] [data-test="element-value"]')).toBe(gridsOf(code).size)
    await expectAgesOnEveryPanel(9 + 6)
    expect(await noScroll()).toBe(true)
  })

  it('lists the community\'s disputes with the mediation state their step stands for', { timeout: 60_000 }, async () => {
    const stateOf: Record<string, string> = { reported: 'pending', accepted: 'pending', filed: 'registered', dispatched: 'mediating', handled: 'mediated' }
    await expect.poll(async () => {
      const open = disputesIn((await get<WallSnapshot>('/api/snapshot')).cases, code)
      const shown = await page.$$eval('[data-test="dispute-row"]', (rows) => rows.map((r) => [r.getAttribute('data-case'), r.getAttribute('data-state')]))
      const expected = new Map(open.map((c) => [c.id, stateOf[c.step]]))
      return open.length > 0 && shown.length > 0 && shown.every(([id, state]) => expected.get(id!) === state)
    }, { timeout: 30_000, interval: 500 }).toBe(true)
  })

  it('moves the gate counter live when a reading arrives through the sensors API', { timeout: 60_000 }, async () => {
    const gate = devices.find((d) => d.kind === 'gate' && d.areaCode === code)!
    const before = await expectBoardShown()
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const at = (await get<WallSnapshot>('/api/snapshot')).serverTime - 500
    expect((await postReadings([{ deviceId: gate.id, kind: 'gate', at, in: 37, out: 11 }])).status).toBe(200)
    await expect.poll(() => count('[data-test="people-in"]'), { timeout: 15_000, interval: 200 }).toBeGreaterThanOrEqual(before.people.in + 37)
    const after = await expectBoardShown()
    expect(after.people.gates.find((g) => g.deviceId === gate.id)!.in).toBeGreaterThanOrEqual(before.people.gates.find((g) => g.deviceId === gate.id)!.in + 37)
    expect(navigations).toEqual([])
  })

  it('shows a smoke alarm as it is raised, with the 物联感知 case it opened', { timeout: 60_000 }, async () => {
    const smoke = devices.find((d) => d.kind === 'smoke' && d.areaCode === code)!
    const at = (await get<WallSnapshot>('/api/snapshot')).serverTime - 500
    expect((await postReadings([{ deviceId: smoke.id, kind: 'smoke', at, alarm: true, value: 12 }])).status).toBe(200)
    const row = `[data-test="alarm-row"][data-device="${smoke.id}"]`
    await page.waitForSelector(`${row}.open`, { timeout: 15_000 })
    const caseId = await page.getAttribute(row, 'data-case')
    const iot = (await get<WallSnapshot>('/api/snapshot')).cases.find((c) => c.id === caseId)
    expect(iot?.source).toBe('iot')
    expect(await text(`${row} .rule`)).toBe('烟感')
    expect(await text(`${row} [data-test="alarm-case"] .case-id`)).toBe(caseId)
    // The case's step, once the wall has it.
    await expect.poll(() => text(`${row} .step`), { timeout: 10_000 }).not.toBe('已结案')
    expect(Number(await text('[data-test="alarms-open"]'))).toBeGreaterThanOrEqual(1)
    await page.screenshot({ path: `${ARTIFACTS}/community-1920x1080.png` })
    expect(await clippedPanels()).toEqual([])

    // Back to normal: the alarm clears on screen (its case stays open for an operator to close).
    const later = (await get<WallSnapshot>('/api/snapshot')).serverTime - 200
    expect((await postReadings([{ deviceId: smoke.id, kind: 'smoke', at: later, alarm: false, value: 0 }])).status).toBe(200)
    await page.waitForSelector(`${row}:not(.open)`, { timeout: 15_000 })
    expect(await text(`${row} .state`)).toBe('已恢复')
    expect(await page.getAttribute(row, 'data-case')).toBe(caseId)
  })

  it('fits a 4K screen and a 5760×1080 spliced wall, one board per panel, nothing clipped', { timeout: 120_000 }, async () => {
    await page.setViewportSize({ width: 3840, height: 2160 })
    await page.waitForFunction(() => document.querySelector('[data-test="community-screen"]')?.getAttribute('data-layout') === 'standard')
    await page.waitForTimeout(500)
    expect(await noScroll()).toBe(true)
    expect(await clippedPanels()).toEqual([])

    await page.setViewportSize({ width: 5760, height: 1080 })
    await page.waitForFunction(() => document.querySelector('[data-test="community-screen"]')?.getAttribute('data-layout') === 'wide')
    await page.waitForTimeout(800)
    expect(await noScroll()).toBe(true)
    // Each board lies inside one 1920 px panel of the wall: no seam runs through a board.
    const boxes = await page.$$eval('[data-test="community-board"]', (b) => b.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right] }))
    boxes.forEach(([left, right], i) => {
      expect(left).toBeGreaterThanOrEqual(i * 1920)
      expect(right).toBeLessThanOrEqual((i + 1) * 1920)
    })
    expect(await page.$$eval('[data-test="camera-tile"]', (t) => t.length)).toBe(Math.min(4, (await board()).cameras.length))
    await expectAgesOnEveryPanel(15)
    await page.screenshot({ path: `${ARTIFACTS}/community-5760x1080.png` })
    expect(await clippedPanels()).toEqual([])
    expect(consoleErrors.filter((e) => !/stream|m3u8|flv|404|Failed to load resource/i.test(e))).toEqual([])
  })

  it('speaks English when the screen asks for it', { timeout: 30_000 }, async () => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`${server.url}/community/${code}?lang=en`)
    await expect.poll(() => page.$$eval('[data-test="community-board"] .board-title', (h) => h.map((e) => e.textContent?.trim())), { timeout: 20_000 })
      .toEqual(['Safe community', 'Digital community', 'Humane community'])
    await expect.poll(() => page.$$eval('[data-test="data-age"]', (ages) => ages.length > 0 && ages.every((e) => e.textContent !== '—')), { timeout: 20_000 }).toBe(true)
    await page.screenshot({ path: `${ARTIFACTS}/community-en-1920x1080.png` })
    expect(await clippedPanels()).toEqual([])
    await page.goto(`${server.url}/community/${code}?lang=zh-CN`)
    await page.waitForSelector('[data-test="community-screen"]')
  })

  it('says so for a code that is not a community', { timeout: 30_000 }, async () => {
    const grid = snapshot.areas.find((a) => a.level === 'grid')!
    await page.goto(`${server.url}/community/${grid.code}`)
    await page.waitForSelector('[data-test="not-community"]', { timeout: 30_000 })
  })
})
