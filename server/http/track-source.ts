// Stored fixes as the wall's compact track points.
import type { TrackPoint } from '../contract/detail'
import type { TrackLookup } from '../domain/case-detail'
import type { StoredFix, WallStore } from '../store/wall-store'

export function toTrackPoints(fixes: readonly StoredFix[]): TrackPoint[] {
  return fixes.map((f) => [f.lng, f.lat, f.at])
}

export function trackLookup(store: Pick<WallStore, 'track'>): TrackLookup {
  return async (inspectorId, from, to) => toTrackPoints(await store.track(inspectorId, from, to))
}
