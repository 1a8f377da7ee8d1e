// The basemap failure message: on for the basemap's source errors, off after its tiles load again,
// never for our own sources (whose errors are logged as MapLibre would).
import { describe, expect, it, vi } from 'vitest'
import { RECOVERY_MS, watchBasemapHealth } from '../../../../client/map/basemap/basemap-health'

function fakeMap() {
  const listeners = new Map<string, Array<(e: unknown) => void>>()
  return {
    on: (type: string, fn: (e: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    off: (type: string, fn: (e: unknown) => void) => listeners.set(type, (listeners.get(type) ?? []).filter((f) => f !== fn)),
    fire: (type: string, event: unknown) => listeners.get(type)?.forEach((fn) => fn(event)),
    count: () => [...listeners.values()].reduce((n, l) => n + l.length, 0),
  }
}

describe('watchBasemapHealth', () => {
  it('names the failing host once, clears after a tile loads RECOVERY_MS later, and ignores our own sources', () => {
    const map = fakeMap()
    let now = 1000
    const changes: Array<string | null> = []
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const stop = watchBasemapHealth(map as never, { 'basemap-raster-0': 't0.tianditu.gov.cn' }, (host) => changes.push(host), () => now)

    map.fire('error', { error: new Error('AJAXError: Internal Server Error (500)'), sourceId: 'basemap-raster-0' })
    map.fire('error', { error: new Error('again'), sourceId: 'basemap-raster-0' })
    expect(changes).toEqual(['t0.tianditu.gov.cn'])
    expect(warn).toHaveBeenCalledTimes(1)

    map.fire('error', { error: new Error('ours'), sourceId: 'areas' })
    map.fire('error', { error: new Error('no source') })
    expect(error).toHaveBeenCalledTimes(2)
    expect(changes).toHaveLength(1)

    now += RECOVERY_MS - 1
    map.fire('sourcedata', { sourceId: 'basemap-raster-0', tile: {} })
    expect(changes).toHaveLength(1)
    now += 1
    map.fire('sourcedata', { sourceId: 'areas', tile: {} })
    map.fire('sourcedata', { sourceId: 'basemap-raster-0' })
    expect(changes).toHaveLength(1)
    map.fire('sourcedata', { sourceId: 'basemap-raster-0', tile: {} })
    expect(changes).toEqual(['t0.tianditu.gov.cn', null])

    stop()
    expect(map.count()).toBe(0)
    warn.mockRestore()
    error.mockRestore()
  })
})
