// Loads the area hierarchy: DATA_DIR/areas.geojson when an operator has put one there, otherwise the
// built-in demo district (central 晋安区, Fuzhou).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AreaFeature } from '../domain/area-tree'

export const DEMO_AREAS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo-district/data/areas.geojson')

const LEVELS = new Set(['district', 'street', 'community', 'grid'])

export function areasFileFor(dataDir: string): string {
  const own = path.join(dataDir, 'areas.geojson')
  return fs.existsSync(own) ? own : DEMO_AREAS_FILE
}

/** Reads and checks an areas file; the error names the file, the feature index and the field. */
export function loadAreaFeatures(file: string): AreaFeature[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: unknown }
  const features = Array.isArray(json) ? json : json.features
  if (!Array.isArray(features)) throw new Error(`${file}: expected a FeatureCollection or an array of Features`)
  features.forEach((f, i) => checkFeature(f, `${file}: feature ${i}`))
  return features as AreaFeature[]
}

function checkFeature(f: unknown, where: string): void {
  const feature = f as Partial<AreaFeature> | null
  const p = feature?.properties
  if (!p || typeof p.code !== 'string' || p.code === '') throw new Error(`${where}: properties.code is missing`)
  if (typeof p.name !== 'string' || p.name === '') throw new Error(`${where}: properties.name is missing`)
  if (!LEVELS.has(p.level)) throw new Error(`${where}: properties.level must be district, street, community or grid`)
  const type = feature?.geometry?.type
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new Error(`${where}: geometry must be a Polygon or MultiPolygon, got ${type}`)
}
