// The replay drawer over an area (/replay/grid/{code}): a grid's day still loads into the time
// slider now that area replays are streamed in slices, and an area whose inspectors × hours are
// above the server's bound shows the refusal in the wall's language instead of a bare status code.
// `WALL_DIST=<dir>` measures another build of the wall (default dist/).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReplayData } from '../../server/contract/detail'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const DAY_MS = 86_400_000
const cstDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10)

describe('the replay drawer over an area', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []
  const clientDir = path.resolve(process.env.WALL_DIST ?? 'dist')

  beforeAll(async () => {
    if (!fs.existsSync(path.join(clientDir, 'index.html'))) throw new Error(`${clientDir} is missing: run \`vite build\` first (npm test does)`)
    server = await startTestServer({ clientDir, access: { wallToken: null, integrationKeys: [], operators: [] } })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('413')) consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it("loads a grid's day into the time slider", async () => {
    const { district } = server.wall
    const grid = district.inspectors.allInfos()[0].gridCode
    const answered = page.waitForResponse((r) => r.url().includes(`/api/grids/${grid}/track`), { timeout: 60_000 })
    await page.goto(`${server.url}/replay/grid/${grid}?date=${cstDay(district.clock.now())}`)
    const response = await answered
    expect(response.status()).toBe(200)
    const replay = await response.json() as ReplayData
    expect(replay.tracks.map((t) => t.inspectorId)).toEqual(district.inspectors.allInfos().filter((i) => i.gridCode === grid).map((i) => i.id).sort((a, b) => a - b))
    expect(replay.tracks.some((t) => t.points.length > 0)).toBe(true)
    await page.waitForSelector('[data-test="replay-slider"]', { timeout: 60_000 })
    expect(Number(await page.getAttribute('[data-test="replay-slider"]', 'max'))).toBe(replay.to)
    expect(await page.$('[data-test="replay-error"]')).toBeNull()
  })

  it("shows the refusal of a district's whole day above the bound (223 inspectors × 24 h)", async () => {
    const { district } = server.wall
    const grid = district.tree.allGrids()[0].code
    for (let i = 0; i < 150; i++) district.inspectors.register({ id: 80_000 + i, deviceId: `e2e-bound-${i}`, name: `巡查员${i}`, gridCode: grid })
    const districtCode = district.tree.all().find((a) => a.level === 'district')!.code
    const answered = page.waitForResponse((r) => r.url().includes(`/api/grids/${districtCode}/track`), { timeout: 60_000 })
    await page.goto(`${server.url}/replay/grid/${districtCode}?date=${cstDay(district.clock.now() - DAY_MS)}`)
    expect((await answered).status()).toBe(413)
    await page.waitForSelector('[data-test="replay-error"]', { timeout: 30_000 })
    expect(await page.textContent('[data-test="replay-error"]')).toBe('该区域网格员较多，一次回放的轨迹超出上限：请选择下级区域回放')
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})
