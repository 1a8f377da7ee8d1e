import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createThrottle } from '../../../client/drawers/inspector-follow'

describe('createThrottle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('calls at once, then at most every interval with the newest arguments', () => {
    const fn = vi.fn()
    const throttle = createThrottle(fn, 5000)
    throttle.call(1)
    expect(fn).toHaveBeenCalledWith(1)
    vi.advanceTimersByTime(1000)
    throttle.call(2)
    throttle.call(3)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(3999)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenLastCalledWith(3)
    expect(fn).toHaveBeenCalledTimes(2)
  })

  it('calls at once again after a quiet interval', () => {
    const fn = vi.fn()
    const throttle = createThrottle(fn, 5000)
    throttle.call('a')
    vi.advanceTimersByTime(6000)
    throttle.call('b')
    expect(fn).toHaveBeenCalledTimes(2)
  })

  it('drops the deferred call when cancelled, and fires at once after a reset', () => {
    const fn = vi.fn()
    const throttle = createThrottle(fn, 5000)
    throttle.call(1)
    throttle.call(2)
    throttle.cancel()
    vi.advanceTimersByTime(10_000)
    expect(fn).toHaveBeenCalledTimes(1)
    throttle.call(3)
    throttle.reset()
    throttle.call(4)
    expect(fn).toHaveBeenLastCalledWith(4)
  })
})
