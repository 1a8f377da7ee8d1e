// The map instance is provided by MapView to its layers. It is held raw (markRaw in a shallowRef):
// Vue must never make a maplibre Map deeply reactive. Layers render only once the map has loaded,
// so useMap() can hand out the instance itself.
import type { Map as MaplibreMap } from 'maplibre-gl'
import { inject, type InjectionKey, type ShallowRef } from 'vue'

export const MAP_KEY: InjectionKey<ShallowRef<MaplibreMap | undefined>> = Symbol('map')

export function useMap(): MaplibreMap {
  const map = inject(MAP_KEY)?.value
  if (!map) throw new Error('useMap() must be used inside a loaded <MapView>')
  return map
}
