// The demo clock continues across restarts: its position is kept in the store, so a wall that was
// showing Friday 10:30 demo time comes back at 10:31, not at a new 10:00.
import { createClock, type Clock } from '../domain/clock'
import { DEFAULT_CALENDAR } from '../domain/working-calendar'
import { demoStartTime, type DemoStart } from '../simulator/demo-clock'
import type { WallStore } from '../store/wall-store'

const KEY = 'demoClock'

interface SavedClock {
  domainAt: number
  realAt: number
  speed: number
}

export function resumeDemoClock(store: WallStore, speed: number, start: DemoStart, realNow = Date.now()): Clock {
  const saved = store.getMeta(KEY)
  const previous = saved ? (JSON.parse(saved) as SavedClock) : null
  const startAt = previous && previous.speed === speed && start === 'auto'
    ? previous.domainAt + (realNow - previous.realAt) * speed
    : demoStartTime(start, realNow, DEFAULT_CALENDAR)
  return createClock(speed, startAt)
}

export function saveDemoClock(store: WallStore, clock: Clock): void {
  store.setMeta(KEY, JSON.stringify({ domainAt: clock.now(), realAt: Date.now(), speed: clock.speed } satisfies SavedClock))
}
