// Creating the map needs WebGL. On a wall PC it can be missing for a moment (the GPU process
// restarting after a driver update or a crash): `new Map()` then throws, and without this the wall
// would show no map until someone walks up to the PC. So we try again every few seconds; if WebGL
// still is not back after a while, we reload the page (as the context-loss watchdog does): the
// socket resyncs and the route restores the view.

/** Wait this long (ms) between two attempts. */
export const MAP_RETRY_MS = 5000
/** Attempts before giving up, the first included: a minute at MAP_RETRY_MS. */
export const MAP_MAX_ATTEMPTS = 12

export interface MapCreationOptions<T> {
  /** Creates the map; throws when it cannot (maplibre removes what it added to the container first). */
  create: () => T
  /** Called once, with the map that was created. */
  onCreated: (map: T) => void
  /** Called after each failed attempt (1-based), the last one included. */
  onFailed?: (error: unknown, attempt: number) => void
  retryMs?: number
  maxAttempts?: number
  /** Called once after `maxAttempts` failures. */
  onGiveUp?: () => void
}

/** Creates the map now, or retries until it can; returns a function that cancels a pending retry. */
export function createMapWithRetry<T>({
  create, onCreated, onFailed = () => {}, retryMs = MAP_RETRY_MS, maxAttempts = MAP_MAX_ATTEMPTS, onGiveUp = () => location.reload(),
}: MapCreationOptions<T>): () => void {
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const attempt = () => {
    timer = undefined
    attempts++
    let map: T
    try {
      map = create()
    } catch (error) {
      onFailed(error, attempts)
      if (attempts >= maxAttempts) onGiveUp()
      else timer = setTimeout(attempt, retryMs)
      return
    }
    // Outside the try: an error while setting up a created map is a bug, not a reason to create another.
    onCreated(map)
  }

  attempt()
  return () => {
    clearTimeout(timer)
    timer = undefined
  }
}
