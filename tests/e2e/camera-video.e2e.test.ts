// A camera's live picture in its drawer, end to end: Debian's ffmpeg encodes a test pattern as a
// live HLS stream (and, per request, as HTTP-FLV) into a temporary folder that a small local HTTP
// server serves with CORS; the wall's registry (DATA_DIR/devices.geojson) points two cameras at it;
// Chromium opens /camera/{id} on the real wall and the video must really play (currentTime moving,
// 640×360 decoded). Then the encoder and the server stop: the tile must say 无信号 and keep retrying
// with a growing delay, and play again by itself once the stream is back.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeviceLayer, DeviceList } from '../../server/contract/devices'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const DIST = process.env.WALL_DIST ?? 'dist'
const ARTIFACTS = 'tests/artifacts'
const TEST_PATTERN = ['-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25']

declare global {
  interface Window { __playerStates?: { state: string; at: number }[] }
}

/** ffmpeg writing a live HLS playlist of 1 s segments into `dir` (the last 5 kept). */
function startHlsEncoder(dir: string): ChildProcess {
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f))
  return spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...TEST_PATTERN, '-f', 'hls', '-hls_time', '1', '-hls_list_size', '5', '-hls_flags', 'delete_segments', path.join(dir, 'index.m3u8')], { stdio: ['ignore', 'ignore', 'inherit'] })
}

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** The folder over HTTP with CORS (the wall is on another port), and /live.flv as a fresh ffmpeg per viewer. */
function createStreamServer(dir: string) {
  const encoders = new Set<ChildProcess>()
  const server = http.createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === '/live.flv') {
      const ffmpeg = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...TEST_PATTERN, '-an', '-f', 'flv', 'pipe:1'], { stdio: ['ignore', 'pipe', 'inherit'] })
      encoders.add(ffmpeg)
      ffmpeg.once('exit', () => { encoders.delete(ffmpeg); res.end() })
      res.writeHead(200, { 'content-type': 'video/x-flv', 'cache-control': 'no-store' })
      ffmpeg.stdout!.pipe(res)
      res.once('close', () => ffmpeg.kill('SIGKILL'))
      return
    }
    const file = path.join(dir, path.basename(url.pathname))
    if (!fs.existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const type = file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(fs.readFileSync(file))
  })
  return {
    listen: (port = 0) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port))),
    async close() {
      for (const e of encoders) e.kill('SIGKILL')
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

async function waitForPlaylist(dir: string, segments: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const file = path.join(dir, 'index.m3u8')
  while (!(fs.existsSync(file) && (fs.readFileSync(file, 'utf8').match(/#EXTINF/g)?.length ?? 0) >= segments)) {
    if (Date.now() > deadline) throw new Error(`ffmpeg wrote no playlist of ${segments} segments in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('a camera drawer plays a live stream, and says 无信号 when it stops', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-video-'))
  const hlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-hls-'))
  let server: TestServer
  let streams: ReturnType<typeof createStreamServer>
  let streamPort: number
  let encoder: ChildProcess | null = null
  let browser: Browser
  let page: Page
  let hlsCamera: { id: string; gridCode: string; lng: number; lat: number }
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/ is missing: run \`vite build\` first (npm test does)`)
    streams = createStreamServer(hlsDir)
    streamPort = await streams.listen()
    encoder = startHlsEncoder(hlsDir)
    // Where cameras can stand: the demo's own camera points (each inside a grid of the district).
    const demo = await startTestServer({ dataDir })
    const list = await (await fetch(`${demo.url}/api/devices`)).json() as DeviceList
    await demo.stop()
    const [a, b] = list.devices.filter((d) => d.kind === 'camera')
    const file: DeviceLayer = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [a.lng, a.lat] }, properties: { id: 'cam-hls', kind: 'camera', code: 'CAM-E2E-0001', name: '测试摄像头（HLS）', areaCode: a.areaCode, stream: { type: 'hls', url: `http://127.0.0.1:${streamPort}/index.m3u8` } } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [b.lng, b.lat] }, properties: { id: 'cam-flv', kind: 'camera', code: 'CAM-E2E-0002', name: '测试摄像头（FLV）', areaCode: b.areaCode, stream: { type: 'flv', url: `http://127.0.0.1:${streamPort}/live.flv` } } },
      ],
    }
    fs.writeFileSync(path.join(dataDir, 'devices.geojson'), JSON.stringify(file))
    server = await startTestServer({ dataDir })
    const registry = await (await fetch(`${server.url}/api/devices`)).json() as DeviceList
    const hls = registry.devices.find((d) => d.id === 'cam-hls')!
    hlsCamera = { id: hls.id, gridCode: hls.gridCode, lng: hls.lng, lat: hls.lat }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    page.on('console', (m) => { if (m.text().startsWith('[video]')) console.log(`${new Date().toISOString().slice(11, 19)} ${m.text()}`) })
    // Every state the player passes through, with its time (the retry backoff is read from these).
    await page.addInitScript(() => {
      window.__playerStates = []
      new MutationObserver(() => {
        const state = document.querySelector('[data-test="camera-player"]')?.getAttribute('data-state') ?? 'none'
        const log = window.__playerStates!
        if (log.at(-1)?.state !== state) log.push({ state, at: performance.now() })
      }).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-state'] })
    })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await waitForPlaylist(hlsDir, 2)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await stopProcess(encoder)
    await streams?.close()
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(hlsDir, { recursive: true, force: true })
  })

  const playerState = () => page.getAttribute('[data-test="camera-player"]', 'data-state')
  const video = () => page.$eval('[data-test="camera-video"]', (v) => {
    const el = v as HTMLVideoElement
    return { time: el.currentTime, width: el.videoWidth, height: el.videoHeight, paused: el.paused }
  })
  async function expectPlaying(timeout: number): Promise<void> {
    await expect.poll(playerState, { timeout, interval: 250 }).toBe('playing')
    const before = await video()
    await page.waitForTimeout(3000)
    const after = await video()
    expect(after.width).toBe(640)
    expect(after.height).toBe(360)
    expect(after.paused).toBe(false)
    // 3 s of wall time: the picture moved by most of that (a frozen frame would not).
    expect(after.time - before.time).toBeGreaterThan(1.5)
  }

  it('this Chromium decodes H.264 through Media Source Extensions', async () => {
    await page.goto(`${server.url}/`)
    expect(await page.evaluate(() => MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"'))).toBe(true)
  })

  it('plays the HLS camera in its drawer, with its name, code and community', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/camera/${hlsCamera.id}`)
    await page.waitForSelector('[data-test="camera-player"]', { timeout: 60_000 })
    expect(await page.textContent('[data-test="drawer-title"]')).toBe('测试摄像头（HLS）')
    expect(await page.textContent('[data-test="device-code"]')).toBe('CAM-E2E-0001')
    expect((await page.textContent('[data-test="device-community"]'))?.trim()).toMatch(/社区|村/)
    await expectPlaying(45_000)
    await page.waitForFunction(() => window.__wallMap != null && !window.__wallMap.isMoving(), undefined, { timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, 'camera-drawer-playing-1920x1080.png'), timeout: 90_000 })
  })

  it('shows 无信号 when the stream stops, retries with a growing delay, and plays again when it is back', { timeout: 240_000 }, async () => {
    await stopProcess(encoder)
    encoder = null
    await streams.close()
    const stoppedAt = await page.evaluate(() => performance.now())
    await expect.poll(playerState, { timeout: 40_000, interval: 250 }).toBe('noSignal')
    expect(await page.textContent('[data-test="camera-state-label"]')).toBe('无信号')
    expect(await page.textContent('[data-test="camera-name"]')).toBe('测试摄像头（HLS）')
    await page.screenshot({ path: path.join(ARTIFACTS, 'camera-drawer-no-signal-1920x1080.png'), timeout: 90_000 })

    // Two failed retries (the server is down): the second wait is longer than the first.
    await expect.poll(() => page.evaluate((since) => window.__playerStates!.filter((s) => s.at > since && s.state === 'noSignal').length, stoppedAt), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(3)
    const log = await page.evaluate((since) => window.__playerStates!.filter((s) => s.at > since), stoppedAt)
    const waits: number[] = []
    for (let i = 0; i + 1 < log.length; i++) if (log[i].state === 'noSignal' && log[i + 1].state === 'connecting') waits.push(log[i + 1].at - log[i].at)
    expect(waits.length).toBeGreaterThanOrEqual(2)
    expect(waits[0]).toBeGreaterThan(2000)
    expect(waits[0]).toBeLessThan(5000)
    expect(waits[1]).toBeGreaterThan(waits[0] * 1.5)

    // The stream comes back on the same address: the tile finds it by itself.
    encoder = startHlsEncoder(hlsDir)
    await waitForPlaylist(hlsDir, 2)
    await streams.listen(streamPort)
    try {
      await expectPlaying(60_000)
    } finally {
      console.log(JSON.stringify(await page.evaluate((since) => window.__playerStates!.filter((s) => s.at > since).map((s) => [s.state, Math.round(s.at - since)]), stoppedAt)))
    }
  })

  it('closing the drawer destroys the player; a click on the camera\'s point opens it again', { timeout: 120_000 }, async () => {
    await page.click('[data-test="drawer-close"]')
    await expect.poll(() => page.url()).toContain(`/area/${hlsCamera.gridCode}`)
    expect(await page.$$eval('video', (v) => v.length)).toBe(0)
    await page.waitForFunction(() => window.__wallMap != null && !window.__wallMap.isMoving(), undefined, { timeout: 30_000 })
    const point = await page.evaluate(({ id, lng, lat }) => {
      const map = window.__wallMap!
      const rect = map.getCanvas().getBoundingClientRect()
      const scale = rect.width / map.getCanvas().clientWidth
      const origin = map.project([lng, lat])
      for (let r = 0; r <= 6; r += 2) {
        for (let a = 0; a < 360; a += 45) {
          const p = { x: origin.x + r * Math.cos((a * Math.PI) / 180), y: origin.y + r * Math.sin((a * Math.PI) / 180) }
          const [top] = map.queryRenderedFeatures([p.x, p.y], { layers: ['cases-circle', 'inspectors-circle', 'devices-circle'] })
          if (top?.layer.id === 'devices-circle' && top.properties.id === id) return { x: rect.left + p.x * scale, y: rect.top + p.y * scale }
        }
      }
      return null
    }, hlsCamera)
    expect(point, 'the camera is drawn on the map where it stands').not.toBeNull()
    await page.mouse.click(point!.x, point!.y)
    await expect.poll(() => page.url()).toContain(`/camera/${hlsCamera.id}`)
    await expectPlaying(45_000)
  })

  it('plays the HTTP-FLV camera (mpegts.js)', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/camera/cam-flv`)
    await page.waitForSelector('[data-test="camera-player"]', { timeout: 60_000 })
    await expectPlaying(45_000)
  })

  it('with ?maxPlayers=0 the drawer shows the camera queued (待播放), decoding nothing', { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/camera/${hlsCamera.id}?maxPlayers=0`)
    await page.waitForSelector('[data-test="camera-player"]', { timeout: 60_000 })
    await page.waitForTimeout(2000)
    expect(await playerState()).toBe('queued')
    expect(await page.textContent('[data-test="camera-state-label"]')).toBe('待播放')
    expect(await video()).toMatchObject({ width: 0, time: 0 })
  })

  it('logged no page errors', () => {
    expect(consoleErrors.filter((e) => !/Failed to load resource|net::ERR_/.test(e))).toEqual([])
  })
})

describe('the demo with DEMO_VIDEO=1: its cameras play the server\'s test pattern', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let cameras: DeviceList['devices']

  beforeAll(async () => {
    server = await startTestServer({ demoVideo: true })
    cameras = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).devices.filter((d) => d.kind === 'camera')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const type of ['hls', 'flv'] as const) {
    it(`a demo ${type.toUpperCase()} camera plays in its drawer`, { timeout: 120_000 }, async () => {
      const camera = cameras.find((c) => c.stream?.type === type)!
      await page.goto(`${server.url}/camera/${camera.id}`)
      await expect.poll(() => page.getAttribute('[data-test="camera-player"]', 'data-state'), { timeout: 60_000, interval: 250 }).toBe('playing')
      const size = await page.$eval('[data-test="camera-video"]', (v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight])
      expect(size).toEqual([640, 360])
      if (type === 'hls') {
        await page.waitForFunction(() => window.__wallMap != null && !window.__wallMap.isMoving(), undefined, { timeout: 30_000 })
        await page.screenshot({ path: path.join(ARTIFACTS, 'camera-drawer-demo-1920x1080.png'), timeout: 90_000 })
      }
    })
  }

  it('draws the demo\'s devices on the district map', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/`)
    await page.waitForFunction((n) => (window.__wallMap?.getLayer('devices-circle') ? window.__wallMap.queryRenderedFeatures({ layers: ['devices-circle'] }).length : 0) >= n, Math.min(50, cameras.length), { timeout: 60_000 })
    await page.waitForTimeout(1500)
    await page.screenshot({ path: path.join(ARTIFACTS, 'devices-layer-district-1920x1080.png'), timeout: 90_000 })
  })
})
