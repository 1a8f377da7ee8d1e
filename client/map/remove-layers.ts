// Defensive clean-up for a layer component: a style change may have removed things already.
import type { Map as MaplibreMap } from 'maplibre-gl'

export function removeLayers(map: MaplibreMap, layerIds: readonly string[], sourceIds: readonly string[]): void {
  if (!map.style) return
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id)
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id)
}
