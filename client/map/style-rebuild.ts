// MapLibre throws its style away when the WebGL context is lost and builds a new one from a snapshot
// when the context comes back (also after a worker restart). In between `map.style` is null and every
// call that reaches the style throws; the new style then loads asynchronously ('style.load'; until
// then setFeatureState throws "Style is not done loading"), its sources are new objects (an update
// awaited on an old one may never settle) and all feature state is gone. Layer components use these.
import type { Map as MaplibreMap, Source } from 'maplibre-gl'

/** False from a lost context until the rebuilt style has loaded: nothing may be asked of the style then. */
export const styleAlive = (map: MaplibreMap): boolean => map.style != null && map.style._loaded

/** The source `id`, or undefined while there is no style (or no such source). */
export function liveSource<T extends Source>(map: MaplibreMap, id: string): T | undefined {
  return styleAlive(map) ? map.getSource<T>(id) : undefined
}

/**
 * Calls `listener` once each rebuilt style has loaded, to re-apply what the snapshot does not keep;
 * returns the unsubscribe. (The style's own 'style.load' fires on the map for the rebuilt one.)
 */
export function onStyleRebuilt(map: MaplibreMap, listener: () => void): () => void {
  let waiting = false
  const whenLoaded = () => {
    waiting = false
    listener()
  }
  const onRestored = () => {
    if (styleAlive(map)) listener()
    else if (!waiting) {
      waiting = true
      map.once('style.load', whenLoaded)
    }
  }
  map.on('webglcontextrestored', onRestored)
  return () => {
    map.off('webglcontextrestored', onRestored)
    map.off('style.load', whenLoaded)
  }
}
