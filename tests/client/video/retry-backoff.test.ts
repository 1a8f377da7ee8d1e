import { describe, expect, it } from 'vitest'
import { RETRY_MAX_MS, retryDelayMs } from '../../../client/video/retry-backoff'

describe('retry backoff', () => {
  it('starts at a few seconds and doubles up to ~30 s', () => {
    const middle = () => 0.5
    expect([0, 1, 2, 3, 4, 5, 20].map((n) => retryDelayMs(n, middle))).toEqual([3000, 6000, 12_000, 24_000, 30_000, 30_000, 30_000])
  })

  it('jitters by at most 10 % and never passes the ceiling', () => {
    for (const r of [0, 0.999]) {
      expect(retryDelayMs(0, () => r)).toBeGreaterThanOrEqual(2700)
      expect(retryDelayMs(0, () => r)).toBeLessThanOrEqual(3300)
      expect(retryDelayMs(9, () => r)).toBeLessThanOrEqual(RETRY_MAX_MS)
    }
  })
})
