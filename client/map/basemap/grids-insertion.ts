// Where the grid fills go in a basemap's layers, whichever basemap it is: below the layer the
// basemap names in its metadata (the demo: its buildings, so footprints stay crisp over the load
// tint), else below its first label, else on top. GridsLayer asks once, when it adds its fill.
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl'

/** The style metadata key naming the layer grid fills go below. */
export const GRIDS_BELOW_KEY = 'wall:grids-below'

/** The style with GRIDS_BELOW_KEY set: `layerId`, or the style's first symbol layer when not given. */
export function markGridsInsertion(style: StyleSpecification, layerId?: string): StyleSpecification {
  const below = layerId ?? style.layers.find((l) => l.type === 'symbol')?.id
  return below ? { ...style, metadata: { ...(style.metadata as object | undefined), [GRIDS_BELOW_KEY]: below } } : style
}

/** The id to pass as addLayer's beforeId for the grid fills (undefined: on top of the basemap). */
export function gridsInsertionLayer(map: MaplibreMap): string | undefined {
  const below = (map.getStyle()?.metadata as Record<string, unknown> | undefined)?.[GRIDS_BELOW_KEY]
  return typeof below === 'string' && map.getLayer(below) ? below : undefined
}
