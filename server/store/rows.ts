// Row ↔ object mapping for positions and area statistics (SQLite columns are snake_case).
import type { AreaProfile } from '../contract/domain'
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

export function fixParams(f: StoredFix): FixRow {
  return {
    inspector_id: f.inspectorId, at: f.at, lng: f.lng, lat: f.lat, heading: f.heading ?? null, speed: f.speed ?? null,
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
