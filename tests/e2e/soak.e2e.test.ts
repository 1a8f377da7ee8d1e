// A wall runs for weeks. Here it runs for a few minutes with hours of district compressed into them
// (the simulator at 300×, a batch every 500 ms), sampled every 15 s after a forced GC. After a
// warm-up the JS heap must not trend upwards (a fitted slope, not first vs last), and DOM nodes,
// event listeners, chart canvases and map layers must stay flat. SOAK_S=1800 soaks longer;
// SOAK_HEAP_DIFF=1 prints a heap snapshot diff even when the bounds hold.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  diffHeaps, formatTable, launchChromiumForMetrics, linearFit, mb, MB, median, openPageMetrics, retainersOf, robustFit,
  type LinearFit, type PageMetrics, type PageSample,
} from '../helpers/page-metrics'
import { killHard, startServerProcess, type ServerProcess } from '../helpers/server-process'

const SOAK_S = Number(process.env.SOAK_S ?? 180)
const SAMPLE_EVERY_S = 15
/** Lazy work settles in the first minute: fonts and tiles loaded, JIT warm, the feed list full. */
const WARMUP_S = 60
/**
 * Clean samples after the warm-up the fit needs; a stalled run soaks up to MAX_OVERRUN_S longer. The
 * simulated day shift at 300× can stall two samples for 60–70 s each on a loaded 2-core machine
 * (CI, 2026-12-02: 71.7 s and 57.8 s), which left 90 s of overrun one clean sample short; the evening
 * after it samples in ~10 s.
 */
const MIN_MEASURED = 5
const MAX_OVERRUN_S = 150
/**
 * A sample whose CDP round trips took this long was taken while the renderer was starved (a loaded
 * CI box, SwiftShader short of CPU): socket messages and feed transitions were queued up, so its
 * figures are high for reasons that pass. It is shown (marked *) but left out of the fit.
 */
const stalledAfterS = (rows: readonly PageSample[]) => Math.max(30, 3 * median(rows.map((r) => r.tookSeconds)))
/**
 * Heap growth the fitted slope may attribute to the measured window (~2 min). The wall's heap is
 * ~18 MB after GC and clean samples wobble by ~±300 KB, so 2 MB (~10% of the heap) is far outside
 * the noise. What it catches: growth per domain event (cases, feed items, status changes) — at 300×
 * the window is ~10 district hours, so a leak slipping under it costs at most ~2 MB × 72 ≈ 150 MB
 * a month at real speed; and growth per tick of ≥ ~8 KB (240 ticks at 500 ms). Smaller per-tick
 * leaks need a longer run: SOAK_S=1800 brings that down to < 1 KB a tick.
 */
const HEAP_GROWTH_BOUND = 2 * MB
/** The map's worker keeps the latest GeoJSON of each source and its tile index: no trend either. */
const WORKER_HEAP_GROWTH_BOUND = 2 * MB
/** DOM nodes and listeners come and go with the feed's row transitions (±30); a leak adds them per tick. */
const NODE_GROWTH_BOUND = 50
const LISTENER_GROWTH_BOUND = 20
/** One ECharts instance is one canvas (the map has one more): a chart re-created per update piles them up. */
const CANVAS_GROWTH_BOUND = 1
/**
 * MapLibre makes and frees GPU buffers as tiles are rebuilt on every source update; they must not pile
 * up. Their count swings between ~120 and ~210 within one run as tiles rebuild (seen in every run
 * since the first), so a fitted slope over six samples reached +70 with no leak (CI, 2026-11-29);
 * a leak of one buffer a tick adds ~210 over the window.
 */
const GL_BUFFER_GROWTH_BOUND = 150
/** And no clean sample far above the quietest one. */
const CEILING_FACTOR = 1.5
const COUNTED = ['HTMLCanvasElement', 'WebGLBuffer', 'WebGLTexture'] as const

interface SoakRow extends PageSample {
  clock: string
  feedState: string
  layers: number
  mapListeners: number
  frames: number
  /** Inspectors drawn somewhere else on the map than at the previous sample. */
  moved: number
  /** Rows in the case feed's list, leaving ones included (a starved renderer lets them pile up). */
  feedRows: number
  instances: Record<string, number>
  stalled: boolean
}

describe('the wall left running', () => {
  let server: ServerProcess
  let dataDir: string
  let browser: Browser
  let page: Page
  let metrics: PageMetrics
  const pageErrors: string[] = []
  let frames = 0

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-soak-'))
    server = await startServerProcess({
      DATA_DIR: dataDir, SIMULATOR: 'on', SIMULATOR_SPEED: '300', TICK_MS: '500', SIMULATOR_SEED: '7',
      // A weekday afternoon: the 60 s warm-up runs through the afternoon peak (13:00–18:00 at 300×),
      // the samples through the evening shift and the night. Started at 06:30, the day's peak on a
      // loaded 2-core CI machine stalled most samples for 45–90 s (not fitted), leaving too few clean ones.
      SIMULATOR_START: '2026-11-25T13:00:00+08:00',
    })
    browser = await launchChromiumForMetrics()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('websocket', (ws) => ws.on('framereceived', () => { frames++ }))
    await page.goto(server.url)
    await page.waitForFunction(() => {
      const map = window.__wallMap
      return map?.getSource('inspectors') != null && map.getSource('cases') != null
        && document.querySelector('[data-test="feed-state"]')?.getAttribute('data-state') === 'live'
    }, undefined, { timeout: 150_000, polling: 500 })
    metrics = await openPageMetrics(page)
  }, 240_000)

  afterAll(async () => {
    await metrics?.close()
    await browser?.close()
    if (server) await killHard(server)
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** The wall's own figures, read before the GC so what this allocates is collected with the rest. */
  const wallState = () => page.evaluate(() => {
    const map = window.__wallMap!
    // Private, but the only count of map.on() listeners: a component re-subscribing per tick shows here.
    const listeners = (map as unknown as { _listeners?: Record<string, unknown[]> })._listeners ?? {}
    return {
      clock: document.querySelector('[data-test="clock"]')?.textContent?.trim() ?? '',
      feedState: document.querySelector('[data-test="feed-state"]')?.getAttribute('data-state') ?? '',
      feedRows: document.querySelectorAll('[data-test="feed-row"]').length,
      layers: map.getLayersOrder().length,
      mapListeners: Object.values(listeners).reduce((n, list) => n + list.length, 0),
      positions: Object.fromEntries(map.querySourceFeatures('inspectors')
        .filter((f) => f.geometry.type === 'Point')
        .map((f) => [String(f.properties.id), (f.geometry as GeoJSON.Point).coordinates.join()])),
    }
  })

  it(`keeps heap, DOM nodes and listeners flat over ${SOAK_S} s`, async () => {
    const rows: SoakRow[] = []
    let previous: Record<string, string> = {}
    const startedAt = performance.now()
    const elapsed = () => (performance.now() - startedAt) / 1000
    const clean = () => {
      const limit = stalledAfterS(rows)
      return rows.filter((r) => r.t >= WARMUP_S && r.tookSeconds < limit)
    }
    for (let due = 0; ; ) {
      await page.waitForTimeout(Math.max(0, startedAt + due * 1000 - performance.now()))
      const t = elapsed()
      const { positions, ...state } = await wallState()
      const sample = await metrics.sample()
      const instances = await metrics.countInstances(COUNTED)
      const moved = Object.keys(positions).filter((id) => previous[id] != null && previous[id] !== positions[id]).length
      previous = positions
      rows.push({ ...sample, ...state, t, frames, moved, instances, stalled: false })
      frames = 0
      if ((elapsed() >= SOAK_S && clean().length >= MIN_MEASURED) || elapsed() >= SOAK_S + MAX_OVERRUN_S) break
      // A stalled sample is late: keep the rest spread out instead of firing the missed ones back to back.
      due = Math.max(due + SAMPLE_EVERY_S, elapsed() + SAMPLE_EVERY_S / 2)
    }
    const limit = stalledAfterS(rows)
    for (const r of rows) r.stalled = r.tookSeconds >= limit
    const measured = clean()

    console.log(`\nsoak: ${SOAK_S} s, simulator 300×, tick 500 ms; min of 3 readings after a forced GC; * = stalled sample (took ≥ ${limit.toFixed(0)} s), not fitted\n${formatTable(rows, [
      { title: 't s', value: (r) => `${r.stalled ? '*' : ''}${r.t.toFixed(0)}` },
      { title: 'took s', value: (r) => r.tookSeconds.toFixed(1) },
      { title: 'district', value: (r) => r.clock },
      { title: 'feed', value: (r) => r.feedState },
      { title: 'ws frames', value: (r) => r.frames },
      { title: 'moved', value: (r) => r.moved },
      { title: 'busy %', value: (r) => (Number.isFinite(r.busy) ? (r.busy * 100).toFixed(0) : '—') },
      { title: 'heap MB', value: (r) => mb(r.heapUsed) },
      { title: 'buffers MB', value: (r) => mb(r.backing) },
      { title: 'blink MB', value: (r) => mb(r.embedder) },
      { title: 'worker MB', value: (r) => mb(r.workerHeap) },
      { title: 'feed rows', value: (r) => r.feedRows },
      { title: 'nodes', value: (r) => r.nodes },
      { title: 'listeners', value: (r) => r.listeners },
      { title: 'canvases', value: (r) => r.instances.HTMLCanvasElement },
      { title: 'gl buffers', value: (r) => r.instances.WebGLBuffer },
      { title: 'gl textures', value: (r) => r.instances.WebGLTexture },
      { title: 'map layers', value: (r) => r.layers },
      { title: 'map listeners', value: (r) => r.mapListeners },
    ])}`)

    expect(measured.length, 'clean samples after the warm-up (was the renderer starved all along?)').toBeGreaterThanOrEqual(MIN_MEASURED)
    const span = measured[measured.length - 1].t - measured[0].t
    const ticks = span / 0.5
    const fits = (value: (r: SoakRow) => number) => ({ robust: robustFit(measured, value), ls: linearFit(measured, value) })
    const fit = {
      heap: fits((r) => r.heapUsed),
      worker: fits((r) => r.workerHeap),
      buffers: fits((r) => r.backing),
      nodes: fits((r) => r.nodes),
      listeners: fits((r) => r.listeners),
      canvases: fits((r) => r.instances.HTMLCanvasElement),
      glBuffers: fits((r) => r.instances.WebGLBuffer),
      busy: fits((r) => r.busy),
    }
    const kb = (f: LinearFit) => `${(f.growth / 1024).toFixed(0)} KB`
    const n = (f: LinearFit) => f.growth.toFixed(1)
    console.log([
      `after the ${WARMUP_S} s warm-up: ${measured.length} clean samples over ${span.toFixed(0)} s (~${Math.round(ticks)} ticks); growth over them, Theil–Sen (least squares):`,
      `  heap        ${kb(fit.heap.robust)} (${kb(fit.heap.ls)}); bound ${HEAP_GROWTH_BOUND / MB} MB; ${(fit.heap.robust.growth / ticks).toFixed(0)} B a tick`,
      `  worker      ${kb(fit.worker.robust)} (${kb(fit.worker.ls)}); bound ${WORKER_HEAP_GROWTH_BOUND / MB} MB`,
      `  buffers     ${kb(fit.buffers.robust)} (${kb(fit.buffers.ls)}); reported`,
      `  nodes       ${n(fit.nodes.robust)} (${n(fit.nodes.ls)}); bound ${NODE_GROWTH_BOUND}`,
      `  listeners   ${n(fit.listeners.robust)} (${n(fit.listeners.ls)}); bound ${LISTENER_GROWTH_BOUND}`,
      `  canvases    ${n(fit.canvases.robust)} (${n(fit.canvases.ls)}); bound ${CANVAS_GROWTH_BOUND}`,
      `  gl buffers  ${n(fit.glBuffers.robust)} (${n(fit.glBuffers.ls)}); bound ${GL_BUFFER_GROWTH_BOUND}`,
      `  main thread busy ${(fit.busy.robust.growth * 100).toFixed(1)} points; reported (task wall time, noisy on a shared machine)`,
    ].join('\n'))

    if (fit.heap.robust.growth > HEAP_GROWTH_BOUND || process.env.SOAK_HEAP_DIFF) await printHeapDiff(metrics)

    // The soak only means something if the wall was fed all along: no error, data flowing (~3
    // frames a second when live), the district clock running, the map moving. A starved renderer
    // may drop its socket for a moment (it reconnects by itself): one sample off live is allowed.
    expect(pageErrors).toEqual([])
    expect(rows.filter((r) => r.feedState !== 'live').length).toBeLessThanOrEqual(1)
    expect(rows[rows.length - 1].feedState).toBe('live')
    expect(measured.slice(1).reduce((sum, r) => sum + r.frames, 0)).toBeGreaterThanOrEqual(span)
    expect(new Set(rows.map((r) => r.clock)).size).toBe(rows.length)
    expect(rows.slice(1).filter((r) => r.moved === 0).length).toBeLessThanOrEqual(1)

    expect(fit.heap.robust.growth).toBeLessThanOrEqual(HEAP_GROWTH_BOUND)
    expect(fit.worker.robust.growth).toBeLessThanOrEqual(WORKER_HEAP_GROWTH_BOUND)
    expect(fit.nodes.robust.growth).toBeLessThanOrEqual(NODE_GROWTH_BOUND)
    expect(fit.listeners.robust.growth).toBeLessThanOrEqual(LISTENER_GROWTH_BOUND)
    expect(fit.canvases.robust.growth).toBeLessThanOrEqual(CANVAS_GROWTH_BOUND)
    expect(fit.glBuffers.robust.growth).toBeLessThanOrEqual(GL_BUFFER_GROWTH_BOUND)
    // Bounded as well as trendless.
    const ceiling = (value: (r: SoakRow) => number) => Math.min(...rows.map(value)) * CEILING_FACTOR
    expect(Math.max(...measured.map((r) => r.nodes))).toBeLessThanOrEqual(ceiling((r) => r.nodes))
    expect(Math.max(...measured.map((r) => r.listeners))).toBeLessThanOrEqual(ceiling((r) => r.listeners))
    expect(new Set(rows.map((r) => r.layers)).size).toBe(1)
    expect(new Set(measured.map((r) => r.mapListeners)).size).toBe(1)
  }, (SOAK_S + MAX_OVERRUN_S + 180) * 1000)
})

/** Two heap snapshots a minute apart: which classes grew, and who holds the top ones. */
async function printHeapDiff(metrics: PageMetrics): Promise<void> {
  const before = await metrics.heapSnapshot()
  await new Promise((resolve) => setTimeout(resolve, 60_000))
  const after = await metrics.heapSnapshot()
  const grown = diffHeaps(before, after)
  console.log(`\nheap snapshot diff over 60 s (self size):\n${formatTable(grown, [
    { title: 'class', value: (d) => d.name.slice(0, 70) },
    { title: '+count', value: (d) => d.countDelta },
    { title: '+KB', value: (d) => (d.sizeDelta / 1024).toFixed(1) },
    { title: 'count after', value: (d) => d.countAfter },
  ])}`)
  for (const d of grown.slice(0, 3)) {
    console.log(`retainers of ${d.name}:\n${retainersOf(after, d.name).map((r) => `  ${r.count}× ${r.retainer}`).join('\n')}`)
  }
}
