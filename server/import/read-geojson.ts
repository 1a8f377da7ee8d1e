// The outer shape of an areas file: a GeoJSON FeatureCollection, or a bare array of Features as
// DataV.GeoAtlas and some GIS exports write them. What is inside each feature is checked elsewhere.
import type { ImportError } from './import-errors'

export type FileCheck<T> = { value: T; error?: undefined } | { error: ImportError }

/** Parses the text of a file; a BOM is allowed (Windows editors write one). */
export function parseJsonText(text: string): FileCheck<unknown> {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch (e) {
    return { error: { problem: `the file is not JSON: ${(e as Error).message}` } }
  }
}

/** The features of a FeatureCollection or of a bare array, not yet checked one by one. */
export function featureList(input: unknown): FileCheck<unknown[]> {
  if (Array.isArray(input)) return { value: input }
  const type = isObject(input) ? input.type : undefined
  if (type === 'FeatureCollection') {
    const features = (input as { features?: unknown }).features
    if (Array.isArray(features)) return { value: features }
    return { error: { field: 'features', problem: 'the FeatureCollection has no features array' } }
  }
  const got = type ? `a GeoJSON ${String(type)}` : describe(input)
  return { error: { problem: `expected a GeoJSON FeatureCollection or an array of Features, got ${got}` } }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (isObject(value)) return 'an object without "type"'
  return `a ${typeof value}`
}
