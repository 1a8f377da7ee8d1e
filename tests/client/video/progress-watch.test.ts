import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchProgress } from '../../../client/video/progress-watch'

describe('progress watch', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('calls a stream that never starts stalled after the connect timeout', () => {
    const video = { currentTime: 0 }
    const onStall = vi.fn()
    watchProgress(video, { onProgress: vi.fn(), onStall }, { connectTimeoutMs: 5000, stallMs: 2000 })
    vi.advanceTimersByTime(4000)
    expect(onStall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(onStall).toHaveBeenCalledOnce()
  })

  it('reports progress while currentTime moves, and a stall once it stops', () => {
    const video = { currentTime: 0 }
    const onProgress = vi.fn()
    const onStall = vi.fn()
    watchProgress(video, { onProgress, onStall }, { connectTimeoutMs: 5000, stallMs: 3000 })
    for (let s = 0; s < 10; s++) {
      video.currentTime += 1
      vi.advanceTimersByTime(1000)
    }
    expect(onProgress).toHaveBeenCalledTimes(10)
    expect(onStall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2000)
    expect(onStall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(onStall).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(10_000)
    expect(onStall).toHaveBeenCalledOnce()
  })

  it('stop ends the watch', () => {
    const onStall = vi.fn()
    watchProgress({ currentTime: 0 }, { onProgress: vi.fn(), onStall }, { connectTimeoutMs: 1000 }).stop()
    vi.advanceTimersByTime(5000)
    expect(onStall).not.toHaveBeenCalled()
  })
})
