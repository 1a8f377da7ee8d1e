import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { createTourController, type TourControllerOptions } from '../../../client/tour/tour-controller'
import type { TourStop } from '../../../client/tour/tour-planner'

const ROUTES: Record<TourStop, string> = { district: '/', worstGrid: '/area/g1', urgentCase: '/case/c1', replay: '/replay/7', party: '/board/party', ranking: '/board/ranking' }

function setup(overrides: Partial<TourControllerOptions> = {}) {
  const visited: RouteLocationRaw[] = []
  const skip = ref(new Set<TourStop>())
  const controller = createTourController({
    playlist: ['district', 'worstGrid', 'urgentCase', 'replay'],
    stopMs: 3000, replayMaxMs: 60_000, idleMs: 4000,
    plan: (kind) => (skip.value.has(kind) ? null : ROUTES[kind]),
    go: (to) => visited.push(to),
    ...overrides,
  })
  return { controller, visited, skip }
}

describe('tour controller', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows each stop for its time and loops, the replay for up to a minute', () => {
    const { controller, visited } = setup()
    controller.start()
    expect(visited).toEqual(['/'])
    expect(controller.upcoming.value).toBe('worstGrid')
    vi.advanceTimersByTime(3000 * 3)
    expect(visited).toEqual(['/', '/area/g1', '/case/c1', '/replay/7'])
    vi.advanceTimersByTime(59_000)
    expect(visited).toHaveLength(4)
    vi.advanceTimersByTime(1000)
    expect(visited.at(-1)).toBe('/')
    expect(controller.current.value).toBe('district')
  })

  it('moves on when the replay ends early', () => {
    const { controller, visited } = setup({ playlist: ['replay', 'district'] })
    controller.start()
    vi.advanceTimersByTime(5000)
    controller.finished('urgentCase')
    expect(visited).toEqual(['/replay/7'])
    controller.finished('replay')
    expect(visited).toEqual(['/replay/7', '/'])
  })

  it('skips stops with nothing to show, and waits while nothing has data', () => {
    const { controller, visited, skip } = setup({ playlist: ['worstGrid', 'urgentCase'] })
    skip.value = new Set(['worstGrid', 'urgentCase'])
    controller.start()
    expect(visited).toEqual([])
    skip.value = new Set(['worstGrid'])
    expect(controller.upcoming.value).toBe('urgentCase')
    vi.advanceTimersByTime(3000)
    expect(visited).toEqual(['/case/c1'])
  })

  it('pauses on input, stays put while touched, and resumes at the next stop after the idle time', () => {
    const { controller, visited } = setup()
    controller.start()
    vi.advanceTimersByTime(3000)
    controller.interrupt()
    expect(controller.phase.value).toBe('paused')
    vi.advanceTimersByTime(3500)
    controller.interrupt()
    vi.advanceTimersByTime(3900)
    expect(visited).toEqual(['/', '/area/g1'])
    controller.finished('worstGrid')
    expect(visited).toHaveLength(2)
    vi.advanceTimersByTime(100)
    expect(controller.phase.value).toBe('running')
    expect(visited).toEqual(['/', '/area/g1', '/case/c1'])
  })

  it('leaves no timer behind once disposed', () => {
    const { controller, visited } = setup()
    controller.start()
    controller.interrupt()
    controller.dispose()
    expect(vi.getTimerCount()).toBe(0)
    controller.interrupt()
    vi.advanceTimersByTime(600_000)
    expect(visited).toEqual(['/'])
  })
})
