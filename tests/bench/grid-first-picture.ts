// First picture of the grids, GeoJSON against tiles (?grids=geojson|tiles), for the demo district
// and for the bench's 15,000-grid city: each run a fresh browser context (cold cache) at 1920×1080,
// from navigation to `wall:grids-drawn` (the first frame with grid cells) and to the full picture
// (the areas source loaded for the view, the camera at rest). The numbers behind GEOJSON_MAX_GRIDS.
//   npx tsx tests/bench/grid-first-picture.ts [--runs 3] [--wall-dist dist] [--city-only] [--lattice 150x100]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { parseOptions } from './options'
import { writeAreasFile } from './scenario'
import { round } from './stats'

type Mode = 'geojson' | 'tiles'

interface Picture {
  drawnMs: number
  fullMs: number
  areasKB: number
  /** When the area requests ended (ms from navigation): TileJSON, the GeoJSON or the last tile of the first picture. */
  tileJsonMs: number | null
  areasLoadedMs: number | null
}

async function firstPicture(browser: Browser, url: string): Promise<Picture> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const areaRequests: Promise<number>[] = []
  page.on('requestfinished', (r) => {
    if (/\/api\/(areas\.geojson|tiles\/)/.test(r.url())) areaRequests.push(r.sizes().then((s) => s.responseBodySize))
  })
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => {
    const map = window.__wallMap
    return !!map && !!map.getSource('areas') && map.isSourceLoaded('areas') && !map.isMoving()
      && performance.getEntriesByName('wall:grids-drawn').length > 0 && map.queryRenderedFeatures({ layers: ['grids-fill'] }).length > 0
  }, undefined, { timeout: 300_000, polling: 100 })
  const fullMs = await page.evaluate(() => performance.now())
  const drawnMs = await page.evaluate(() => performance.getEntriesByName('wall:grids-drawn')[0].startTime)
  const areasKB = (await Promise.all(areaRequests)).reduce((a, b) => a + b, 0) / 1024
  const ends = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, (e as PerformanceResourceTiming).responseEnd] as [string, number]))
  const lastEnd = (re: RegExp) => round(Math.max(...ends.filter(([n]) => re.test(n)).map(([, t]) => t), -1), 0)
  await context.close()
  return {
    drawnMs: round(drawnMs, 0)!, fullMs: round(fullMs, 0)!, areasKB: round(areasKB, 0)!,
    tileJsonMs: lastEnd(/\/api\/tiles\/areas\.json/), areasLoadedMs: lastEnd(/\/api\/(areas\.geojson|tiles\/areas\/)/),
  }
}

/** The modes alternate run by run, so a machine busy for a while slows both alike. */
async function measure(name: string, server: TestServer, browser: Browser, runs: number): Promise<void> {
  const results: Record<Mode, Picture[]> = { geojson: [], tiles: [] }
  for (let i = 0; i < runs; i++) {
    for (const mode of ['geojson', 'tiles'] as Mode[]) results[mode].push(await firstPicture(browser, `${server.url}/?grids=${mode}`))
  }
  for (const mode of ['geojson', 'tiles'] as Mode[]) {
    const median = (k: 'drawnMs' | 'fullMs') => results[mode].map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs / 2)]
    console.log(JSON.stringify({ district: name, mode, grids: server.wall.district.tree.allGrids().length, medianDrawnMs: median('drawnMs'), medianFullMs: median('fullMs'), runs: results[mode] }))
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3
  const clientDir = path.resolve(argv.includes('--wall-dist') ? argv[argv.indexOf('--wall-dist') + 1] : 'dist')
  const browser = await launchChromium()
  try {
    if (!argv.includes('--city-only')) {
      const demo = await startTestServer({ clientDir, simulatorSpeed: 1, tickMs: 1000 })
      try { await measure('demo', demo, browser, runs) } finally { await demo.stop() }
    }

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-first-picture-'))
    const [cols, rows] = (argv.includes('--lattice') ? argv[argv.indexOf('--lattice') + 1] : '150x100').split('x').map(Number)
    writeAreasFile({ ...parseOptions([]), gridCols: cols, gridRows: rows }, dataDir)
    const city = await startTestServer({ clientDir, dataDir, simulator: false, tickMs: 1000 })
    try { await measure('city', city, browser, runs) } finally {
      await city.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
}

await main()
