import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMapWithRetry, MAP_MAX_ATTEMPTS, MAP_RETRY_MS } from '../../../client/map/map-creation-retry'

/** A `create` that throws (as maplibre does without WebGL) for its first `failures` calls. */
function flakyCreate(failures: number) {
  let calls = 0
  return vi.fn(() => {
    calls++
    if (calls <= failures) throw new Error('Failed to initialize WebGL')
    return { id: calls }
  })
}

describe('createMapWithRetry', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('creates the map at once when it can, and schedules nothing', () => {
    const onCreated = vi.fn()
    const onFailed = vi.fn()
    createMapWithRetry({ create: flakyCreate(0), onCreated, onFailed })
    expect(onCreated).toHaveBeenCalledExactlyOnceWith({ id: 1 })
    expect(onFailed).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('retries every MAP_RETRY_MS until the map can be created', () => {
    const create = flakyCreate(2)
    const onCreated = vi.fn()
    const onFailed = vi.fn()
    const onGiveUp = vi.fn()
    createMapWithRetry({ create, onCreated, onFailed, onGiveUp })
    expect(onFailed).toHaveBeenCalledExactlyOnceWith(expect.any(Error), 1)
    vi.advanceTimersByTime(MAP_RETRY_MS - 1)
    expect(create).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(create).toHaveBeenCalledTimes(2)
    expect(onFailed).toHaveBeenLastCalledWith(expect.any(Error), 2)
    expect(onCreated).not.toHaveBeenCalled()
    vi.advanceTimersByTime(MAP_RETRY_MS)
    expect(onCreated).toHaveBeenCalledExactlyOnceWith({ id: 3 })
    vi.advanceTimersByTime(10 * MAP_RETRY_MS)
    expect(create).toHaveBeenCalledTimes(3)
    expect(onGiveUp).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives up once after maxAttempts failures, and stops trying', () => {
    const create = flakyCreate(Infinity)
    const onGiveUp = vi.fn()
    const onCreated = vi.fn()
    createMapWithRetry({ create, onCreated, onGiveUp })
    vi.advanceTimersByTime((MAP_MAX_ATTEMPTS - 1) * MAP_RETRY_MS - 1)
    expect(onGiveUp).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(create).toHaveBeenCalledTimes(MAP_MAX_ATTEMPTS)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60 * MAP_RETRY_MS)
    expect(create).toHaveBeenCalledTimes(MAP_MAX_ATTEMPTS)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
    expect(onCreated).not.toHaveBeenCalled()
  })

  it('reloads the page when it gives up, by default', () => {
    const reload = vi.fn()
    vi.stubGlobal('location', { reload })
    try {
      createMapWithRetry({ create: flakyCreate(Infinity), onCreated: () => {}, maxAttempts: 2, retryMs: 100 })
      vi.advanceTimersByTime(100)
      expect(reload).toHaveBeenCalledTimes(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('does not create a second map when setting up the first one throws', () => {
    const create = flakyCreate(0)
    expect(() => createMapWithRetry({ create, onCreated: () => { throw new Error('bug') } })).toThrow('bug')
    vi.advanceTimersByTime(60 * MAP_RETRY_MS)
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('cancels a pending retry', () => {
    const create = flakyCreate(Infinity)
    const onGiveUp = vi.fn()
    const cancel = createMapWithRetry({ create, onCreated: () => {}, onGiveUp })
    cancel()
    vi.advanceTimersByTime(60 * MAP_RETRY_MS)
    expect(create).toHaveBeenCalledTimes(1)
    expect(onGiveUp).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })
})
