// One page (the wall, or the naive baseline) in headless Chromium at 1920×1080, measured through the
// DevTools protocol: Chrome's ScriptDuration / TaskDuration (Performance.getMetrics) over a steady
// window divided by the position frames the page received in it, long tasks (PerformanceObserver),
// JS heap after a forced GC (HeapProfiler.collectGarbage) at the end of warm-up and after the soak,
// and the page instrumentation's breakdown of where the script time went.
import type { Browser, BrowserContext } from 'playwright-core'
import { INSTRUMENTATION, type BenchCounters, type Bucket } from './page-instrumentation'
import { summariseProfile, type CpuProfile } from './profile-summary'
import { MB, round, sleep } from './stats'

export interface PageSpec {
  name: 'wall' | 'naive'
  url: string
  /** Map layers that must show features for the first full picture. */
  layers: string[]
  /** The GeoJSON sources of moving inspectors and of cases. */
  sources: { inspectors: string; cases: string }
  screenshot?: string
}

type Metrics = Record<string, number>

/** Seconds of main-thread CPU profile taken after the soak. */
const PROFILE_S = 20

const perUpdate = (ms: number, updates: number) => round(updates > 0 ? ms / updates : null, 2)

const one = (a: Bucket, b: Bucket, updates: number) => {
  const calls = b.n - a.n
  return { msPerUpdate: perUpdate(b.ms - a.ms, updates), calls, msPerCall: round(calls > 0 ? (b.ms - a.ms) / calls : null, 2), maxMs: round(b.max, 1) }
}

function diffBuckets(a: Record<string, Bucket>, b: Record<string, Bucket>, updates: number, top = 20) {
  const rows = Object.entries(b)
    .map(([k, v]) => [k, one(a[k] ?? { ms: 0, n: 0, max: 0 }, v, updates)] as const)
    .filter(([, r]) => r.calls > 0)
    .sort((x, y) => (y[1].msPerUpdate ?? 0) - (x[1].msPerUpdate ?? 0))
  return Object.fromEntries(rows.slice(0, top))
}

export async function measurePage(browser: Browser, spec: PageSpec, warmupS: number, soakS: number) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
  try {
    return await measureIn(context, spec, warmupS, soakS)
  } finally {
    await context.close()
  }
}

async function measureIn(context: BrowserContext, spec: PageSpec, warmupS: number, soakS: number) {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  await page.addInitScript({ content: INSTRUMENTATION })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('HeapProfiler.enable')
  const metrics = async (): Promise<Metrics> => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const counters = async () => JSON.parse(await page.evaluate('JSON.stringify(window.__bench)') as string) as BenchCounters
  const heapAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    await sleep(1000)
    return (await metrics()).JSHeapUsedSize
  }

  const started = performance.now()
  await page.goto(spec.url, { waitUntil: 'load', timeout: 120_000 })
  // Plain-JS strings: a serialised function would carry the TS compiler's helpers. (Not map.loaded():
  // with live updates and the pulse animation a map is never idle.)
  const pictureReady = `(() => {
    const map = window.__wallMap || window.__naiveMap
    if (!map) return false
    return ${JSON.stringify(spec.layers)}.every((l) => map.getLayer(l) && map.queryRenderedFeatures({ layers: [l] }).length > 0)
  })()`
  await page.waitForFunction(pictureReady, undefined, { timeout: 300_000, polling: 250 })
  const firstPictureS = (performance.now() - started) / 1000
  const mapSize = JSON.parse(await page.evaluate(`(() => { const c = (window.__wallMap || window.__naiveMap).getCanvas(); return JSON.stringify({ cssWidth: c.clientWidth, cssHeight: c.clientHeight, width: c.width, height: c.height }) })()`) as string) as { cssWidth: number; cssHeight: number; width: number; height: number }

  await sleep(warmupS * 1000)
  const heapWarm = await heapAfterGc()
  const m0 = await metrics()
  await page.evaluate('window.__bench.resetMax()')
  const c0 = await counters()
  const t0 = await page.evaluate('performance.now()') as number
  const timeline: { atS: number; scriptMsPerS: number | null }[] = []
  const soakStarted = performance.now()
  let last = m0
  for (let elapsed = 0; elapsed < soakS;) {
    const step = Math.min(30, soakS - elapsed)
    await sleep(step * 1000)
    elapsed += step
    const m = await metrics()
    timeline.push({ atS: elapsed, scriptMsPerS: round(((m.ScriptDuration - last.ScriptDuration) * 1000) / step, 1) })
    last = m
  }
  const m1 = await metrics()
  const c1 = await counters()
  const t1 = await page.evaluate('performance.now()') as number
  const seconds = (performance.now() - soakStarted) / 1000
  // After the measured window (the profiler slows the page): which functions the main thread ran.
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  await sleep(PROFILE_S * 1000)
  const { profile } = await cdp.send('Profiler.stop')
  const mainThreadProfile = summariseProfile(profile as unknown as CpuProfile, new URL(spec.url).origin + '/', 12)
  const heapEnd = await heapAfterGc()
  const mEnd = await metrics()
  // Best effort: a page busy drawing in software may not yield a frame in time.
  const screenshot = spec.screenshot ? await page.screenshot({ path: spec.screenshot, timeout: 60_000 }).then(() => spec.screenshot!, () => null) : null

  const updates = (c1.socket['inspectors:moved']?.n ?? 0) - (c0.socket['inspectors:moved']?.n ?? 0)
  const d = (name: string) => (m1[name] - m0[name]) * 1000
  const longTasks = c1.longTasks.filter((t) => t.start >= t0 && t.start <= t1)
  const longCallbacks = c1.longCallbacks.filter((t) => t.start >= t0 && t.start <= t1)
  const renderMs = c1.render.ms - c0.render.ms
  const caseMessages = (c1.socket['cases:changed']?.n ?? 0) - (c0.socket['cases:changed']?.n ?? 0)
  const calls = (group: Record<string, Bucket>, before: Record<string, Bucket>, source: string) => (group[source]?.n ?? 0) - (before[source]?.n ?? 0)
  /** setData + updateData calls of a source per second of the soak. */
  const redraws = (source: string) => round(seconds > 0 ? (calls(c1.setDataSync, c0.setDataSync, source) + calls(c1.updateDataSync, c0.updateDataSync, source)) / seconds : null, 2)
  return {
    firstPictureS: round(firstPictureS, 1),
    screenshot,
    mapCanvas: mapSize,
    soakSeconds: round(seconds, 0),
    updates,
    /**
     * Source updates (setData or updateData) per second: one per message when every message redraws
     * (the naive page), fewer when updates are coalesced behind the one in flight, 0 when the map is frozen.
     */
    mapRedraws: { inspectorsPerSecond: redraws(spec.sources.inspectors), casesPerSecond: redraws(spec.sources.cases), caseMessagesPerSecond: round(caseMessages / seconds, 2) },
    messages: Object.fromEntries(Object.entries(c1.socket).map(([k, v]) => [k, v.n - (c0.socket[k]?.n ?? 0)])),
    scriptMsPerUpdate: perUpdate(d('ScriptDuration'), updates),
    taskMsPerUpdate: perUpdate(d('TaskDuration'), updates),
    /** ScriptDuration minus the time inside MapLibre's `_render` (drawing, reported beside, not budgeted). */
    scriptExDrawingMsPerUpdate: perUpdate(d('ScriptDuration') - renderMs, updates),
    drawingMsPerUpdate: perUpdate(renderMs, updates),
    scriptMsPerSecond: round(d('ScriptDuration') / seconds, 1),
    taskMsPerSecond: round(d('TaskDuration') / seconds, 1),
    layoutAndStyleMsPerUpdate: perUpdate(d('LayoutDuration') + d('RecalcStyleDuration'), updates),
    /** Position frames received per server tick: below 1 the page fell behind and volatile frames were dropped. */
    positionFramesPerSecond: round(updates / seconds, 2),
    /** Full resyncs (a reconnect brings a new snapshot) in the window: a page that blocks too long misses pings. */
    resyncs: (c1.socket['wall:snapshot']?.n ?? 0) - (c0.socket['wall:snapshot']?.n ?? 0),
    scriptExDrawingMsPerSecond: round((d('ScriptDuration') - renderMs) / seconds, 1),
    framesDrawnPerSecond: round((c1.render.n - c0.render.n) / seconds, 2),
    drawingMsPerFrame: round((c1.render.n - c0.render.n) > 0 ? renderMs / (c1.render.n - c0.render.n) : null, 1),
    longTasks: { count: longTasks.length, maxMs: round(longTasks.reduce((m, t) => Math.max(m, t.ms), 0), 0), top: longTasks.map((t) => round(t.ms, 0)).sort((a, b) => b! - a!).slice(0, 8) },
    longScriptCallbacks: summariseLong(longCallbacks),
    heap: {
      afterWarmupMB: round(heapWarm / MB, 1), afterSoakMB: round(heapEnd / MB, 1),
      growthMB: round((heapEnd - heapWarm) / MB, 2), growthShare: round((heapEnd - heapWarm) / heapWarm, 3),
      minutesBetween: round((seconds + 2) / 60, 1),
    },
    domNodesDelta: mEnd.Nodes - m0.Nodes,
    listenersDelta: mEnd.JSEventListeners - m0.JSEventListeners,
    scriptTimeline: timeline,
    breakdownPerUpdate: {
      socketByEvent: diffBuckets(c0.socket, c1.socket, updates),
      workerAndPortMessages: one(c0.worker, c1.worker, updates),
      animationFrames: one(c0.raf, c1.raf, updates),
      ofWhichMapRender: one(c0.render, c1.render, updates),
      /** Inside the map's render, by layer (msPerCall ≈ per drawn frame and pass). */
      drawingByLayer: diffBuckets(c0.layers, c1.layers, updates, 8),
      timers: diffBuckets(c0.timers, c1.timers, updates),
      setDataSyncBySource: diffBuckets(c0.setDataSync, c1.setDataSync, updates),
      updateDataSyncBySource: diffBuckets(c0.updateDataSync, c1.updateDataSync, updates),
      /** Serialising + posting each source's data to the map worker (main thread), by message type and source. */
      postToWorker: diffBuckets(c0.toWorker, c1.toWorker, updates, 10),
      setDataUntilWorkerDoneMsPerCall: Object.fromEntries(Object.entries(c1.setDataDone).map(([k, v]) => {
        const b = c0.setDataDone[k] ?? { ms: 0, n: 0, max: 0 }
        return [k, round(v.n - b.n > 0 ? (v.ms - b.ms) / (v.n - b.n) : null, 0)]
      })),
      updateDataUntilWorkerDoneMsPerCall: Object.fromEntries(Object.entries(c1.updateDataDone).map(([k, v]) => {
        const b = c0.updateDataDone[k] ?? { ms: 0, n: 0, max: 0 }
        return [k, round(v.n - b.n > 0 ? (v.ms - b.ms) / (v.n - b.n) : null, 0)]
      })),
      setFeatureState: one(c0.featureState, c1.featureState, updates),
    },
    /** Sampled for PROFILE_S after the soak; names are as in the served bundle (minified in a production build). */
    mainThreadProfile,
    errors: errors.slice(0, 10),
  }
}

/** Long callbacks by kind; `scriptOver50` counts those with more than 50 ms once the map's (software) drawing inside them is taken out. */
function summariseLong(list: { kind: string; ms: number; drawingMs: number }[]) {
  const byKind: Record<string, { count: number; maxMs: number; scriptOver50: number; maxScriptMs: number }> = {}
  let scriptOver50 = 0, maxScriptMs = 0
  for (const l of list) {
    const k = (byKind[l.kind] ??= { count: 0, maxMs: 0, scriptOver50: 0, maxScriptMs: 0 })
    const script = l.ms - l.drawingMs
    k.count++
    k.maxMs = Math.max(k.maxMs, Math.round(l.ms))
    k.maxScriptMs = Math.max(k.maxScriptMs, Math.round(script))
    maxScriptMs = Math.max(maxScriptMs, Math.round(script))
    if (script > 50) {
      k.scriptOver50++
      scriptOver50++
    }
  }
  return { count: list.length, scriptOver50, maxScriptMs, byKind }
}

export type PageResult = Awaited<ReturnType<typeof measureIn>>
