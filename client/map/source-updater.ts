// Keeps one setData in flight per source and drops intermediate states: when updates arrive faster
// than the map's worker digests them, only the newest one is drawn (TECH-NOTES §1.2).
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl'

export function createSourceUpdater<T extends GeoJSON.GeoJSON>(map: MaplibreMap, sourceId: string, build: () => T) {
  let inFlight = false
  let pending = false
  let disposed = false

  async function run(): Promise<void> {
    inFlight = true
    while (pending && !disposed) {
      pending = false
      const source = map.getSource<GeoJSONSource>(sourceId)
      if (!source) break
      await source.setData(build())
    }
    inFlight = false
  }

  return {
    /** Asks for the source to be redrawn from the current state, soon. */
    request(): void {
      pending = true
      if (!inFlight) void run()
    },
    dispose(): void {
      disposed = true
    },
  }
}
