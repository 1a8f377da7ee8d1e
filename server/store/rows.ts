// Row ↔ object mapping for positions, areas and area statistics (columns are snake_case; JSON is
// read and written as text), shared by the SQLite and the PostgreSQL stores.
import type { AreaProfile } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import type { StoredFix } from './wall-store'

export interface FixRow {
  inspector_id: number
  at: number
  lng: number
  lat: number
  heading: number | null
  speed: number | null
  accuracy: number | null
  battery: number | null
  attributes: string | null
}

/**
 * Times are stored as whole milliseconds (PostgreSQL's BIGINT refuses a fraction; SQLite would keep it
 * as REAL): the demo's simulated clocks and deadlines compute fractions of a millisecond.
 */
export function wholeMs<T extends number | null>(at: T): T {
  return (at == null ? at : Math.round(at)) as T
}

export function fixParams(f: StoredFix): FixRow {
  return {
    inspector_id: f.inspectorId, at: wholeMs(f.at), lng: f.lng, lat: f.lat, heading: f.heading ?? null, speed: f.speed ?? null,
    accuracy: f.accuracy ?? null, battery: f.battery ?? null, attributes: f.attributes ? JSON.stringify(f.attributes) : null,
  }
}

export function fixFromRow(r: FixRow): StoredFix {
  return {
    inspectorId: r.inspector_id, at: r.at, lng: r.lng, lat: r.lat, heading: r.heading, speed: r.speed, accuracy: r.accuracy,
    battery: r.battery, attributes: r.attributes ? JSON.parse(r.attributes) : null,
  }
}

export const PROFILE_COLUMNS: readonly [keyof AreaProfile, string][] = [
  ['residents', 'residents'], ['households', 'households'], ['partyMembers', 'party_members'], ['partyBranches', 'party_branches'],
  ['gridWorkers', 'grid_workers'], ['volunteers', 'volunteers'], ['elders', 'elders'], ['servicePoints', 'service_points'],
]

export type ProfileRow = { code: string } & Record<string, number>

export function profileFromRow(r: ProfileRow): AreaProfile {
  return Object.fromEntries(PROFILE_COLUMNS.map(([key, column]) => [key, r[column]])) as unknown as AreaProfile
}

export interface AreaRow {
  code: string
  name: string
  level: AreaFeature['properties']['level']
  parent_code: string | null
  geometry: string
  extra: string | null
}

export function areaFromRow(r: AreaRow): AreaFeature {
  return {
    type: 'Feature',
    properties: { ...(r.extra ? JSON.parse(r.extra) : {}), code: r.code, name: r.name, level: r.level, parentCode: r.parent_code },
    geometry: JSON.parse(r.geometry),
  }
}

/** An area's columns in table order: code, name, level, parent, GeoJSON geometry, other properties, its place. */
export function areaValues(f: AreaFeature, ord: number): unknown[] {
  const { code, name, level, parentCode, ...extra } = f.properties as AreaFeature['properties'] & Record<string, unknown>
  return [code, name, level, parentCode, JSON.stringify(f.geometry), Object.keys(extra).length ? JSON.stringify(extra) : null, ord]
}
