// validateAreaGeoJson: an areas file in, either every feature ready for the store (WGS-84, rings
// wound as RFC 7946 says, properties named as the wall expects) or every problem found. Nothing
// partial: one problem rejects the file.
import { rewind } from '@turf/rewind'
import type { AreaFeature, AreaGeometry } from '../domain/area-tree'
import type { AreaEntry } from './area-entry'
import { readPolygons, type PolygonList } from './coordinate-checks'
import { gcj02ToWgs84, type Crs } from './gcj02'
import { checkGridsInParents } from './grid-containment'
import { checkHierarchy, type ResolvedParents } from './hierarchy-checks'
import { featureReporter, type ImportError, type Report } from './import-errors'
import { readAreaProperties, resolveMapping, type MappingOption, type PropertyMapping } from './property-mapping'
import { featureList, isObject } from './read-geojson'
import { checkRings } from './ring-checks'

export interface AreaImportOptions {
  mapping?: MappingOption
  /** The datum of the file's coordinates; GCJ-02 is converted to WGS-84. */
  crs?: Crs
}

export type AreaValidation =
  | { features: AreaFeature[]; warnings: ImportError[]; errors?: undefined }
  | { errors: ImportError[] }

export function validateAreaGeoJson(input: unknown, options: AreaImportOptions = {}): AreaValidation {
  const list = featureList(input)
  if (list.error) return { errors: [list.error] }
  if (list.value.length === 0) return { errors: [{ problem: 'the file has no features' }] }
  const mapping = resolveMapping(options.mapping)
  const errors: ImportError[] = []
  const warnings: ImportError[] = []
  const entries = list.value.map((raw, index) => readFeature(raw, index, mapping, options.crs ?? 'WGS84', errors))
  const parents = checkHierarchy(entries, errors, warnings)
  checkGridsInParents(entries, parents, errors)
  if (errors.length > 0) return { errors: byFeature(errors) }
  return { features: entries.map((e) => toAreaFeature(e, parents)), warnings: byFeature(warnings) }
}

function readFeature(raw: unknown, index: number, mapping: PropertyMapping, crs: Crs, errors: ImportError[]): AreaEntry {
  const own: ImportError[] = []
  const report = featureReporter(own, index)
  let entry: AreaEntry = { index, parentCode: undefined, extra: {} }
  if (!isObject(raw) || raw.type !== 'Feature') {
    report(`is not a GeoJSON Feature (type ${JSON.stringify(isObject(raw) ? raw.type : raw)})`)
  } else {
    entry = { index, ...readAreaProperties(raw.properties, mapping, report) }
    entry.geometry = readGeometry(raw.geometry, crs, report)
  }
  // Name the feature's code in each of its problems, once the code is known.
  errors.push(...own.map((e) => (entry.code ? { ...e, code: entry.code } : e)))
  return entry
}

function readGeometry(raw: unknown, crs: Crs, report: Report): AreaGeometry | undefined {
  const read = readPolygons(raw, report)
  if (!read) return undefined
  const list: PolygonList = crs === 'GCJ02' ? { ...read, polygons: gcj02ToWgs84(read.polygons) } : read
  if (!checkRings(list, report)) return undefined
  return list.type === 'Polygon'
    ? { type: 'Polygon', coordinates: list.polygons[0] }
    : { type: 'MultiPolygon', coordinates: list.polygons }
}

function toAreaFeature(e: AreaEntry, parents: ResolvedParents): AreaFeature {
  const properties = { ...e.extra, code: e.code!, name: e.name!, level: e.level!, parentCode: parents.get(e.index)! }
  // Outer rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6); a copy, the input is untouched.
  return { type: 'Feature', properties, geometry: rewind(e.geometry!) as AreaGeometry }
}

/** File-level problems first, then by feature index, each feature's in the order found. */
function byFeature(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => (a.feature ?? -1) - (b.feature ?? -1))
}
