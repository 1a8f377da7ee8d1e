// A small city basemap made the way a centre would (OpenMapTiles-schema vector tiles, gzip'd, in a
// PMTiles archive), from what the repo already ships: the demo's OpenStreetMap building footprints
// (`building`), the district outline (`boundary`, and its name as a `place`) and the metro stations
// (`poi`). Cut with geojson-vt, encoded with vt-pbf, written by our PMTiles writer.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson'
import { Compression, TileType, zxyToTileId } from 'pmtiles'
import { writePmtiles, type PmtilesSummary, type PmtilesTile } from '../../server/basemap/pmtiles-writer'

const read = (name: string) => JSON.parse(fs.readFileSync(path.resolve('public/basemap', name), 'utf8')) as FeatureCollection
const MIN_ZOOM = 10
const MAX_ZOOM = 15

/** OpenMapTiles layers from the demo's GeoJSON. */
function cityLayers(): Record<string, FeatureCollection> {
  const outline = read('district-outline.geojson')
  const rings: Feature<LineString>[] = outline.features.flatMap((f) => polygonRings(f.geometry)
    .map((ring) => ({ type: 'Feature' as const, properties: { admin_level: 6, maritime: 0 }, geometry: { type: 'LineString' as const, coordinates: ring } })))
  const name = String(outline.features[0].properties?.name ?? '')
  const metro = read('metro.geojson')
  return {
    building: { type: 'FeatureCollection', features: read('buildings.geojson').features.map((f) => ({ ...f, properties: {} })) },
    boundary: { type: 'FeatureCollection', features: rings },
    place: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { class: 'suburb', name, 'name:zh': name }, geometry: { type: 'Point', coordinates: [119.34, 26.085] } }] },
    poi: { type: 'FeatureCollection', features: metro.features.map((f) => ({ ...f, properties: { class: 'railway', rank: 1, name: f.properties?.name } })) },
  }
}

function polygonRings(geometry: Geometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat()
  return []
}

function bbox(collections: FeatureCollection[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90]
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[]
      b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y)
    } else if (Array.isArray(c)) c.forEach(walk)
  }
  for (const fc of collections) for (const f of fc.features) walk((f.geometry as { coordinates: unknown }).coordinates)
  return b
}

const tileX = (lon: number, z: number) => Math.floor((lon + 180) / 360 * 2 ** z)
const tileY = (lat: number, z: number) => Math.floor((1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * 2 ** z)

/** Writes the archive; returns the writer's summary and the bounds it covers. */
export function writeCityPmtiles(file: string): PmtilesSummary & { bounds: [number, number, number, number] } {
  const layers = cityLayers()
  const indexes = Object.entries(layers).map(([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom: MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 })] as const)
  const bounds = bbox(Object.values(layers))
  const tiles: PmtilesTile[] = []
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    for (let x = tileX(bounds[0], z); x <= tileX(bounds[2], z); x++) {
      for (let y = tileY(bounds[3], z); y <= tileY(bounds[1], z); y++) {
        const tile: Record<string, GeoJSONVTTile> = {}
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y)
          if (t && t.features.length > 0) tile[name] = t
        }
        if (Object.keys(tile).length > 0) tiles.push({ tileId: zxyToTileId(z, x, y), data: zlib.gzipSync(fromGeojsonVt(tile, { version: 2, extent: 4096 })) })
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId)
  const summary = writePmtiles(file, {
    tileType: TileType.Mvt, tileCompression: Compression.Gzip, bounds, center: [119.352, 26.074, 13],
    metadata: { name: 'demo city', vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })) },
  }, tiles)
  return { ...summary, bounds }
}
