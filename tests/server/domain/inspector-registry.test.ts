import { describe, expect, it } from 'vitest'
import { InspectorRegistry, statusBySilence } from '../../../server/domain/inspector-registry'

const thresholds = { staleAfterMs: 60_000, offlineAfterMs: 300_000 }
const T0 = Date.parse('2026-11-30T09:00:00+08:00')

function registry(trailLength = 30) {
  const r = new InspectorRegistry(thresholds, trailLength)
  r.register({ id: 1, deviceId: 'phone-1', name: '陈建华', gridCode: 'g1' })
  return r
}

describe('inspector status by silence', () => {
  it('turns stale, then offline, as the phone stays silent', () => {
    expect(statusBySilence(10_000, thresholds)).toBe('online')
    expect(statusBySilence(61_000, thresholds)).toBe('stale')
    expect(statusBySilence(301_000, thresholds)).toBe('offline')
  })

  it('re-judges on refresh without any new fix, and marks the change for broadcast', () => {
    const r = registry()
    r.applyFix(1, { lng: 119.35, lat: 26.07, heading: 90, at: T0 }, T0)
    r.drainDirty()
    expect(r.refreshStatuses(T0 + 30_000)).toBe(0)
    expect(r.refreshStatuses(T0 + 90_000)).toBe(1)
    expect(r.liveOf(1)!.status).toBe('stale')
    expect(r.drainDirty()).toEqual([1])
    r.refreshStatuses(T0 + 400_000)
    expect(r.liveOf(1)!.status).toBe('offline')
    expect(r.countByStatus()).toEqual({ online: 0, stale: 0, offline: 1 })
  })

  it('comes back online with the next fix', () => {
    const r = registry()
    r.applyFix(1, { lng: 119.35, lat: 26.07, heading: null, at: T0 }, T0)
    r.refreshStatuses(T0 + 400_000)
    r.applyFix(1, { lng: 119.351, lat: 26.07, heading: null, at: T0 + 400_000 }, T0 + 400_000)
    expect(r.liveOf(1)!.status).toBe('online')
  })
})

describe('inspector positions', () => {
  it('never moves the live marker backwards in time', () => {
    const r = registry()
    r.applyFix(1, { lng: 119.36, lat: 26.08, heading: null, at: T0 + 10_000 }, T0 + 10_000)
    expect(r.applyFix(1, { lng: 119.30, lat: 26.00, heading: null, at: T0 }, T0 + 11_000)).toBe(false)
    expect(r.liveOf(1)).toMatchObject({ lng: 119.36, lat: 26.08, fixAt: T0 + 10_000 })
  })

  it('keeps a bounded trail, oldest first', () => {
    const r = registry(3)
    for (let i = 0; i < 10; i++) r.applyFix(1, { lng: 119 + i, lat: 26, heading: null, at: T0 + i * 1000 }, T0 + i * 1000)
    expect(r.liveOf(1)!.trail).toEqual([126, 26, 127, 26, 128, 26])
  })

  it('counts an inspector that never reported as offline', () => {
    expect(registry().countByStatus()).toEqual({ online: 0, stale: 0, offline: 1 })
  })

  it('refuses a fix for an unknown inspector', () => {
    expect(() => registry().applyFix(2, { lng: 0, lat: 0, heading: null, at: T0 }, T0)).toThrow('unknown inspector 2')
  })
})
