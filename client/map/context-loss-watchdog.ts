// The wall runs unattended for weeks. When the GPU resets (a driver update, a sleeping display, Chrome
// reclaiming GPU memory) the map's WebGL context is lost; MapLibre rebuilds its style when the browser
// restores the context. If it never does, the map would stay blank until someone walks up to the PC,
// so after a while we give up and reload: the socket resyncs and the route restores the view.
type ContextEvent = 'webglcontextlost' | 'webglcontextrestored'

/** What the watchdog needs of a map (a maplibre Map is one: it re-fires the canvas's context events). */
export interface ContextEventSource {
  on(type: ContextEvent, listener: () => void): unknown
  off(type: ContextEvent, listener: () => void): unknown
}

export interface ContextLossOptions {
  /** How long the browser may take to restore the context before we give up. */
  restoreTimeoutMs?: number
  /** Called once per loss that was not restored in time. */
  onGiveUp?: () => void
}

/** Watches `map` for a lost WebGL context that is not restored in time; returns a dispose function. */
export function watchContextLoss(
  map: ContextEventSource,
  { restoreTimeoutMs = 10_000, onGiveUp = () => location.reload() }: ContextLossOptions = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined

  const stopTimer = () => {
    clearTimeout(timer)
    timer = undefined
  }
  const onLost = () => {
    // A second loss before the restore keeps the first deadline: repeated losses must not postpone it.
    timer ??= setTimeout(() => {
      timer = undefined
      onGiveUp()
    }, restoreTimeoutMs)
  }

  map.on('webglcontextlost', onLost)
  map.on('webglcontextrestored', stopTimer)
  return () => {
    map.off('webglcontextlost', onLost)
    map.off('webglcontextrestored', stopTimer)
    stopTimer()
  }
}
