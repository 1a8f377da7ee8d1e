// Following a moving inspector: the camera is told where they are at most every few seconds, so a
// fix a second does not make the map jitter, and the last position of a burst is never lost.
import { onBeforeUnmount, watch } from 'vue'
import { useCameraStore } from '../stores/camera'

/** Minimum time between two camera moves (ms). */
export const FOLLOW_INTERVAL_MS = 5000

/** Calls `fn` at once, then at most every `ms`; a call in between is deferred (the newest wins). */
export function createThrottle<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined

  function fire(args: A): void {
    last = Date.now()
    fn(...args)
  }
  function cancel(): void {
    clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  function call(...args: A): void {
    const wait = last + ms - Date.now()
    if (wait <= 0 && !timer) return fire(args)
    pending = args
    timer ??= setTimeout(() => {
      timer = undefined
      if (pending) fire(pending)
      pending = undefined
    }, Math.max(0, wait))
  }
  /** Forgets the last call: the next one fires at once. */
  function reset(): void {
    cancel()
    last = -Infinity
  }
  return { call, cancel, reset }
}

/**
 * Keeps the camera on `position` (lng, lat) at `zoom`; without a position the area is framed instead.
 * Another inspector (`key`) is flown to at once, not after the throttle.
 */
export function useInspectorFollow(key: () => unknown, position: () => [number, number] | null, zoom: number): void {
  const camera = useCameraStore()
  const throttle = createThrottle((center: [number, number]) => camera.lookAt({ center, zoom }), FOLLOW_INTERVAL_MS)
  watch([key, () => position()?.[0], () => position()?.[1]], ([k, lng, lat], previous) => {
    if (previous && k !== previous[0]) throttle.reset()
    if (lng == null || lat == null) {
      throttle.cancel()
      camera.lookAt(null)
    } else {
      throttle.call([lng, lat])
    }
  }, { immediate: true })
  onBeforeUnmount(() => throttle.cancel())
}
