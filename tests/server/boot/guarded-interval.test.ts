// An error thrown in a timer used to exit the process; a guarded one logs it and runs again.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { guardedInterval } from '../../../server/boot/guarded-interval'

describe('guardedInterval', () => {
  afterEach(() => vi.restoreAllMocks())

  it('keeps running after its callback throws, and logs a repeated error once', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    let runs = 0
    const timer = guardedInterval('test timer', () => {
      runs++
      throw new Error('store locked')
    }, 5)
    await new Promise((resolve) => setTimeout(resolve, 80))
    clearInterval(timer)
    expect(runs).toBeGreaterThanOrEqual(3)
    expect(logged).toHaveBeenCalledTimes(1)
    expect(String(logged.mock.calls[0][0])).toContain('test timer')
  })
})
