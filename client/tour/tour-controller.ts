// The tour's clock: shows each stop for its time, skips stops with nothing to show, pauses the
// moment someone touches the wall and resumes (at the next stop) after a quiet spell. No DOM and
// no router here, so the timing is tested with fake timers.
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { TourStop } from './tour-planner'

export type TourPhase = 'running' | 'paused'

export interface TourControllerOptions {
  playlist: readonly TourStop[]
  stopMs: number
  /** The replay stop ends with the replay, or after this long. */
  replayMaxMs: number
  idleMs: number
  /** Where a stop goes now, or null to skip it (see tour-planner). */
  plan: (kind: TourStop) => RouteLocationRaw | null
  go: (to: RouteLocationRaw) => void
}

export interface TourController {
  phase: Ref<TourPhase>
  /** The stop on screen (null before the first). */
  current: ComputedRef<TourStop | null>
  /** The stop that will follow, as far as the data tells now. */
  upcoming: ComputedRef<TourStop | null>
  start(): void
  /** Someone touched the screen. */
  interrupt(): void
  /** The current stop finished early (the replay reached its end). */
  finished(kind: TourStop): void
  dispose(): void
}

export function createTourController(o: TourControllerOptions): TourController {
  const phase = ref<TourPhase>('running')
  const index = ref(-1)
  let stopTimer: ReturnType<typeof setTimeout> | undefined
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  /** The next playlist index after `from` whose stop has something to show, with its route. */
  function following(from: number): { i: number, to: RouteLocationRaw } | null {
    const n = o.playlist.length
    for (let step = 1; step <= n; step++) {
      const i = (((from + step) % n) + n) % n
      const to = o.plan(o.playlist[i])
      if (to != null) return { i, to }
    }
    return null
  }

  function advance(): void {
    clearTimeout(stopTimer)
    if (disposed || phase.value !== 'running') return
    const next = following(index.value)
    // Nothing to show yet (the first snapshot has not arrived): look again after a stop's time.
    if (!next) {
      stopTimer = setTimeout(advance, o.stopMs)
      return
    }
    index.value = next.i
    o.go(next.to)
    stopTimer = setTimeout(advance, o.playlist[next.i] === 'replay' ? o.replayMaxMs : o.stopMs)
  }

  function resume(): void {
    phase.value = 'running'
    advance()
  }

  function interrupt(): void {
    if (disposed) return
    phase.value = 'paused'
    clearTimeout(stopTimer)
    clearTimeout(idleTimer)
    idleTimer = setTimeout(resume, o.idleMs)
  }

  const current = computed(() => (index.value >= 0 ? o.playlist[index.value] : null))
  const upcoming = computed(() => {
    const next = following(index.value)
    return next ? o.playlist[next.i] : null
  })

  return {
    phase,
    current,
    upcoming,
    start: advance,
    interrupt,
    finished(kind) {
      if (phase.value === 'running' && current.value === kind) advance()
    },
    dispose() {
      disposed = true
      clearTimeout(stopTimer)
      clearTimeout(idleTimer)
    },
  }
}
