// Reading Mapbox Vector Tiles back in tests, with the decoder MapLibre itself uses (@mapbox/vector-tile).
import { VectorTile } from '@mapbox/vector-tile'
import type { Feature } from 'geojson'
import { PbfReader } from 'pbf'

export interface DecodedFeature {
  id: number | undefined
  properties: Record<string, unknown>
  /** The geometry in longitude/latitude (the tile's own units turned back, within a tile unit). */
  geojson: Feature
}

/** Every layer of a tile, its features decoded. */
export function decodeTile(bytes: Uint8Array, z: number, x: number, y: number): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(bytes))
  return Object.fromEntries(Object.entries(tile.layers).map(([name, layer]) => [name, Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i)
    return { id: f.id, properties: { ...f.properties }, geojson: f.toGeoJSON(x, y, z) }
  })]))
}

/** The xyz tile holding a point at zoom z (web mercator). */
export function tileAt([lng, lat]: [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) }
}
