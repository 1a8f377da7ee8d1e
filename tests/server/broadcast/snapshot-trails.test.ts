// The snapshot's trails are capped at city scale: above SNAPSHOT_TRAILS_MAX_INSPECTORS inspectors
// every inspector goes out with `trail: []`; at or under it, with its whole trail.
import { describe, expect, it } from 'vitest'
import { FeedLog } from '../../../server/broadcast/feed-log'
import { buildSnapshot, SNAPSHOT_TRAILS_MAX_INSPECTORS } from '../../../server/broadcast/snapshot'
import { cityDistrict } from './city-district'

const FIXES = 5

describe('the snapshot trails at city scale', () => {
  it('carries every trail at the cap', () => {
    const snapshot = buildSnapshot(cityDistrict(SNAPSHOT_TRAILS_MAX_INSPECTORS, FIXES), new FeedLog())
    expect(snapshot.inspectors).toHaveLength(SNAPSHOT_TRAILS_MAX_INSPECTORS)
    expect(snapshot.inspectors.every((i) => i.trail.length === FIXES * 2)).toBe(true)
    expect(snapshot.inspectors[0].trail.slice(-2)).toEqual([snapshot.inspectors[0].lng, snapshot.inspectors[0].lat])
  })

  it('sends empty trails above the cap, with every marker still there', () => {
    const district = cityDistrict(SNAPSHOT_TRAILS_MAX_INSPECTORS + 1, FIXES)
    const snapshot = buildSnapshot(district, new FeedLog())
    expect(snapshot.inspectors).toHaveLength(SNAPSHOT_TRAILS_MAX_INSPECTORS + 1)
    expect(snapshot.inspectors.every((i) => Array.isArray(i.trail) && i.trail.length === 0)).toBe(true)
    expect(snapshot.inspectors.find((i) => i.id === 7)).toEqual({ ...district.inspectors.markerOf(7), trail: [] })
    // The registry keeps the trails: only the snapshot leaves them out.
    expect(district.inspectors.liveOf(7)!.trail).toHaveLength(FIXES * 2)
  })
})
