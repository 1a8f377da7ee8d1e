// Store state → GeoJSON for the map sources. Pure functions (tested without WebGL); properties are
// kept minimal because every byte is posted to the map's worker on each update.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson'
import type { CaseSummary, InspectorInfo, InspectorLive } from '../../server/contract/domain'

export interface InspectorProps {
  id: number
  status: InspectorLive['status']
  /** -1 when unknown: the arrow is then not drawn. */
  heading: number
  name: string
}

export function toInspectorFeatures(live: ReadonlyMap<number, InspectorLive>, infos: ReadonlyMap<number, InspectorInfo>): FeatureCollection<Point, InspectorProps> {
  const features: Feature<Point, InspectorProps>[] = []
  for (const i of live.values()) {
    features.push({
      type: 'Feature',
      id: i.id,
      geometry: { type: 'Point', coordinates: [i.lng, i.lat] },
      properties: { id: i.id, status: i.status, heading: i.heading ?? -1, name: infos.get(i.id)?.name ?? '' },
    })
  }
  return { type: 'FeatureCollection', features }
}

/** Trails of inspectors that are not offline, as lines (oldest point first, so line-progress fades the tail). */
export function toTrailFeatures(live: ReadonlyMap<number, InspectorLive>): FeatureCollection<LineString, { id: number }> {
  const features: Feature<LineString, { id: number }>[] = []
  for (const i of live.values()) {
    if (i.status === 'offline' || i.trail.length < 4) continue
    const coordinates: [number, number][] = []
    for (let k = 0; k < i.trail.length; k += 2) coordinates.push([i.trail[k], i.trail[k + 1]])
    const last = coordinates[coordinates.length - 1]
    if (last[0] !== i.lng || last[1] !== i.lat) coordinates.push([i.lng, i.lat])
    features.push({ type: 'Feature', id: i.id, geometry: { type: 'LineString', coordinates }, properties: { id: i.id } })
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

export function toCaseFeatures(cases: ReadonlyMap<string, CaseSummary>): FeatureCollection<Point, CaseProps> {
  const features: Feature<Point, CaseProps>[] = []
  for (const c of cases.values()) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
      properties: { id: c.id, step: c.step, deadline: c.deadline, urgency: URGENCY[c.deadline] },
    })
  }
  return { type: 'FeatureCollection', features }
}
