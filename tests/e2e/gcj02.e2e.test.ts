// A GCJ-02 basemap (#11): a known WGS-84 point is drawn where gcoord puts it in GCJ-02 (~590 m
// from its WGS-84 place in Fuzhou), a click on the shifted marker opens the right drawer, the camera
// flies and fits in GCJ-02, the focus outline and the replay are shifted too, and the data the wall
// shows stays WGS-84. The reference is gcoord itself, called here in Node, not the wall's cell cache.
import fs from 'node:fs'
import path from 'node:path'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, Position } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { loadConfig } from '../../server/config'
import { launchChromium } from '../helpers/launch-chromium'
import { startRasterTileServer, type RasterTileServer } from '../helpers/raster-tile-server'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const KEY = 'e2e-key'
const PHONE = 'e2e-gcj-phone'
const ARTIFACTS = path.resolve('tests/artifacts')
const ZOOM = 16
const CLICKABLE = ['cases-circle', 'inspectors-circle', 'grids-fill']

type LngLat = [number, number]
interface Pixel { x: number; y: number }

const gcj = (p: readonly number[]): LngLat => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as LngLat
/** Ground metres between two nearby points. */
const metres = (a: readonly number[], b: readonly number[]) => Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 111_320)
/** Metres per map pixel (512 px tiles, Web Mercator) at a latitude and zoom. */
const metresPerPixel = (lat: number, zoom: number) => (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom)
const pixelDistance = (a: Pixel, b: Pixel) => Math.hypot(a.x - b.x, a.y - b.y)
/** Halfway between a point's WGS-84 and GCJ-02 places: a camera there shows the marker off centre, so a fly-to must move. */
const halfway = (p: LngLat): LngLat => [(p[0] + gcj(p)[0]) / 2, (p[1] + gcj(p)[1]) / 2]

describe('a GCJ-02 basemap', () => {
  let server: TestServer
  let tiles: RasterTileServer
  let browser: Browser
  let page: Page
  let snapshot: WallSnapshot
  let phoneId: number
  let track: { lng: number; lat: number; at: number }[]
  const consoleErrors: string[] = []

  beforeAll(async () => {
    const dist = path.resolve(process.env.WALL_DIST ?? 'dist')
    if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} has no build of the wall: run \`vite build\` first`)
    // A 高德-like raster server (GCJ-02 tiles) through the real BASEMAP parser: the server tells the page in its wall-config.
    tiles = await startRasterTileServer()
    server = await startTestServer({
      basemap: loadConfig({ BASEMAP: tiles.template, BASEMAP_CRS: 'gcj02' }).basemap,
      simulatorSpeed: 1, tickMs: 1000, historyMinIntervalMs: 0, historyMinDistanceM: 0,
      ingestRegisterUnknown: true, ingestEnrolment: { key: null, allowedDevices: new Set([PHONE]), maxNew: 1 },
      access: { wallToken: null, integrationKeys: [KEY], operators: [] },
    })
    // A phone that walked a short line and stands still at its end: a known WGS-84 point on the map.
    const first = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    const [lng, lat] = first.areas.filter((a) => a.level === 'grid')[3].center
    const now = first.serverTime
    track = Array.from({ length: 20 }, (_, i) => ({ lng: lng + 0.0002 + i * 0.0001, lat: lat + (i % 5) * 0.00005, at: now - (20 - i) * 30_000 }))
    const response = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions: track.map((p) => ({ deviceId: PHONE, ...p })) }),
    })
    expect((await response.json() as { accepted: number }).accepted).toBe(20)
    snapshot = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    phoneId = snapshot.inspectorInfos.find((i) => i.deviceId === PHONE)!.id
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await tiles?.close()
  })

  // --- the page's own map ---------------------------------------------------------------------
  const waitForMap = (layer: string) => page.waitForFunction((id) => window.__wallMap?.getLayer(id) != null, layer, { timeout: 60_000 })
  /** The camera has been still for 1.5 s (a fit or fly-to takes 0.9 s; live sources never stop loading). */
  async function waitForCamera(): Promise<void> {
    const deadline = Date.now() + 30_000
    for (let still = 0; still < 4; await page.waitForTimeout(500)) {
      if (Date.now() > deadline) throw new Error('the map camera kept moving for 30 s')
      still = (await page.evaluate(() => window.__wallMap?.isMoving() === false)) ? still + 1 : 0
    }
  }
  const project = (p: LngLat) => page.evaluate((q) => { const { x, y } = window.__wallMap!.project(q); return { x, y } }, p)
  const center = () => page.evaluate(() => window.__wallMap!.getCenter().toArray() as LngLat)
  /** Looks at a point from street zoom and waits until a feature of `layer` with this id is drawn. */
  async function lookAt(point: LngLat, layer: string, id: string | number): Promise<void> {
    await waitForCamera()
    await page.evaluate((c) => window.__wallMap!.jumpTo({ center: c, zoom: 16 }), point)
    await page.waitForFunction(({ l, i }) => (window.__wallMap?.queryRenderedFeatures({ layers: [l] }) ?? []).some((f) => f.properties.id === i), { l: layer, i: id }, { timeout: 30_000 })
  }
  /** The features drawn under a map pixel, top first (what a click there hits). */
  const hitsAt = (p: Pixel, layers: string[]) => page.evaluate(({ q, l }) => {
    const map = window.__wallMap!
    return map.queryRenderedFeatures([q.x, q.y], { layers: l.filter((id) => map.getLayer(id)) }).map((f) => ({ layer: f.layer.id, id: f.properties.id as unknown }))
  }, { q: p, l: layers })
  /** A map pixel as a point on the page (the wall may be CSS-scaled). */
  const onPage = (p: Pixel) => page.evaluate((q) => {
    const canvas = window.__wallMap!.getCanvas()
    const rect = canvas.getBoundingClientRect()
    const scale = rect.width / canvas.clientWidth
    return { x: rect.left + q.x * scale, y: rect.top + q.y * scale }
  }, p)

  it('draws a known WGS-84 point where gcoord puts it in GCJ-02, ~590 m from its WGS-84 place', async () => {
    const wgs: LngLat = [track[19].lng, track[19].lat]
    const live = snapshot.inspectors.find((i) => i.id === phoneId)!
    expect([live.lng, live.lat]).toEqual(wgs)
    await page.goto(`${server.url}/`)
    await waitForMap('inspectors-circle')
    expect(await page.evaluate(() => JSON.parse(document.getElementById('wall-config')!.textContent!).basemap.crs)).toBe('gcj02')
    await lookAt(gcj(wgs), 'inspectors-circle', phoneId)

    const drawn = await page.evaluate((id) => {
      const f = window.__wallMap!.queryRenderedFeatures({ layers: ['inspectors-circle'] }).find((g) => g.properties.id === id)!
      return (f.geometry as GeoJSON.Point).coordinates as LngLat
    }, phoneId)
    const [atDrawn, atGcj, atWgs] = await Promise.all([project(drawn), project(gcj(wgs)), project(wgs)])
    const offsetM = metres(wgs, gcj(wgs))
    const shownM = pixelDistance(atDrawn, atWgs) * metresPerPixel(wgs[1], ZOOM)
    console.log(`[gcj02] gcoord offset ${offsetM.toFixed(1)} m; drawn ${shownM.toFixed(1)} m (${pixelDistance(atDrawn, atWgs).toFixed(1)} px at z${ZOOM}) from the WGS-84 place, ${pixelDistance(atDrawn, atGcj).toFixed(2)} px from gcoord's GCJ-02 point`)
    expect(pixelDistance(atDrawn, atGcj)).toBeLessThan(1)
    expect(offsetM).toBeGreaterThan(500)
    expect(offsetM).toBeLessThan(650)
    expect(Math.abs(shownM - offsetM)).toBeLessThan(2)
    // East and south, as GCJ-02 runs in Fuzhou.
    expect(atDrawn.x).toBeGreaterThan(atWgs.x)
    expect(atDrawn.y).toBeGreaterThan(atWgs.y)
    // The marker is under its GCJ-02 pixel, and nothing of it under the WGS-84 one.
    expect(await hitsAt(atGcj, ['inspectors-circle'])).toContainEqual({ layer: 'inspectors-circle', id: phoneId })
    expect(await hitsAt(atWgs, ['inspectors-circle'])).not.toContainEqual({ layer: 'inspectors-circle', id: phoneId })
    await page.screenshot({ path: path.join(ARTIFACTS, 'gcj02-marker.png') })
  })

  it('opens the inspector clicked at the shifted marker and follows them in GCJ-02', async () => {
    const wgs: LngLat = [track[19].lng, track[19].lat]
    await lookAt(halfway(wgs), 'inspectors-circle', phoneId)
    expect(metres(await center(), gcj(wgs))).toBeGreaterThan(250)
    const at = await project(gcj(wgs))
    expect((await hitsAt(at, CLICKABLE))[0]).toEqual({ layer: 'inspectors-circle', id: phoneId })
    const click = await onPage(at)
    await page.mouse.click(click.x, click.y)
    await page.waitForURL(`**/inspector/${phoneId}`, { timeout: 20_000 })
    await expect.poll(async () => metres(await center(), gcj(wgs)), { timeout: 20_000, interval: 500 }).toBeLessThan(3)
    expect(metres(await center(), wgs)).toBeGreaterThan(500)
  })

  it('opens a case clicked at its shifted point, flies to it and rings it in GCJ-02', async () => {
    await page.goto(`${server.url}/`)
    await waitForMap('cases-circle')
    const placed = snapshot.cases.filter((c) => c.lng != null && c.lat != null)
    expect(placed.length).toBeGreaterThan(0)
    // The first case not covered by another marker where it is drawn.
    let chosen: { id: string; wgs: LngLat; at: Pixel } | undefined
    for (const c of placed.slice(0, 10)) {
      const wgs: LngLat = [c.lng!, c.lat!]
      await lookAt(halfway(wgs), 'cases-circle', c.id)
      const at = await project(gcj(wgs))
      const [top] = await hitsAt(at, CLICKABLE)
      if (top?.layer === 'cases-circle' && top.id === c.id) { chosen = { id: c.id, wgs, at }; break }
    }
    expect(chosen, 'a case with its marker on top').toBeDefined()
    const { id, wgs, at } = chosen!
    expect(await hitsAt(await project(wgs), ['cases-circle'])).not.toContainEqual({ layer: 'cases-circle', id })
    const click = await onPage(at)
    await page.mouse.click(click.x, click.y)
    await page.waitForURL(`**/case/${encodeURIComponent(id)}`, { timeout: 20_000 })
    await expect.poll(async () => metres(await center(), gcj(wgs)), { timeout: 20_000, interval: 500 }).toBeLessThan(3)
    // The presence ring (the detail's case point) is drawn on the case's GCJ-02 point too.
    await expect.poll(async () => (await hitsAt(await project(gcj(wgs)), ['presence-ring'])).length, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0)
    expect(await hitsAt(await project(wgs), ['presence-ring'])).toEqual([])
    await page.screenshot({ path: path.join(ARTIFACTS, 'gcj02-case.png') })
  })

  // The grids from one GeoJSON shifted by the wall, or from the server's area tiles cut in GCJ-02.
  for (const grids of ['geojson', 'tiles'] as const) {
    it(`draws the grids in GCJ-02 and focuses the grid clicked on its shifted polygon (${grids})`, async () => {
      const grid = snapshot.areas.filter((a) => a.level === 'grid')[5]
      const polygons = await (await fetch(`${server.url}/api/areas.geojson`)).json() as FeatureCollection
      const shifted = bboxOf(allPositions(polygons.features.find((f: Feature) => f.properties?.code === grid.code)!.geometry).map(gcj))
      await page.goto(`${server.url}/area/${grid.parentCode}?grids=${grids}`)
      await waitForMap('grids-fill')
      await page.waitForFunction((code) => (window.__wallMap?.queryRenderedFeatures({ layers: ['grids-fill'] }) ?? []).some((f) => f.properties.code === code), grid.code, { timeout: 30_000 })
      await waitForCamera()
      const drawn = bboxOf(await page.evaluate((code) => window.__wallMap!.queryRenderedFeatures({ layers: ['grids-fill'] })
        .filter((f) => f.properties.code === code)
        .flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : [])), grid.code))
      expect(metres([drawn[0], drawn[1]], [shifted[0], shifted[1]])).toBeLessThan(3)
      expect(metres([drawn[2], drawn[3]], [shifted[2], shifted[3]])).toBeLessThan(3)
      // A free pixel of the grid near its shifted centre (no marker on it), clicked.
      const origin = await project(gcj(grid.center))
      let free: Pixel | undefined
      for (let r = 0; r < 80 && !free; r += 4) {
        for (let a = 0; a < 360 && !free; a += 30) {
          const p = { x: origin.x + r * Math.cos((a * Math.PI) / 180), y: origin.y + r * Math.sin((a * Math.PI) / 180) }
          const [top] = await hitsAt(p, CLICKABLE)
          if (top?.layer === 'grids-fill') free = p
        }
      }
      expect(free, `a free pixel of grid ${grid.code}`).toBeDefined()
      expect((await page.evaluate(({ x, y }) => window.__wallMap!.queryRenderedFeatures([x, y], { layers: ['grids-fill'] })[0].properties.code as string, free!))).toBe(grid.code)
      const click = await onPage(free!)
      await page.mouse.click(click.x, click.y)
      await page.waitForURL((url) => url.pathname === `/area/${grid.code}`, { timeout: 20_000 })
      expect(await page.textContent('[data-test="drawer-title"]')).toBe(grid.name)
    })

    it(`frames a focused grid and outlines it in GCJ-02 (${grids})`, async () => {
      const grid = snapshot.areas.filter((a) => a.level === 'grid')[3]
      const polygons = await (await fetch(`${server.url}/api/areas.geojson`)).json() as FeatureCollection
      const feature = polygons.features.find((f: Feature) => f.properties?.code === grid.code)!
      const vertices = allPositions(feature.geometry)
      const shifted = bboxOf(vertices.map(gcj))
      await page.goto(`${server.url}/area/${grid.code}?grids=${grids}`)
      await waitForMap('focus-outline')
      await page.waitForFunction(() => (window.__wallMap?.queryRenderedFeatures({ layers: ['focus-outline'] }) ?? []).length > 0, undefined, { timeout: 30_000 })
      await waitForCamera()

      // The outline drawn is the polygon's GCJ-02 outline (each corner of its box within a few metres).
      const drawn = bboxOf(await page.evaluate(() => window.__wallMap!.queryRenderedFeatures({ layers: ['focus-outline'] })
        .flatMap((f) => (f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.type === 'MultiLineString' || f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []))))
      expect(metres([drawn[0], drawn[1]], [shifted[0], shifted[1]])).toBeLessThan(3)
      expect(metres([drawn[2], drawn[3]], [shifted[2], shifted[3]])).toBeLessThan(3)

      // The camera fitted the GCJ-02 box: centred in the room the counters (top) and the drawer (right) leave.
      const size = await page.evaluate(() => ({ w: window.__wallMap!.getCanvas().clientWidth, h: window.__wallMap!.getCanvas().clientHeight }))
      const room = { x: (40 + size.w - 460) / 2, y: (170 + size.h - 60) / 2 }
      const boxCentre = async (b: number[]) => {
        const [sw, ne] = await Promise.all([project([b[0], b[1]]), project([b[2], b[3]])])
        return { x: (sw.x + ne.x) / 2, y: (sw.y + ne.y) / 2 }
      }
      expect(pixelDistance(await boxCentre(shifted), room)).toBeLessThan(4)
      expect(pixelDistance(await boxCentre(bboxOf(vertices)), room)).toBeGreaterThan(40)
      await page.screenshot({ path: path.join(ARTIFACTS, `gcj02-grid-${grids}.png`) })
    })
  }

  it('replays the phone\'s track drawn in GCJ-02, its position read out in WGS-84', async () => {
    const date = new Date(snapshot.serverTime + 8 * 3600_000).toISOString().slice(0, 10)
    await page.goto(`${server.url}/replay/${phoneId}?date=${date}`)
    await page.waitForSelector('[data-test="replay-slider"]', { timeout: 60_000 })
    await page.$eval('[data-test="replay-slider"]', (slider: HTMLInputElement) => {
      slider.value = slider.max
      slider.dispatchEvent(new Event('input'))
    })
    const last = track[track.length - 1]
    await expect.poll(async () => Number(await page.getAttribute('[data-test="replay-position"]', 'data-lng')), { timeout: 10_000 }).toBeCloseTo(last.lng, 6)
    expect(Number(await page.getAttribute('[data-test="replay-position"]', 'data-lat'))).toBeCloseTo(last.lat, 6)
    await waitForCamera()
    await page.evaluate((c) => window.__wallMap!.jumpTo({ center: c, zoom: 16 }), gcj([last.lng, last.lat]))
    await expect.poll(async () => (await hitsAt(await project(gcj([last.lng, last.lat])), ['replay-head'])).length, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0)
    expect(await hitsAt(await project([last.lng, last.lat]), ['replay-head'])).toEqual([])
    await page.screenshot({ path: path.join(ARTIFACTS, 'gcj02-replay.png') })
  })

  it('logged no error', () => {
    expect(consoleErrors).toEqual([])
  })
})

function allPositions(g: GeoJSON.Geometry | null): Position[] {
  if (!g) return []
  switch (g.type) {
    case 'Polygon': return g.coordinates.flat()
    case 'MultiPolygon': return g.coordinates.flat(2)
    default: throw new Error(`a grid is a Polygon or MultiPolygon, not ${g.type}`)
  }
}

/** [west, south, east, north] */
function bboxOf(points: readonly Position[]): [number, number, number, number] {
  const lngs = points.map((p) => p[0]), lats = points.map((p) => p[1])
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]
}
