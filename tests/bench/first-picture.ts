// First full picture of the wall (issue #11), today's way (`?grids=geojson&snapshot=json`: the whole
// GeoJSON of the areas and the JSON snapshot) beside the new way (default URL: area tiles and the
// packed snapshot) on the same server in the same run, each in a new browser context (cold HTTP
// cache), and the new way once more after a reload in that context (warm cache: hashed tables and
// tiles from the cache or 304). Each picture is split, on the page's clock (ms from navigation):
//   download  the grid requests (GeoJSON or every tile of the first picture) and the snapshot (its
//             websocket frames, from the socket's handshake, plus the packed one's table requests),
//             bytes from CDP (encodedDataLength; frame payloads);
//   parse     snapshot frame in → `wall:snapshot-received` (socket.io's JSON.parse) → `wall:snapshot-applied`
//             (decode and stores); last grid byte → `wall:grids-drawn` (parse, tiling, first frame);
//   draw      the later of snapshot applied / grids drawn → the picture the bench waits for (every
//             layer showing features, as client-metrics.ts).
// A client without those marks gets nulls and a note saying which mark is missing.
import fs from 'node:fs'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { round } from './stats'

export interface FirstPictureSpec {
  /** The server the wall is served from. */
  serverUrl: string
  /** Map layers that must show features (the bench's picture-ready condition). */
  layers: string[]
  runs: number
  /** Write a Chromium CPU profile (.cpuprofile) of the first cold new-way picture here. */
  profile?: string
  /** For working on the picture: a script run in every page before its own (context.addInitScript), and an
   * expression evaluated after each picture, its value kept as the picture's `probe`. */
  probe?: { initScript: string; collect: string }
}

type Part = 'page' | 'grids' | 'tables' | 'basemap' | 'other'

interface Request { url: string; part: Part; startS: number; endS: number | null; bytes: number; fromCache: boolean; status: number | null }
interface Frame { atS: number; bytes: number; text: string | null }

const partOf = (url: string): Part => {
  const path = new URL(url).pathname
  if (/^\/api\/(areas\.geojson|tiles\/)/.test(path)) return 'grids'
  if (path.startsWith('/api/wall-tables/')) return 'tables'
  if (/basemap/.test(path)) return 'basemap'
  if (path === '/' || path.startsWith('/assets/') || path.endsWith('.html')) return 'page'
  return 'other'
}

const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)

/** What the page fetched and the socket received, on CDP's monotonic clock (seconds). */
function recordNetwork(cdp: CDPSession) {
  const state = { navS: null as number | null, timeOrigin: null as Promise<number | null> | null, requests: new Map<string, Request>(), frames: [] as Frame[], socketOpenS: null as number | null }
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && state.navS == null) state.navS = e.timestamp
    state.requests.set(e.requestId, { url: e.request.url, part: partOf(e.request.url), startS: e.timestamp, endS: null, bytes: 0, fromCache: false, status: null })
  })
  cdp.on('Network.responseReceived', (e) => {
    const r = state.requests.get(e.requestId)
    if (r) Object.assign(r, { status: e.response.status, fromCache: r.fromCache || Boolean(e.response.fromDiskCache) })
  })
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = state.requests.get(e.requestId)
    if (r) r.fromCache = true
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = state.requests.get(e.requestId)
    if (r) Object.assign(r, { endS: e.timestamp, bytes: e.encodedDataLength })
  })
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => { state.socketOpenS ??= e.timestamp })
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const text = e.response.opcode === 1 ? e.response.payloadData : null
    state.frames.push({ atS: e.timestamp, bytes: text != null ? Buffer.byteLength(text) : base64Bytes(e.response.payloadData), text: text?.slice(0, 40) ?? null })
  })
  return {
    state,
    /** Requests made by the page's workers (MapLibre fetches tiles in its worker): CDP's page session
     * does not see them, Playwright's page does (it attaches to the workers). On the same clock via timing(). */
    watchWorkers(page: Page) {
      const seen = (url: string) => [...state.requests.values()].some((r) => r.url === url)
      page.on('requestfinished', (request) => {
        void (async () => {
          if (seen(request.url())) return
          const t = request.timing()
          const sizes = await request.sizes().catch(() => null)
          const response = await request.response().catch(() => null)
          state.timeOrigin ??= page.evaluate('performance.timeOrigin').then((o) => o as number, () => null)
          const origin = await state.timeOrigin
          if (origin == null || state.navS == null || seen(request.url())) return
          // timing(): startTime in epoch ms, responseEnd relative to it; page ms = epoch − timeOrigin, as ms() counts from navS.
          const startS = state.navS + (t.startTime - origin) / 1000
          state.requests.set(`worker:${request.url()}`, {
            url: request.url(), part: partOf(request.url()), startS, endS: t.responseEnd >= 0 ? startS + t.responseEnd / 1000 : null,
            bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, fromCache: false, status: response?.status() ?? null,
          })
        })()
      })
    },
    reset() {
      state.navS = null
      state.timeOrigin = null
      state.requests.clear()
      state.frames = []
      state.socketOpenS = null
    },
  }
}

/** The first snapshot among the frames: its text frame and, for a packed one, the binary attachments that follow. */
function snapshotFrames(frames: Frame[]): { format: 'json' | 'packed' | null; frames: Frame[] } {
  const i = frames.findIndex((f) => f.text != null && /^4\d*-?\["wall:snapshot"/.test(f.text))
  if (i < 0) return { format: null, frames: [] }
  const attachments = Number(/^45(\d+)-/.exec(frames[i].text!)?.[1] ?? 0)
  return { format: attachments > 0 ? 'packed' : 'json', frames: frames.slice(i, i + 1 + attachments) }
}

// Each poll queries only the layers not yet seen showing features: a whole-screen query of 15,000 grids
// or 20,000 markers costs the page ~200 ms, and querying every layer every 100 ms took ~2 s of the
// main thread from the picture it measures. Once each has been seen, all are queried again at once and
// the picture counts only if all still show features (the same condition, checked at one instant).
const PICTURE_READY = (layers: string[]) => `(() => {
  const map = window.__wallMap
  if (!map) return false
  const seen = (window.__firstPictureSeen ??= new Set())
  const shows = (l) => Boolean(map.getLayer(l)) && map.queryRenderedFeatures({ layers: [l] }).length > 0
  for (const l of ${JSON.stringify(layers)}) {
    if (seen.has(l)) continue
    if (!shows(l)) return false
    seen.add(l)
  }
  const at = performance.now()
  if (${JSON.stringify(layers)}.every(shows)) return at
  seen.clear()
  return false
})()`

const MARKS = `JSON.stringify(Object.fromEntries(['wall:snapshot-received', 'wall:snapshot-applied', 'wall:grids-drawn']
  .map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])))`

async function onePicture(page: Page, network: ReturnType<typeof recordNetwork>, layers: string[], go: () => Promise<unknown>, listRequests = false, probe?: FirstPictureSpec['probe']) {
  network.reset()
  const started = performance.now()
  await go()
  const readyMs = Number(await (await page.waitForFunction(PICTURE_READY(layers), undefined, { timeout: 300_000, polling: 100 })).jsonValue())
  const fromGotoS = (performance.now() - started) / 1000
  // The workers' requests are recorded asynchronously (watchWorkers): let the last ones land.
  await page.waitForTimeout(300)
  const marks = JSON.parse(await page.evaluate(MARKS) as string) as Record<string, number | null>
  const probed = probe ? await page.evaluate(probe.collect) : undefined
  const { state } = network
  const nav = state.navS ?? 0
  const ms = (s: number | null) => (s == null ? null : round((s - nav) * 1000, 0))
  const requests = [...state.requests.values()].filter((r) => (ms(r.startS) ?? 0) <= readyMs)
  const part = (name: Part) => {
    const rs = requests.filter((r) => r.part === name)
    const ends = rs.map((r) => r.endS).filter((s): s is number => s != null)
    return {
      requests: rs.length, kB: round(rs.reduce((n, r) => n + r.bytes, 0) / 1024, 0),
      fromCache: rs.filter((r) => r.fromCache).length, notModified: rs.filter((r) => r.status === 304).length,
      startMs: rs.length ? ms(Math.min(...rs.map((r) => r.startS))) : null, endMs: ends.length ? ms(Math.max(...ends)) : null,
    }
  }
  const grids = part('grids')
  const tables = part('tables')
  const snapshot = snapshotFrames(state.frames)
  const snapshotInMs = snapshot.frames.length ? ms(snapshot.frames[snapshot.frames.length - 1].atS) : null
  const received = marks['wall:snapshot-received']
  const applied = marks['wall:snapshot-applied']
  const gridsDrawn = marks['wall:grids-drawn']
  const diff = (a: number | null, b: number | null) => (a == null || b == null ? null : round(a - b, 0))
  // Without the grids mark, from the last grid byte (the split then counts grid parsing as drawing).
  const gridsReady = gridsDrawn ?? grids.endMs
  const drawFrom = applied == null && gridsReady == null ? null : Math.max(applied ?? 0, gridsReady ?? 0)
  const notes = Object.entries(marks).filter(([, v]) => v == null).map(([k]) => `mark ${k} missing (a client without it): its split is null`)
  if (!snapshot.format) notes.push('no wall:snapshot frame seen on the socket')
  return {
    pictureS: round(readyMs / 1000, 2),
    /** The bench's own clock, from page.goto/reload to the picture (as client-metrics' firstPictureS). */
    fromGotoS: round(fromGotoS, 2),
    download: {
      page: part('page'),
      grids: { ...grids, ms: diff(grids.endMs, grids.startMs) },
      snapshot: {
        format: snapshot.format,
        kB: round(snapshot.frames.reduce((n, f) => n + f.bytes, 0) / 1024, 0),
        socketOpenMs: ms(state.socketOpenS), frameInMs: snapshotInMs,
        /** Socket open → last snapshot frame in: the server building/encoding it (JSON: per socket) and the transfer. */
        ms: diff(snapshotInMs, ms(state.socketOpenS)),
        tables: { ...tables, ms: diff(tables.endMs, tables.startMs) },
      },
      basemap: part('basemap'),
      other: part('other'),
      totalKB: round(requests.reduce((n, r) => n + r.bytes, 0) / 1024 + snapshot.frames.reduce((n, f) => n + f.bytes, 0) / 1024, 0),
    },
    parse: {
      /** Last snapshot frame in → `wall:snapshot-received`: socket.io's JSON.parse of the event. */
      snapshotMs: diff(received, snapshotInMs),
      /** `wall:snapshot-received` → `wall:snapshot-applied`: decoding (packed: tables, gunzip) and the stores. */
      snapshotDecodeApplyMs: diff(applied, received),
      /** Last grid byte in → `wall:grids-drawn`: parsing, tiling in the worker and the first frame with grid cells. */
      gridsMs: diff(gridsDrawn, grids.endMs),
    },
    draw: {
      /** The later of snapshot applied / grids drawn (or their last byte in) → every layer showing features. */
      ms: drawFrom == null ? null : round(readyMs - drawFrom, 0),
      from: drawFrom == null ? null : (applied ?? 0) >= (gridsReady ?? 0) ? 'wall:snapshot-applied' : gridsDrawn != null ? 'wall:grids-drawn' : 'last grid byte',
    },
    /** Every request before the picture (start/end ms on the page's clock), when asked for (`listRequests`). */
    requests: listRequests ? requests.map((r) => ({ url: new URL(r.url).pathname.slice(0, 60), part: r.part, startMs: ms(r.startS), endMs: ms(r.endS), kB: round(r.bytes / 1024, 0), status: r.status })) : undefined,
    probe: probed,
    marksMs: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, round(v, 0)])),
    notes,
  }
}

export type Picture = Awaited<ReturnType<typeof onePicture>>

async function coldAndMaybeWarm(browser: Browser, url: string, layers: string[], warm: boolean, profile?: string, probe?: FirstPictureSpec['probe']): Promise<{ cold: Picture; warm?: Picture }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
  try {
    if (probe) await context.addInitScript(probe.initScript)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const network = recordNetwork(cdp)
    network.watchWorkers(page)
    await cdp.send('Network.enable')
    if (profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const cold = await onePicture(page, network, layers, () => page.goto(url, { waitUntil: 'commit', timeout: 120_000 }), Boolean(profile), probe)
    if (profile) fs.writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    if (!warm) return { cold }
    return { cold, warm: await onePicture(page, network, layers, () => page.reload({ waitUntil: 'commit', timeout: 120_000 }), false, probe) }
  } finally {
    await context.close()
  }
}

const median = (pictures: Picture[]) => [...pictures].sort((a, b) => (a.pictureS ?? Infinity) - (b.pictureS ?? Infinity))[Math.floor((pictures.length - 1) / 2)] ?? null

/** Runs alternate old and new, so a machine busy for a while slows both alike; each variant's median run in full, every run's total beside. */
export async function measureFirstPictures(browser: Browser, spec: FirstPictureSpec, log: (m: string) => void) {
  const runs: Record<'todaysWay' | 'newWayCold' | 'newWayWarm', Picture[]> = { todaysWay: [], newWayCold: [], newWayWarm: [] }
  for (let i = 0; i < spec.runs; i++) {
    const old = await coldAndMaybeWarm(browser, `${spec.serverUrl}/?grids=geojson&snapshot=json`, spec.layers, false)
    runs.todaysWay.push(old.cold)
    const fresh = await coldAndMaybeWarm(browser, `${spec.serverUrl}/`, spec.layers, true, i === 0 ? spec.profile : undefined, spec.probe)
    runs.newWayCold.push(fresh.cold)
    runs.newWayWarm.push(fresh.warm!)
    log(`first picture run ${i + 1}/${spec.runs}: today's way ${old.cold.pictureS} s, new way ${fresh.cold.pictureS} s cold, ${fresh.warm!.pictureS} s warm`)
  }
  const summary = (pictures: Picture[]) => ({ picturesS: pictures.map((p) => p.pictureS), median: median(pictures) })
  const todaysWay = summary(runs.todaysWay)
  const newWayCold = summary(runs.newWayCold)
  return {
    urls: { todaysWay: '/?grids=geojson&snapshot=json', newWay: '/ (cold: new browser context; warm: reloaded in it)' },
    todaysWay, newWayCold, newWayWarm: summary(runs.newWayWarm),
    todayOverNewCold: todaysWay.median?.pictureS && newWayCold.median?.pictureS ? round(todaysWay.median.pictureS / newWayCold.median.pictureS, 1) : null,
  }
}

export type FirstPictures = Awaited<ReturnType<typeof measureFirstPictures>>
