// Proof of presence, judged for the drawer and drawn on the map: was the reporter / verifier within
// 50 m of the case point? Pure, so the verdict and the map features are tested without a map.
import type { ExpressionSpecification } from 'maplibre-gl'
import type { Feature, FeatureCollection, LineString, MultiPoint, Point } from 'geojson'
import type { CaseDetail, PresenceCheck } from '../../server/contract/detail'
import { DEADLINE_COLORS, STEP_COLORS } from '../theme/palette'

/** Within this distance of the case point an inspector counts as on site (在场). */
export const PRESENCE_RADIUS_M = 50

export type PresenceVerdict = 'present' | 'absent' | 'noTrack'

export const VERDICT_COLORS: Record<PresenceVerdict, string> = {
  present: DEADLINE_COLORS.ontime,
  absent: DEADLINE_COLORS.overdue,
  noTrack: DEADLINE_COLORS.none,
}

/** A track's colour on the map and its swatch in the drawer: the colour of the step the role did. */
export const ROLE_COLORS: Record<PresenceCheck['role'], string> = {
  reporter: STEP_COLORS.reported,
  verifier: STEP_COLORS.verified,
}

export function presenceVerdict(nearestMetres: number | null): PresenceVerdict {
  if (nearestMetres == null) return 'noTrack'
  return nearestMetres <= PRESENCE_RADIUS_M ? 'present' : 'absent'
}

export type PresenceFeature =
  | Feature<LineString | MultiPoint, { kind: 'track' | 'fixes'; role: PresenceCheck['role'] }>
  | Feature<Point, { kind: 'case'; role: null }>

/** Each check's track as a line and its fixes as dots, and the case point. */
export function toPresenceFeatures(detail: CaseDetail | null): FeatureCollection<LineString | MultiPoint | Point> {
  const features: PresenceFeature[] = []
  if (!detail) return { type: 'FeatureCollection', features }
  for (const check of detail.presence) {
    const coordinates = check.track.map(([lng, lat]) => [lng, lat])
    if (coordinates.length >= 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { kind: 'track', role: check.role } })
    if (coordinates.length >= 1) features.push({ type: 'Feature', geometry: { type: 'MultiPoint', coordinates }, properties: { kind: 'fixes', role: check.role } })
  }
  if (detail.lng != null && detail.lat != null) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [detail.lng, detail.lat] }, properties: { kind: 'case', role: null } })
  }
  return { type: 'FeatureCollection', features }
}

/** Earth circumference / 512-px tiles: metres per pixel at zoom 0 on the equator. */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512

/** A circle-radius in pixels that stays `metres` on the ground at latitude `lat` at every zoom. */
export function metresRadius(metres: number, lat: number): ExpressionSpecification {
  const pxAtZ0 = metres / (METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180))
  return ['interpolate', ['exponential', 2], ['zoom'], 0, pxAtZ0, 24, pxAtZ0 * 2 ** 24]
}
