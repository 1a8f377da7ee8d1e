// Memory and DOM figures of a page over time, through the Chrome DevTools Protocol: each sample
// forces a full GC first, so what is left is what the page still holds. Plus the tools to judge a
// series (a least-squares slope, not first vs last) and to find what grows (a heap snapshot diff
// by constructor, and who retains the growing objects). PAGE_METRICS_DEBUG=1 logs slow CDP steps.
import type { Browser, CDPSession, Page } from 'playwright-core'
import { launchChromium } from './launch-chromium'

export const MB = 1024 * 1024

/**
 * Chromium as launchChromium() starts it, plus the memory flags: unbucketed `performance.memory`
 * and a global `gc()` in every isolate, the map's workers too (for a human at the console: the
 * sampler itself forces GCs through CDP).
 */
export function launchChromiumForMetrics(extraArgs: readonly string[] = []): Promise<Browser> {
  return launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc', ...extraArgs])
}

export interface PageSample {
  /** Seconds since the sampler was opened. */
  t: number
  /** Main-thread JS heap in use after a full GC (Runtime.getHeapUsage usedSize), bytes. */
  heapUsed: number
  /** Off-heap ArrayBuffer memory of the main thread (typed arrays: map tiles, chart canvases), bytes. */
  backing: number
  /** Blink objects on V8's heap (Runtime.getHeapUsage embedderHeapUsedSize), bytes. */
  embedder: number
  /** Live DOM nodes (Performance.getMetrics Nodes), detached ones included until collected. */
  nodes: number
  /** JS event listeners on DOM targets (Performance.getMetrics JSEventListeners). */
  listeners: number
  layoutObjects: number
  documents: number
  /** JS heap of the page's dedicated workers (the map's tile workers) after a GC in each, bytes. */
  workerHeap: number
  workers: number
  /**
   * Share of time the main thread ran tasks since the previous sample ended (this sampler's own
   * GCs excluded), from Performance.getMetrics TaskDuration: work per tick that creeps up shows here.
   */
  busy: number
  /** How long taking this sample took, s: long ones mean a starved renderer (a loaded machine). */
  tookSeconds: number
}

export interface PageMetrics {
  cdp: CDPSession
  /**
   * Forces a full GC and reads the figures, `readings` times a little apart, keeping each figure's
   * minimum: a reading can land while a socket message or a chart animation is half-processed, and
   * the floor is what a leak raises.
   */
  sample(readings?: number): Promise<PageSample>
  /**
   * Live instances of each named global class (e.g. WebGLBuffer, HTMLCanvasElement), via
   * Runtime.queryObjects: wrappers of GPU buffers or chart canvases that pile up mean a leak the
   * JS heap size barely shows.
   */
  countInstances(classNames: readonly string[]): Promise<Record<string, number>>
  /**
   * A full V8 heap snapshot of the main thread, parsed (taking one forces a GC). V8 then tracks
   * object ids for the rest of the page's life, which slows its GCs: take snapshots last.
   */
  heapSnapshot(): Promise<HeapSnapshot>
  close(): Promise<void>
}

type HeapUsage = { usedSize: number; totalSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number }

export async function openPageMetrics(page: Page): Promise<PageMetrics> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  // No HeapProfiler.enable: collectGarbage and takeHeapSnapshot work without it, and with it each
  // forced GC took seconds here (up to 36 s under load), long enough to drop the page's socket.
  const openedAt = performance.now()

  // Workers are reached through the page's session (Playwright's sessions are pages and frames
  // only): auto-attach without flattening, then wrap commands in Target.sendMessageToTarget.
  const workers = new Set<string>()
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => { if (targetInfo.type === 'worker') workers.add(sessionId) })
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => { if (sessionId) workers.delete(sessionId) })
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } }
    const waiter = reply.id == null ? undefined : pending.get(reply.id)
    if (!waiter) return
    pending.delete(reply.id!)
    if (reply.error) waiter.reject(new Error(reply.error.message))
    else waiter.resolve(reply.result)
  })
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })

  function inWorker<T>(sessionId: string, method: string): Promise<T> {
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject })
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch((error: Error) => {
        pending.delete(id)
        reject(error)
      })
    })
  }

  async function workerHeap(): Promise<number> {
    let total = 0
    for (const sessionId of [...workers]) {
      try {
        await inWorker(sessionId, 'HeapProfiler.collectGarbage')
        total += (await inWorker<HeapUsage>(sessionId, 'Runtime.getHeapUsage')).usedSize
      } catch {
        workers.delete(sessionId) // it ended meanwhile
      }
    }
    return total
  }

  async function taskClock(): Promise<{ at: number; task: number }> {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
    return { at: metric('Timestamp'), task: metric('TaskDuration') }
  }
  let lastEnd: { at: number; task: number } | undefined

  const DEBUG = !!process.env.PAGE_METRICS_DEBUG
  async function step<T>(label: string, f: () => Promise<T>): Promise<T> {
    const t = performance.now()
    const out = await f()
    if (DEBUG && performance.now() - t > 1000) console.log(`[page-metrics] ${label} took ${(performance.now() - t).toFixed(0)} ms`)
    return out
  }

  async function reading(): Promise<PageSample> {
    // Let queued work (socket messages, a pending render) finish first, so it is not counted live.
    await step('idle', () => page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }))))
    // One forced full GC a reading: with several readings a sample, what only a second pass frees
    // (finalizers, weak callbacks) is gone by the later ones, and the sample keeps the minimum.
    await step('gc', () => cdp.send('HeapProfiler.collectGarbage'))
    const heap = (await step('usage', () => cdp.send('Runtime.getHeapUsage'))) as HeapUsage
    const { metrics } = await step('metrics', () => cdp.send('Performance.getMetrics'))
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
    return {
      t: (performance.now() - openedAt) / 1000,
      heapUsed: heap.usedSize,
      backing: heap.backingStorageSize ?? NaN,
      embedder: heap.embedderHeapUsedSize ?? NaN,
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      layoutObjects: metric('LayoutObjects'),
      documents: metric('Documents'),
      workerHeap: await step('worker', workerHeap),
      workers: workers.size,
      busy: NaN,
      tookSeconds: NaN,
    }
  }

  return {
    cdp,
    async sample(readings = 3) {
      const startedAt = performance.now()
      const start = await taskClock()
      const busy = lastEnd ? (start.task - lastEnd.task) / (start.at - lastEnd.at) : NaN
      const all: PageSample[] = []
      for (let i = 0; i < readings; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300))
        all.push(await reading())
      }
      lastEnd = await taskClock()
      const min = (key: keyof PageSample) => Math.min(...all.map((r) => r[key]))
      return {
        t: all[0].t, busy, tookSeconds: (performance.now() - startedAt) / 1000,
        heapUsed: min('heapUsed'), backing: min('backing'), embedder: min('embedder'),
        nodes: min('nodes'), listeners: min('listeners'), layoutObjects: min('layoutObjects'), documents: min('documents'),
        workerHeap: min('workerHeap'), workers: min('workers'),
      }
    },
    async countInstances(classNames) {
      const counts: Record<string, number> = {}
      const objectGroup = 'page-metrics'
      try {
        for (const name of classNames) {
          const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype`, objectGroup })
          if (!proto.objectId) continue
          const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup })
          const { result } = await cdp.send('Runtime.callFunctionOn', {
            objectId: objects.objectId!, functionDeclaration: 'function () { return this.length }', returnByValue: true,
          })
          counts[name] = result.value as number
        }
      } finally {
        // The handles would otherwise keep every object found alive.
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup })
      }
      return counts
    },
    async heapSnapshot() {
      const chunks: string[] = []
      const onChunk = ({ chunk }: { chunk: string }) => { chunks.push(chunk) }
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
      try {
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
      } finally {
        cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
      }
      return parseHeapSnapshot(chunks.join(''))
    },
    async close() {
      for (const { reject } of pending.values()) reject(new Error('page metrics closed'))
      pending.clear()
      await cdp.detach().catch(() => {})
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Judging a series

export interface LinearFit {
  /** Units per second. */
  slope: number
  intercept: number
  /** slope × the time the samples span: the growth the fit attributes to that window. */
  growth: number
}

/** Least-squares line through (t, value): one noisy sample at either end cannot fake or hide a trend. */
export function linearFit<S extends { t: number }>(samples: readonly S[], value: (s: S) => number): LinearFit {
  const n = samples.length
  if (n < 2) return { slope: 0, intercept: n ? value(samples[0]) : 0, growth: 0 }
  const xs = samples.map((s) => s.t)
  const ys = samples.map(value)
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0, sxx = 0
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my)
    sxx += (xs[i] - mx) ** 2
  }
  const slope = sxx === 0 ? 0 : sxy / sxx
  return { slope, intercept: my - slope * mx, growth: slope * (xs[n - 1] - xs[0]) }
}

/**
 * Theil–Sen: the median of the slopes between every pair of samples. A linear fit like the one
 * above, but a few outliers (samples taken while the renderer was starved and backlogged) cannot
 * tilt it, where they tilt least squares a lot when they fall near either end.
 */
export function robustFit<S extends { t: number }>(samples: readonly S[], value: (s: S) => number): LinearFit {
  const slopes: number[] = []
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const dt = samples[j].t - samples[i].t
      if (dt > 0) slopes.push((value(samples[j]) - value(samples[i])) / dt)
    }
  }
  if (slopes.length === 0) return linearFit(samples, value)
  const slope = median(slopes)
  const intercept = median(samples.map((s) => value(s) - slope * s.t))
  return { slope, intercept, growth: slope * (samples[samples.length - 1].t - samples[0].t) }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export interface Column<S> {
  title: string
  value: (s: S) => string | number
}

/** A fixed-width text table, for a human reading the test's output. */
export function formatTable<S>(rows: readonly S[], columns: readonly Column<S>[]): string {
  const cells = rows.map((r) => columns.map((c) => String(c.value(r))))
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)))
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i])).join('  ')
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

export const mb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / MB).toFixed(2) : '—')

// ---------------------------------------------------------------------------------------------
// Heap snapshots (the .heapsnapshot format DevTools reads)

export interface HeapSnapshot {
  snapshot: {
    meta: {
      node_fields: string[]
      node_types: [string[], ...unknown[]]
      edge_fields: string[]
      edge_types: [string[], ...unknown[]]
    }
    node_count: number
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

export function parseHeapSnapshot(json: string): HeapSnapshot {
  return JSON.parse(json) as HeapSnapshot
}

/** Node types whose names are contents (each string its own name), grouped by type alone. */
const BY_TYPE_ONLY = new Set(['string', 'concatenated string', 'sliced string', 'number', 'bigint', 'code', 'hidden', 'symbol'])

function nodeLayout(s: HeapSnapshot) {
  const f = s.snapshot.meta.node_fields
  return {
    width: f.length, type: f.indexOf('type'), name: f.indexOf('name'), selfSize: f.indexOf('self_size'), edgeCount: f.indexOf('edge_count'),
    types: s.snapshot.meta.node_types[0],
  }
}

/** The class of a node as DevTools' summary view groups it: constructor name, (closure) name, (array)… */
function classOf(s: HeapSnapshot, layout: ReturnType<typeof nodeLayout>, offset: number): string {
  const type = layout.types[s.nodes[offset + layout.type]]
  const name = s.strings[s.nodes[offset + layout.name]]
  if (BY_TYPE_ONLY.has(type)) return `(${type})`
  if (type === 'object' || type === 'native') return name.split(' ')[0] || `(${type})`
  return `(${type}) ${name.slice(0, 60)}`
}

export interface ClassSize {
  name: string
  count: number
  size: number
}

/** Count and self size per class. */
export function summarizeHeap(s: HeapSnapshot): Map<string, ClassSize> {
  const layout = nodeLayout(s)
  const out = new Map<string, ClassSize>()
  for (let o = 0; o < s.nodes.length; o += layout.width) {
    const name = classOf(s, layout, o)
    const entry = out.get(name) ?? { name, count: 0, size: 0 }
    entry.count++
    entry.size += s.nodes[o + layout.selfSize]
    out.set(name, entry)
  }
  return out
}

export interface ClassDelta {
  name: string
  countDelta: number
  sizeDelta: number
  countAfter: number
}

/** The classes that grew most between two snapshots, by self size. */
export function diffHeaps(before: HeapSnapshot, after: HeapSnapshot, top = 15): ClassDelta[] {
  const a = summarizeHeap(before)
  const b = summarizeHeap(after)
  const deltas: ClassDelta[] = []
  for (const [name, entry] of b) {
    const old = a.get(name)
    deltas.push({ name, countDelta: entry.count - (old?.count ?? 0), sizeDelta: entry.size - (old?.size ?? 0), countAfter: entry.count })
  }
  return deltas.filter((d) => d.sizeDelta > 0 || d.countDelta > 0).sort((x, y) => y.sizeDelta - x.sizeDelta).slice(0, top)
}

/**
 * Who holds the objects of a class: for every strong edge into one of them, "holder class.edge",
 * counted. One level up only, which usually names the collection that keeps growing.
 */
export function retainersOf(s: HeapSnapshot, className: string, top = 8): { retainer: string; count: number }[] {
  const layout = nodeLayout(s)
  const ef = s.snapshot.meta.edge_fields
  const edgeWidth = ef.length
  const edgeType = ef.indexOf('type')
  const edgeName = ef.indexOf('name_or_index')
  const toNode = ef.indexOf('to_node')
  const edgeTypes = s.snapshot.meta.edge_types[0]
  const targets = new Set<number>()
  for (let o = 0; o < s.nodes.length; o += layout.width) if (classOf(s, layout, o) === className) targets.add(o)
  const counts = new Map<string, number>()
  let edge = 0
  for (let o = 0; o < s.nodes.length; o += layout.width) {
    const edges = s.nodes[o + layout.edgeCount]
    for (let k = 0; k < edges; k++, edge += edgeWidth) {
      const type = edgeTypes[s.edges[edge + edgeType]]
      if (type === 'weak' || type === 'shortcut' || !targets.has(s.edges[edge + toNode])) continue
      const label = type === 'element' || type === 'hidden' ? `[${s.edges[edge + edgeName]}]` : s.strings[s.edges[edge + edgeName]]
      const key = `${classOf(s, layout, o)}.${type === 'element' ? '[]' : label}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return [...counts].map(([retainer, count]) => ({ retainer, count })).sort((x, y) => y.count - x.count).slice(0, top)
}
