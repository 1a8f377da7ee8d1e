// Injected into both pages (the wall and the naive page) before their own scripts, identically: it
// times every main-thread callback by source — socket messages by event (with the microtasks they
// queue, e.g. Vue's flush), map-worker messages, animation frames (and, inside them, MapLibre's
// `_render` and its painter's `renderLayer` by layer), timers by period — plus each GeoJSON `setData` and `updateData` (synchronous
// part, and until its worker has finished) and `setFeatureState`. A few `performance.now()` calls per callback: cheap.
// Plain JS in a string: a serialised function would carry the TS compiler's helpers.

export interface Bucket { ms: number; n: number; max: number }

export interface BenchCounters {
  socket: Record<string, Bucket>
  worker: Bucket
  raf: Bucket
  timers: Record<string, Bucket>
  render: Bucket
  /** MapLibre's painter.renderLayer, by layer id (inside render). */
  layers: Record<string, Bucket>
  /** The map's Actor.sendAsync by message type and source: serialising the data and posting it to the worker. */
  toWorker: Record<string, Bucket>
  setDataSync: Record<string, Bucket>
  setDataDone: Record<string, Bucket>
  /** GeoJSONSource.updateData (diff updates) by source. */
  updateDataSync: Record<string, Bucket>
  updateDataDone: Record<string, Bucket>
  featureState: Bucket
  /** Callbacks over 50 ms (their queued microtasks included), with the map drawing inside them. */
  longCallbacks: { kind: string; start: number; ms: number; drawingMs: number }[]
  longTasks: { start: number; ms: number }[]
}

export const INSTRUMENTATION = String.raw`
(() => {
  const now = () => performance.now()
  const bucket = () => ({ ms: 0, n: 0, max: 0 })
  const B = window.__bench = {
    socket: {}, worker: bucket(), raf: bucket(), timers: {}, render: bucket(), layers: {},
    toWorker: {}, setDataSync: {}, setDataDone: {}, updateDataSync: {}, updateDataDone: {}, featureState: bucket(), longCallbacks: [], longTasks: [],
  }
  // Maxima since the start of the measured window, not since the page loaded.
  B.resetMax = () => {
    for (const b of [B.worker, B.raf, B.render, B.featureState]) b.max = 0
    for (const group of [B.socket, B.timers, B.setDataSync, B.setDataDone, B.updateDataSync, B.updateDataDone, B.layers, B.toWorker]) for (const b of Object.values(group)) b.max = 0
  }
  const add = (b, ms) => { b.ms += ms; b.n++; if (ms > b.max) b.max = ms }
  const slot = (o, k) => o[k] || (o[k] = bucket())
  // Ends after the microtasks the callback queued (FIFO), so Vue's pre-flush and promise work count.
  // A long one is kept with the MapLibre drawing inside it (software WebGL here), so script can be told from drawing.
  const timed = (fn, record) => function (...args) {
    const t = now()
    const drawnBefore = B.render.ms
    try { return fn.apply(this, args) } finally {
      queueMicrotask(() => {
        const ms = now() - t
        record(ms, args)
        if (ms > 50) B.longCallbacks.push({ kind: record.kind(args), start: t, ms, drawingMs: B.render.ms - drawnBefore })
      })
    }
  }

  // Socket messages, by socket.io event; a binary event's handlers run on its binary part.
  const sockDesc = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true, enumerable: true,
    get() { return sockDesc.get.call(this) },
    set(fn) {
      if (typeof fn !== 'function') return sockDesc.set.call(this, fn)
      let pendingBinary = 'binary'
      const kindOf = (ev) => {
        if (typeof ev.data !== 'string') return pendingBinary
        const m = /^4([25])\d*-?\["([^"]+)"/.exec(ev.data.slice(0, 80))
        if (!m) return 'engine.io'
        if (m[1] === '5') { pendingBinary = m[2]; return m[2] + ' (header)' }
        return m[2]
      }
      const rec = (ms, [ev]) => add(slot(B.socket, ev.__kind), ms)
      rec.kind = ([ev]) => 'socket ' + ev.__kind
      const inner = timed(fn, rec)
      sockDesc.set.call(this, function (ev) { ev.__kind = kindOf(ev); return inner.call(this, ev) })
    },
  })

  // The map's worker (and message ports) answering: tiles, buckets, setData results.
  const workerRec = (ms) => add(B.worker, ms)
  workerRec.kind = () => 'worker message'
  for (const proto of [Worker.prototype, MessagePort.prototype]) {
    const addListener = proto.addEventListener
    proto.addEventListener = function (type, listener, ...rest) {
      if (type === 'message' && typeof listener === 'function') {
        const wrapped = timed(listener, workerRec)
        ;(listener.__benchWrapped ||= new WeakMap()).set(this, wrapped)
        return addListener.call(this, type, wrapped, ...rest)
      }
      return addListener.call(this, type, listener, ...rest)
    }
    const removeListener = proto.removeEventListener
    proto.removeEventListener = function (type, listener, ...rest) {
      const wrapped = listener && listener.__benchWrapped && listener.__benchWrapped.get(this)
      return removeListener.call(this, type, wrapped || listener, ...rest)
    }
    const desc = Object.getOwnPropertyDescriptor(proto, 'onmessage')
    Object.defineProperty(proto, 'onmessage', {
      configurable: true, enumerable: true,
      get() { return desc.get.call(this) },
      set(fn) { desc.set.call(this, typeof fn === 'function' ? timed(fn, workerRec) : fn) },
    })
  }

  const rafRec = (ms) => add(B.raf, ms)
  rafRec.kind = () => 'animation frame'
  const raf = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = (cb) => raf(timed(cb, rafRec))

  const timerKind = (delay, repeat) => repeat ? 'setInterval ' + Math.round(delay || 0) + ' ms' : 'setTimeout ' + ((delay || 0) <= 16 ? '≤16' : (delay || 0) <= 100 ? '17–100' : '>100') + ' ms'
  for (const [name, repeat] of [['setTimeout', false], ['setInterval', true]]) {
    const original = window[name].bind(window)
    window[name] = (cb, delay, ...args) => {
      if (typeof cb !== 'function') return original(cb, delay, ...args)
      const kind = timerKind(delay, repeat)
      const rec = (ms) => add(slot(B.timers, kind), ms)
      rec.kind = () => kind
      return original(timed(cb, rec), delay, ...args)
    }
  }

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, ms: e.duration })
  }).observe({ type: 'longtask', buffered: true })

  // Once the map exists: its render, its GeoJSON sources' setData, feature-state.
  const hook = setInterval(() => {
    const map = window.__wallMap || window.__naiveMap
    if (!map || !map.style || !map.style._loaded) return
    const anyGeojson = Object.keys(map.getStyle().sources).map((id) => map.getSource(id)).find((s) => s && s.type === 'geojson')
    if (!anyGeojson) return
    clearInterval(hook)
    const render = map._render
    map._render = function (...args) { const t = now(); try { return render.apply(this, args) } finally { add(B.render, now() - t) } }
    const painter = map.painter
    const renderLayer = painter.renderLayer
    painter.renderLayer = function (p, tiles, layer, ...rest) { const t = now(); try { return renderLayer.call(this, p, tiles, layer, ...rest) } finally { add(slot(B.layers, layer.id), now() - t) } }
    const fs = map.setFeatureState
    map.setFeatureState = function (...args) { const t = now(); try { return fs.apply(this, args) } finally { add(B.featureState, now() - t) } }
    // setData posts its data to the worker later (v6 queues it): time that post where it happens.
    Promise.resolve(anyGeojson.actorPromise || anyGeojson.actor).then((actor) => {
      if (!actor || typeof actor.sendAsync !== 'function') return
      const actorProto = Object.getPrototypeOf(actor)
      const sendAsync = actorProto.sendAsync
      actorProto.sendAsync = function (message, ...rest) {
        const t = now()
        try { return sendAsync.call(this, message, ...rest) } finally {
          const d = message && message.data
          add(slot(B.toWorker, String(message && message.type) + (d && d.source ? ' ' + d.source : '')), now() - t)
        }
      }
    })
    const proto = Object.getPrototypeOf(anyGeojson)
    for (const [name, sync, finished] of [['setData', B.setDataSync, B.setDataDone], ['updateData', B.updateDataSync, B.updateDataDone]]) {
      const original = proto[name]
      if (typeof original !== 'function') continue
      proto[name] = function (...args) {
        const t = now()
        const done = original.apply(this, args)
        add(slot(sync, this.id), now() - t)
        Promise.resolve(done).then(() => add(slot(finished, this.id), now() - t), () => {})
        return done
      }
    }
  }, 100)
})()
`
