// Domain time. At speed 1 it is the wall clock; the simulator may run it faster for demos and tests,
// and then every deadline, silence and statistic follows the same accelerated clock.
import type { EpochMs } from '../contract/domain'

export interface Clock {
  now(): EpochMs
  readonly speed: number
  /** True when domain time is not the wall clock (sped up or started elsewhere), e.g. a demo. */
  readonly simulated: boolean
}

export function createClock(speed = 1, startAt: EpochMs = Date.now(), realNow: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, got ${speed}`)
  const realStart = realNow()
  return {
    speed,
    simulated: speed !== 1 || Math.abs(startAt - realStart) > 1000,
    // Whole milliseconds: times are stored as integers (PostgreSQL BIGINT refuses a fraction).
    now: () => Math.floor(startAt + (realNow() - realStart) * speed),
  }
}

/** A clock that only moves when told to: for tests. */
export function createManualClock(startAt: EpochMs): Clock & { advance(ms: number): void; set(at: EpochMs): void } {
  let current = startAt
  return {
    speed: 1,
    simulated: true,
    now: () => current,
    advance(ms) { current += ms },
    set(at) { current = at },
  }
}
