// Which inspectors' trails the map draws. A small district draws every trail. At city scale
// (20,000 inspectors) drawing every trail cost ~800 ms of main thread per update just to post the
// lines to the map's worker and ~300 ms per frame of drawing, so trails are drawn for the inspectors
// in view only, and not at all while more than MAX_TRAILS are in view: from a city-wide zoom a
// 30-point trail is a few pixels anyway. The legend says so (trailsHidden).
import type { InspectorLive } from '../../server/contract/domain'

/** Trails drawn at most; above it the view is too wide for trails to be readable. */
export const MAX_TRAILS = 1500

export interface LngLatBox { west: number; south: number; east: number; north: number }

/** 'all' while the district is small; else the ids in view, or 'hidden' when too many are in view. */
export type TrailSelection = { kind: 'all' } | { kind: 'inView'; ids: Set<number> } | { kind: 'hidden' }

export function isInBox(i: Pick<InspectorLive, 'lng' | 'lat'>, box: LngLatBox): boolean {
  return i.lng >= box.west && i.lng <= box.east && i.lat >= box.south && i.lat <= box.north
}

/** The box grown by a share of its size on every side, so trails just outside the edge are ready when the view pans. */
export function padBox(box: LngLatBox, share = 0.15): LngLatBox {
  const dx = (box.east - box.west) * share
  const dy = (box.north - box.south) * share
  return { west: box.west - dx, east: box.east + dx, south: box.south - dy, north: box.north + dy }
}

export function selectTrails(live: ReadonlyMap<number, InspectorLive>, box: LngLatBox, max = MAX_TRAILS): TrailSelection {
  if (live.size <= max) return { kind: 'all' }
  const ids = new Set<number>()
  for (const i of live.values()) {
    if (i.status === 'offline' || !isInBox(i, box)) continue
    if (ids.size === max) return { kind: 'hidden' }
    ids.add(i.id)
  }
  return { kind: 'inView', ids }
}
