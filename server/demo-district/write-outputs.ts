// Writes the committed outputs: the basemap layers under public/basemap and the simulator data under
// server/demo-district/data. All minified, coordinates rounded to 6 decimals.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import type { Building } from './load-sources'
import { repoRoot } from './load-sources'
import { mapShape, round6 } from './shapes'
import type { Shape } from './shapes'

export const OUTPUT = {
  buildings: 'public/basemap/buildings.geojson',
  outline: 'public/basemap/district-outline.geojson',
  metro: 'public/basemap/metro.geojson',
  areas: 'server/demo-district/data/areas.geojson',
  walkable: 'server/demo-district/data/walkable.json',
} as const

/** Writes minified JSON; returns its size in bytes. */
export function writeJson(relative: string, value: unknown): number {
  const path = resolve(repoRoot, relative)
  mkdirSync(dirname(path), { recursive: true })
  const text = JSON.stringify(value)
  writeFileSync(path, text)
  return Buffer.byteLength(text)
}

export function collection<G extends Feature['geometry'], P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features }
}

export function buildingFeatures(buildings: Building[]): Feature<Shape, { name?: string, levels?: number }>[] {
  return buildings.map((b) => {
    const properties: { name?: string, levels?: number } = {}
    if (b.name) properties.name = b.name
    if (b.levels) properties.levels = b.levels
    return { type: 'Feature', properties, geometry: mapShape(b.geometry, round6) }
  })
}

export function outlineFeature(outline: Feature<Polygon | MultiPolygon>): Feature<Shape, { name: string, adcode: number }> {
  const props = outline.properties ?? {}
  return {
    type: 'Feature',
    properties: { name: String(props.name), adcode: Number(props.adcode) },
    geometry: mapShape(outline.geometry, round6),
  }
}

type StationProps = { name: string, name_en: string, line_name: string, line_color: string }

/** Stations inside [west, south, east, north], one feature per line as in the source. */
export function metroFeatures(stations: Feature<Point>[], bbox: [number, number, number, number]): Feature<Point, StationProps>[] {
  const [west, south, east, north] = bbox
  return stations
    .filter((f) => {
      const [lng, lat] = f.geometry.coordinates
      return lng >= west && lng <= east && lat >= south && lat <= north
    })
    .map((f) => {
      const p = f.properties ?? {}
      return {
        type: 'Feature',
        properties: { name: p.name, name_en: p.name_en, line_name: p.line_name, line_color: p.line_color },
        geometry: { type: 'Point', coordinates: round6(f.geometry.coordinates) },
      }
    })
}
