// Store state → GeoJSON for the map sources. Pure functions (tested without WebGL); properties are
// kept minimal because every byte is posted to the map's worker. Every feature carries its id so a
// source can be updated by diff (GeoJSONSource.updateData) instead of being replaced. Positions
// leave here in the basemap's coordinates (display-crs.ts): the stores stay WGS-84.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson'
import type { CaseSummary, InspectorInfo, InspectorLive } from '../../server/contract/domain'
import { displayCrs, type DisplayCrs } from './display-crs'

export interface InspectorProps {
  id: number
  status: InspectorLive['status']
  /** -1 when unknown: the arrow is then not drawn. */
  heading: number
  name: string
}

export function inspectorFeature(i: InspectorLive, info: InspectorInfo | undefined, display: DisplayCrs = displayCrs()): Feature<Point, InspectorProps> {
  return {
    type: 'Feature',
    id: i.id,
    geometry: { type: 'Point', coordinates: display.toDisplay(i.lng, i.lat) },
    properties: { id: i.id, status: i.status, heading: i.heading ?? -1, name: info?.name ?? '' },
  }
}

export function toInspectorFeatures(live: ReadonlyMap<number, InspectorLive>, infos: ReadonlyMap<number, InspectorInfo>, display: DisplayCrs = displayCrs()): FeatureCollection<Point, InspectorProps> {
  const features: Feature<Point, InspectorProps>[] = []
  for (const i of live.values()) features.push(inspectorFeature(i, infos.get(i.id), display))
  return { type: 'FeatureCollection', features }
}

/** An inspector's trail as a line (oldest point first, so line-progress fades the tail); null when there is none to draw (offline, or fewer than two points). */
export function trailFeature(i: InspectorLive, display: DisplayCrs = displayCrs()): Feature<LineString, { id: number }> | null {
  if (i.status === 'offline' || i.trail.length < 4) return null
  const coordinates: [number, number][] = []
  const n = i.trail.length
  for (let k = 0; k < n; k += 2) coordinates.push(display.toDisplay(i.trail[k], i.trail[k + 1]))
  // Compared in WGS-84, as the store holds them.
  if (i.trail[n - 2] !== i.lng || i.trail[n - 1] !== i.lat) coordinates.push(display.toDisplay(i.lng, i.lat))
  return { type: 'Feature', id: i.id, geometry: { type: 'LineString', coordinates }, properties: { id: i.id } }
}

export function toTrailFeatures(live: ReadonlyMap<number, InspectorLive>, include: (id: number) => boolean = () => true, display: DisplayCrs = displayCrs()): FeatureCollection<LineString, { id: number }> {
  const features: Feature<LineString, { id: number }>[] = []
  for (const i of live.values()) {
    if (!include(i.id)) continue
    const feature = trailFeature(i, display)
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
export function caseFeature(c: CaseSummary, display: DisplayCrs = displayCrs()): Feature<Point, CaseProps> | null {
  if (c.lng == null || c.lat == null) return null
  return {
    type: 'Feature',
    id: c.id,
    geometry: { type: 'Point', coordinates: display.toDisplay(c.lng, c.lat) },
    properties: { id: c.id, step: c.step, deadline: c.deadline, urgency: URGENCY[c.deadline] },
  }
}

export function toCaseFeatures(cases: ReadonlyMap<string, CaseSummary>, display: DisplayCrs = displayCrs()): FeatureCollection<Point, CaseProps> {
  const features: Feature<Point, CaseProps>[] = []
  for (const c of cases.values()) {
    const feature = caseFeature(c, display)
    if (feature) features.push(feature)
  }
  return { type: 'FeatureCollection', features }
}
