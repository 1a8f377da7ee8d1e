// Named places an address may mention (a metro station, a school, a market), to suggest where a
// case reported by address only is. A centre puts its own in DATA_DIR/landmarks.geojson (Points
// with a `name`); the demo district's are its metro stations (public/basemap/metro.geojson).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Landmark } from '../domain/address-match'

const DEMO_LANDMARKS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/basemap/metro.geojson')

interface PointFeature {
  properties?: { name?: unknown } | null
  geometry?: { type?: unknown; coordinates?: unknown } | null
}

/** The centre's landmarks, else the demo's stations (as "前屿站"); unreadable entries are skipped. */
export function loadLandmarks(dataDir: string, isDemo: boolean): Landmark[] {
  const own = path.join(dataDir, 'landmarks.geojson')
  const file = fs.existsSync(own) ? own : isDemo ? DEMO_LANDMARKS_FILE : null
  if (!file) return []
  const features = (JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: PointFeature[] }).features ?? []
  const stations = file === DEMO_LANDMARKS_FILE
  return features.flatMap((f) => {
    const name = typeof f.properties?.name === 'string' ? f.properties.name.trim() : ''
    const c = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : null
    if (name.length < 2 || !c || typeof c[0] !== 'number' || typeof c[1] !== 'number') return []
    return [{ name: stations && !name.endsWith('站') ? `${name}站` : name, point: [c[0], c[1]] as [number, number] }]
  })
}
