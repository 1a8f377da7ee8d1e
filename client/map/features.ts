// Store state → GeoJSON for the map sources. Pure functions (tested without WebGL); properties are
// kept minimal because every byte is posted to the map's worker. Every feature carries its id so a
// source can be updated by diff (GeoJSONSource.updateData) instead of being replaced.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson'
import type { CaseSummary, InspectorInfo, InspectorLive } from '../../server/contract/domain'

export interface InspectorProps {
  id: number
  status: InspectorLive['status']
  /** -1 when unknown: the arrow is then not drawn. */
  heading: number
  name: string
}

export function inspectorFeature(i: InspectorLive, info: InspectorInfo | undefined): Feature<Point, InspectorProps> {
  return {
    type: 'Feature',
    id: i.id,
    geometry: { type: 'Point', coordinates: [i.lng, i.lat] },
    properties: { id: i.id, status: i.status, heading: i.heading ?? -1, name: info?.name ?? '' },
  }
}

export function toInspectorFeatures(live: ReadonlyMap<number, InspectorLive>, infos: ReadonlyMap<number, InspectorInfo>): FeatureCollection<Point, InspectorProps> {
  const features: Feature<Point, InspectorProps>[] = []
  for (const i of live.values()) features.push(inspectorFeature(i, infos.get(i.id)))
  return { type: 'FeatureCollection', features }
}

/** An inspector's trail as a line (oldest point first, so line-progress fades the tail); null when there is none to draw (offline, or fewer than two points). */
export function trailFeature(i: InspectorLive): Feature<LineString, { id: number }> | null {
  if (i.status === 'offline' || i.trail.length < 4) return null
  const coordinates: [number, number][] = []
  for (let k = 0; k < i.trail.length; k += 2) coordinates.push([i.trail[k], i.trail[k + 1]])
  const last = coordinates[coordinates.length - 1]
  if (last[0] !== i.lng || last[1] !== i.lat) coordinates.push([i.lng, i.lat])
  return { type: 'Feature', id: i.id, geometry: { type: 'LineString', coordinates }, properties: { id: i.id } }
}

export function toTrailFeatures(live: ReadonlyMap<number, InspectorLive>, include: (id: number) => boolean = () => true): FeatureCollection<LineString, { id: number }> {
  const features: Feature<LineString, { id: number }>[] = []
  for (const i of live.values()) {
    if (!include(i.id)) continue
    const feature = trailFeature(i)
    if (feature) features.push(feature)
  }
  return { type: 'FeatureCollection', features }
}

export interface CaseProps {
  id: string
  step: CaseSummary['step']
  deadline: CaseSummary['deadline']
  /** Overdue cases sort on top (symbol-sort-key / circle-sort-key). */
  urgency: number
}

const URGENCY = { none: 0, ontime: 1, dueSoon: 2, overdue: 3 } as const

/** A case on the map; null for one reported by address only (待定位) until an operator places it. */
export function caseFeature(c: CaseSummary): Feature<Point, CaseProps> | null {
  if (c.lng == null || c.lat == null) return null
  return {
    type: 'Feature',
    id: c.id,
    geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
    properties: { id: c.id, step: c.step, deadline: c.deadline, urgency: URGENCY[c.deadline] },
  }
}

export function toCaseFeatures(cases: ReadonlyMap<string, CaseSummary>): FeatureCollection<Point, CaseProps> {
  const features: Feature<Point, CaseProps>[] = []
  for (const c of cases.values()) {
    const feature = caseFeature(c)
    if (feature) features.push(feature)
  }
  return { type: 'FeatureCollection', features }
}
