import { describe, expect, it } from 'vitest'
import type { InspectorLive } from '../../../server/contract/domain'
import { padBox, selectTrails } from '../../../client/map/trail-visibility'

const at = (id: number, lng: number, status: InspectorLive['status'] = 'online'): [number, InspectorLive] =>
  [id, { id, lng, lat: 26, heading: 0, fixAt: 0, status, trail: [] }]
const box = { west: 119, south: 25.9, east: 119.1, north: 26.1 }

describe('trail visibility', () => {
  it('draws every trail of a small district, wherever the view is', () => {
    expect(selectTrails(new Map([at(1, 0), at(2, 119.05)]), box, 5)).toEqual({ kind: 'all' })
  })

  it('at city scale draws the trails of the inspectors in view who are not offline', () => {
    const live = new Map([at(1, 119.01), at(2, 119.02, 'offline'), at(3, 120), at(4, 119.05), at(5, 121), at(6, 122)])
    expect(selectTrails(live, box, 5)).toEqual({ kind: 'inView', ids: new Set([1, 4]) })
  })

  it('hides trails while more inspectors than the limit are in view', () => {
    const live = new Map(Array.from({ length: 8 }, (_, i) => at(i, 119.01 + i / 1000)))
    expect(selectTrails(live, box, 5)).toEqual({ kind: 'hidden' })
  })

  it('pads the view on every side', () => {
    const padded = padBox(box, 0.5)
    expect(padded.west).toBeCloseTo(118.95)
    expect(padded.east).toBeCloseTo(119.15)
    expect(padded.south).toBeCloseTo(25.8)
    expect(padded.north).toBeCloseTo(26.2)
  })
})
