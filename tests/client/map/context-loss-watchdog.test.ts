import type { Map as MaplibreMap } from 'maplibre-gl'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { watchContextLoss, type ContextEventSource } from '../../../client/map/context-loss-watchdog'

/** A map that only fires the two context events, and counts who listens. */
function fakeMap() {
  const listeners = new Map<string, Set<() => void>>()
  return {
    on(type: string, listener: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set())
      listeners.get(type)!.add(listener)
    },
    off(type: string, listener: () => void) {
      listeners.get(type)?.delete(listener)
    },
    fire(type: 'webglcontextlost' | 'webglcontextrestored') {
      for (const listener of [...(listeners.get(type) ?? [])]) listener()
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  }
}

describe('watchContextLoss', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('accepts a maplibre Map', () => {
    expectTypeOf<MaplibreMap>().toExtend<ContextEventSource>()
  })

  it('gives up when the context is not restored in time, not before', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    watchContextLoss(map, { restoreTimeoutMs: 5000, onGiveUp })
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(4999)
    expect(onGiveUp).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the context comes back in time', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    watchContextLoss(map, { restoreTimeoutMs: 5000, onGiveUp })
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(4000)
    map.fire('webglcontextrestored')
    vi.advanceTimersByTime(60_000)
    expect(onGiveUp).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('keeps the first deadline when the context is lost again before it is restored', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    watchContextLoss(map, { restoreTimeoutMs: 10_000, onGiveUp })
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(6000)
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(4000)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
  })

  it('starts a fresh deadline for each new loss after a restore', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    watchContextLoss(map, { restoreTimeoutMs: 10_000, onGiveUp })
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(9000)
    map.fire('webglcontextrestored')
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(9999)
    expect(onGiveUp).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
  })

  it('ignores a restore without a loss', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    watchContextLoss(map, { onGiveUp })
    map.fire('webglcontextrestored')
    vi.advanceTimersByTime(60_000)
    expect(onGiveUp).not.toHaveBeenCalled()
  })

  it('removes its listeners and a pending timer when disposed', () => {
    const map = fakeMap()
    const onGiveUp = vi.fn()
    const dispose = watchContextLoss(map, { restoreTimeoutMs: 5000, onGiveUp })
    expect(map.listenerCount()).toBe(2)
    map.fire('webglcontextlost')
    expect(vi.getTimerCount()).toBe(1)
    dispose()
    expect(map.listenerCount()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(60_000)
    expect(onGiveUp).not.toHaveBeenCalled()
    dispose()
  })

  it('reloads the page after 10 s by default', () => {
    const reload = vi.fn()
    vi.stubGlobal('location', { reload })
    const map = fakeMap()
    watchContextLoss(map)
    map.fire('webglcontextlost')
    vi.advanceTimersByTime(9999)
    expect(reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
