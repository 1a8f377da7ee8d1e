import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { TRAIL_POINTS, useInspectorsStore } from '../../../client/stores/inspectors'
import type { WallSnapshot } from '../../../server/contract/domain'

describe('inspectors store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('applies a position frame over the snapshot and grows the trail, bounded', () => {
    const store = useInspectorsStore()
    store.replaceAll({
      inspectorInfos: [{ id: 1, deviceId: 'd', name: 'n', gridCode: 'g' }],
      inspectors: [{ id: 1, lng: 119, lat: 26, heading: 0, fixAt: 0, status: 'online', trail: [119, 26] }],
    } as unknown as WallSnapshot)
    for (let i = 1; i <= TRAIL_POINTS + 5; i++) {
      store.applyFrame({ serverTime: i, records: [{ id: 1, lng: 119 + i / 1000, lat: 26, heading: 90, fixAt: i * 1000, status: 'online' }] })
    }
    const inspector = store.live.get(1)!
    expect(inspector.lng).toBeCloseTo(119 + (TRAIL_POINTS + 5) / 1000)
    expect(inspector.trail).toHaveLength(TRAIL_POINTS * 2)
    expect(inspector.trail.at(-2)).toBe(inspector.lng)
  })

  it('counts inspectors by status, never-seen ones as offline', () => {
    const store = useInspectorsStore()
    store.replaceAll({
      inspectorInfos: [{ id: 1, deviceId: 'a', name: 'a', gridCode: 'g' }, { id: 2, deviceId: 'b', name: 'b', gridCode: 'g' }],
      inspectors: [{ id: 1, lng: 119, lat: 26, heading: 0, fixAt: 0, status: 'stale', trail: [] }],
    } as unknown as WallSnapshot)
    expect(store.countByStatus).toEqual({ online: 0, stale: 1, offline: 1 })
  })

  it('tells the map layers which ids a frame touched, and everything on a snapshot', () => {
    const store = useInspectorsStore()
    const heard: unknown[] = []
    const stop = store.onChange((change) => heard.push(change))
    store.replaceAll({ inspectorInfos: [], inspectors: [] } as unknown as WallSnapshot)
    store.applyFrame({ serverTime: 1, records: [{ id: 7, lng: 119, lat: 26, heading: 0, fixAt: 1, status: 'online' }, { id: 9, lng: 119, lat: 26, heading: 0, fixAt: 1, status: 'stale' }] })
    stop()
    store.applyFrame({ serverTime: 2, records: [{ id: 7, lng: 119.1, lat: 26, heading: 0, fixAt: 2, status: 'online' }] })
    expect(heard).toEqual([{ all: true }, { all: false, ids: [7, 9] }])
  })

  it('takes from the reliable status frame only what a skipped volatile frame left out', () => {
    const store = useInspectorsStore()
    store.replaceAll({
      inspectorInfos: [{ id: 1, deviceId: 'a', name: 'a', gridCode: 'g' }, { id: 2, deviceId: 'b', name: 'b', gridCode: 'g' }],
      inspectors: [
        { id: 1, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'online', trail: [] },
        { id: 2, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'online', trail: [] },
      ],
    } as unknown as WallSnapshot)
    const touched: number[][] = []
    store.onChange((change) => { if (!change.all) touched.push([...change.ids]) })
    // Inspector 1's stale frame arrived; inspector 2's was skipped. The status frame carries both.
    store.applyFrame({ serverTime: 70_000, records: [{ id: 1, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'stale' }] })
    store.applyStatusFrame({ serverTime: 70_000, records: [
      { id: 1, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'stale' },
      { id: 2, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'stale' },
    ] })
    expect(store.countByStatus).toEqual({ online: 0, stale: 2, offline: 0 })
    expect(touched).toEqual([[1], [2]])
    // A status frame older than what the wall has changes nothing.
    store.applyFrame({ serverTime: 80_000, records: [{ id: 2, lng: 119.1, lat: 26, heading: 0, fixAt: 79_000, status: 'online' }] })
    store.applyStatusFrame({ serverTime: 70_000, records: [{ id: 2, lng: 119, lat: 26, heading: 0, fixAt: 1000, status: 'stale' }] })
    expect(store.live.get(2)).toMatchObject({ status: 'online', lng: 119.1 })
  })
})
