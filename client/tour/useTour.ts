// The visitors' tour on the live wall: plans stops from the stores, drives the router, starts the
// replay stop's playback at 60×, and pauses on any touch (capture phase, before the map or a
// drawer sees it). Everything it installs is removed when its owner unmounts.
import { onScopeDispose, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { kioskEnabled } from '../composables/useKiosk'
import { boardOfPath } from '../boards/board-routes'
import { useAreasStore } from '../stores/areas'
import { useBoardStore } from '../stores/board'
import { useCasesStore } from '../stores/cases'
import { useConnectionStore } from '../stores/connection'
import { useInspectorsStore } from '../stores/inspectors'
import { useReplayStore } from '../stores/replay'
import { useStatsStore } from '../stores/stats'
import { createTourController, type TourController } from './tour-controller'
import { readTourOptions, REPLAY_MAX_SECONDS, REPLAY_SPEED, type TourOptions } from './tour-options'
import { nextStop, type TourState } from './tour-planner'

const INPUT_EVENTS = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const

export interface Tour extends TourController {
  options: TourOptions
}

/** The tour, or null when this screen does not tour. Call from a component that lives as long as the wall. */
export function useTour(): Tour | null {
  const options = readTourOptions(location.search, localStorage, kioskEnabled(location.search, localStorage))
  if (!options.enabled) return null
  const router = useRouter()
  const route = useRoute()
  const stats = useStatsStore()
  const cases = useCasesStore()
  const inspectors = useInspectorsStore()
  const connection = useConnectionStore()
  const replay = useReplayStore()
  const areas = useAreasStore()
  const board = useBoardStore()

  const state = (): TourState => ({
    gridLoad: stats.stats?.gridLoad ?? {},
    cases: cases.open,
    infos: inspectors.infos,
    live: inspectors.live,
    now: connection.domainNow(),
    // The boards fetch their own figures when shown: they have a district to show once the snapshot is in.
    boards: { party: areas.district != null, ranking: areas.district != null },
  })
  const controller = createTourController({
    playlist: options.playlist,
    stopMs: options.stopSeconds * 1000,
    replayMaxMs: REPLAY_MAX_SECONDS * 1000,
    idleMs: options.idleSeconds * 1000,
    plan: (kind) => nextStop(kind, state()),
    // Each stop names its board: the district stop after the ranking board is the overview again.
    go: (to) => {
      board.select(boardOfPath(typeof to === 'string' ? to : ''))
      router.push(to).catch(() => {})
    },
  })

  // The replay stop: play once the drawer has loaded the day, and move on when it reaches its end.
  const onReplayStop = () => controller.phase.value === 'running' && controller.current.value === 'replay' && route.name === 'replay'
  // (Watchers made here stop with the owner's scope.)
  watch(() => replay.data, (data) => {
    if (!data || !onReplayStop()) return
    replay.speed = REPLAY_SPEED
    replay.play()
  })
  watch(() => replay.error != null || (replay.data != null && replay.at >= replay.data.to), (ended) => {
    if (ended && onReplayStop()) controller.finished('replay')
  })

  const onInput = () => controller.interrupt()
  const listen = { capture: true, passive: true }
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, listen)
  // Start once the first snapshot is in: before it every stop but the district would be skipped,
  // and the tour would open on the overview instead of its playlist's first stop.
  if (areas.district != null) controller.start()
  else {
    const stopWaiting = watch(() => areas.district != null, (ready) => {
      if (!ready) return
      stopWaiting()
      controller.start()
    })
  }

  onScopeDispose(() => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, listen)
    controller.dispose()
  })
  return { ...controller, options }
}
