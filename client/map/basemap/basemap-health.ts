// Tells the wall when its basemap fails (tiles or TileJSON of the basemap's sources erroring: a tile
// server down, a wrong key, the intranet unreachable), so the map says so instead of silently
// showing grids over nothing; and when it has come back. Errors of our own sources are logged as
// MapLibre would have logged them without a listener.
import type { Map as MaplibreMap, MapSourceDataEvent } from 'maplibre-gl'

/** A basemap tile loading this long after the last failure counts as recovery. */
export const RECOVERY_MS = 15_000

/** MapLibre's error event; errors of a source's tiles or TileJSON carry its id. */
type ErrorEventLike = { error: { message: string }; sourceId?: string }

export function watchBasemapHealth(
  map: Pick<MaplibreMap, 'on' | 'off'>,
  sources: Record<string, string>,
  onChange: (failedHost: string | null) => void,
  now: () => number = Date.now,
): () => void {
  let failedHost: string | null = null
  let lastFailure = 0
  const onError = (event: ErrorEventLike) => {
    const host = event.sourceId !== undefined ? sources[event.sourceId] : undefined
    if (host === undefined) {
      console.error(event.error)
      return
    }
    lastFailure = now()
    if (failedHost !== host) {
      failedHost = host
      console.warn(`[basemap] ${host}: ${event.error.message}`)
      onChange(host)
    }
  }
  const onData = (event: MapSourceDataEvent) => {
    if (failedHost === null || !event.tile || !(event.sourceId in sources)) return
    if (now() - lastFailure >= RECOVERY_MS) {
      failedHost = null
      onChange(null)
    }
  }
  map.on('error', onError)
  map.on('sourcedata', onData)
  return () => {
    map.off('error', onError)
    map.off('sourcedata', onData)
  }
}
