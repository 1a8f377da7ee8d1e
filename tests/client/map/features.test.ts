import { describe, expect, it } from 'vitest'
import type { CaseSummary, InspectorInfo, InspectorLive } from '../../../server/contract/domain'
import { createDisplayCrs } from '../../../client/map/display-crs'
import { caseFeature, toCaseFeatures, toInspectorFeatures, toTrailFeatures } from '../../../client/map/features'

const live = (id: number, over: Partial<InspectorLive> = {}): InspectorLive => ({
  id, lng: 119.35, lat: 26.07, heading: 90, fixAt: 0, status: 'online', trail: [119.34, 26.07, 119.345, 26.07], ...over,
})

describe('map features', () => {
  it('makes one point per inspector with status, heading (-1 when unknown) and name', () => {
    const infos = new Map<number, InspectorInfo>([[1, { id: 1, deviceId: 'd1', name: '陈建华', gridCode: 'g' }]])
    const fc = toInspectorFeatures(new Map([[1, live(1)], [2, live(2, { heading: null, status: 'stale' })]]), infos)
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 1, status: 'online', heading: 90, name: '陈建华' },
      { id: 2, status: 'stale', heading: -1, name: '' },
    ])
    expect(fc.features[0].geometry.coordinates).toEqual([119.35, 26.07])
  })

  it('draws trails oldest first, ending at the live position, and none for offline inspectors', () => {
    const fc = toTrailFeatures(new Map([[1, live(1)], [2, live(2, { status: 'offline' })], [3, live(3, { trail: [119.35, 26.07] })]]))
    expect(fc.features).toHaveLength(1)
    expect(fc.features[0].geometry.coordinates).toEqual([[119.34, 26.07], [119.345, 26.07], [119.35, 26.07]])
  })

  it('ranks overdue cases above the rest', () => {
    const base = { categoryCode: 'E0101', source: 'hotline', gridCode: 'g', lng: 119.35, lat: 26.07, description: '', step: 'dispatched', reportedAt: 0, stepAt: 0, dueAt: 1, reworkCount: 0, reporterId: null, department: null } as const
    const cases = new Map<string, CaseSummary>([
      ['a', { ...base, id: 'a', deadline: 'ontime' }],
      ['b', { ...base, id: 'b', deadline: 'overdue' }],
    ])
    const props = toCaseFeatures(cases).features.map((f) => f.properties)
    expect(props.find((p) => p.id === 'b')!.urgency).toBeGreaterThan(props.find((p) => p.id === 'a')!.urgency)
    expect(props[0]).toMatchObject({ step: 'dispatched', deadline: 'ontime' })
  })

  it('leaves a case reported by address only (待定位) off the map until it is placed', () => {
    const base = { categoryCode: 'E0101', source: 'citizen', gridCode: '350111', description: '', step: 'reported', reportedAt: 0, stepAt: 0, dueAt: 1, reworkCount: 0, reporterId: null, department: null, deadline: 'ontime' } as const
    const cases = new Map<string, CaseSummary>([
      ['placed', { ...base, id: 'placed', lng: 119.35, lat: 26.07 }],
      ['pending', { ...base, id: 'pending', lng: null, lat: null }],
    ])
    expect(toCaseFeatures(cases).features.map((f) => f.id)).toEqual(['placed'])
    expect(caseFeature(cases.get('pending')!)).toBeNull()
  })
})

describe('map features over a GCJ-02 basemap', () => {
  const gcj = createDisplayCrs('gcj02')
  const caseBase = { categoryCode: 'E0101', source: 'hotline', gridCode: 'g', description: '', step: 'dispatched', reportedAt: 0, stepAt: 0, dueAt: 1, reworkCount: 0, reporterId: null, department: null, deadline: 'ontime' } as const

  it('draws inspectors, trails and cases at their GCJ-02 positions and leaves the store in WGS-84', () => {
    const inspector = live(1)
    const lives = new Map([[1, inspector]])
    const [point] = toInspectorFeatures(lives, new Map(), gcj).features
    expect(point.geometry.coordinates).toEqual(gcj.toDisplay(119.35, 26.07))
    // ~480 m east, ~345 m south in Fuzhou: far from where WGS-84 would put it.
    expect(point.geometry.coordinates[0] - 119.35).toBeGreaterThan(0.004)
    expect(point.geometry.coordinates[1] - 26.07).toBeLessThan(-0.003)
    const [trail] = toTrailFeatures(lives, () => true, gcj).features
    expect(trail.geometry.coordinates).toEqual([gcj.toDisplay(119.34, 26.07), gcj.toDisplay(119.345, 26.07), gcj.toDisplay(119.35, 26.07)])
    expect(inspector).toMatchObject({ lng: 119.35, lat: 26.07, trail: [119.34, 26.07, 119.345, 26.07] })
    const c = { ...caseBase, id: 'a', lng: 119.36, lat: 26.08 }
    expect(caseFeature(c, gcj)!.geometry.coordinates).toEqual(gcj.toDisplay(119.36, 26.08))
    expect(c).toMatchObject({ lng: 119.36, lat: 26.08 })
  })

  it('does not add the live point twice when the trail already ends there', () => {
    const [trail] = toTrailFeatures(new Map([[1, live(1, { trail: [119.34, 26.07, 119.35, 26.07] })]]), () => true, gcj).features
    expect(trail.geometry.coordinates).toHaveLength(2)
  })
})
