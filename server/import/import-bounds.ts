// How much an areas file posted to a running server may ask of it. The body limit (20 MB) alone
// lets through ~3.5 M short positions; validation costs ~3 µs a position (measured with
// tests/bench/import-validation.ts), so these bounds keep one import to a few seconds of a worker
// thread. A city fits: the city-scale bench has 15,000 grids; at 60 positions a grid, 0.9 M.
import { isObject } from './read-geojson'

export const MAX_IMPORT_FEATURES = 50_000
export const MAX_IMPORT_POSITIONS = 1_000_000
/** A backstop for shapes no index helps with (a star whose every edge's box overlaps every other). */
export const MAX_VALIDATION_MS = 30_000

export interface BoundProblem {
  field: 'features' | 'coordinates' | 'geometry'
  message: string
}

/** Why the file is too much to validate, or null; counted before any check (cheap: one walk). */
export function importBoundProblem(features: readonly unknown[]): BoundProblem | null {
  if (features.length > MAX_IMPORT_FEATURES) {
    return { field: 'features', message: `the file has ${count(features.length)} features; an import may have at most ${count(MAX_IMPORT_FEATURES)}: split it` }
  }
  let positions = 0
  for (const feature of features) {
    const geometry = isObject(feature) ? feature.geometry : undefined
    positions += isObject(geometry) ? positionsIn(geometry.coordinates) : 0
    if (positions > MAX_IMPORT_POSITIONS) {
      return { field: 'coordinates', message: `the file has more than ${count(MAX_IMPORT_POSITIONS)} positions in all (reached at feature ${features.indexOf(feature)}); simplify its geometry or split it` }
    }
  }
  return null
}

export function validationTimeoutProblem(): BoundProblem {
  return { field: 'geometry', message: `validating the file took longer than ${MAX_VALIDATION_MS / 1000} s; simplify its geometry or split it` }
}

/** Positions in nested coordinate arrays (anything else counts nothing: it is reported later). */
function positionsIn(value: unknown): number {
  if (!Array.isArray(value)) return 0
  if (typeof value[0] === 'number') return 1
  let n = 0
  for (const item of value) n += positionsIn(item)
  return n
}

function count(n: number): string {
  return n.toLocaleString('en')
}
