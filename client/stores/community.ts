// The community screen's live figures (issue #13): the board the server sends to the walls focused on a
// community ('board:updated', also once on focus), the alarms raised or cleared anywhere
// ('alarms:changed', kept when the device is in that community), and the figures the 人文社区 board
// polls (party organisations, 12345). Listeners live in client/socket.ts; this store only keeps.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CommunityBoard, DeviceAlarm } from '../../server/contract/devices'
import type { HotlineFigures } from '../../server/contract/evaluation'
import type { PartySummary } from '../../server/contract/party'
import { BOARD_POLL_MS, hotlineUrl, partySummaryUrl } from '../boards/board-feeds'
import { useDetailFetch } from '../drawers/use-detail-fetch'
import { wallFetch } from '../wall-token'
import { mergeAlarms } from '../community/alarm-merge'

export const useCommunityStore = defineStore('community', () => {
  /** The community the screen shows; null while no community screen is up (nothing is polled then). */
  const code = ref<string | null>(null)
  /** The newest board the server sent, whichever community it was for (a wall focused there at /area/{code} gets it too). */
  const latest = shallowRef<CommunityBoard | null>(null)
  /** Wall-clock ms the board arrived: the panels' data age. */
  const boardAt = ref<number | null>(null)
  /** Alarms heard over 'alarms:changed' since the board, keyed by device and raise time. */
  const heardAlarms = shallowRef<DeviceAlarm[]>([])
  const heardAt = ref<number | null>(null)

  const board = computed(() => (latest.value && latest.value.communityCode === code.value ? latest.value : null))
  /** The board's alarms with the ones heard since laid over them, newest first. */
  const alarms = computed(() => mergeAlarms(board.value?.alarms ?? [], heardAlarms.value))
  /** The alarms are as new as the board or the last alarm heard after it. */
  const alarmsAt = computed(() => (board.value ? Math.max(boardAt.value ?? 0, heardAt.value ?? 0) : null))

  function setBoard(next: CommunityBoard): void {
    latest.value = next
    boardAt.value = Date.now()
    // The board lists every alarm of today: what was heard before it is in it.
    if (next.communityCode === code.value) heardAlarms.value = []
  }

  /** `inCommunity` says whether a device belongs to the shown community (the devices registry knows). */
  function applyAlarms(changed: readonly DeviceAlarm[], inCommunity: (deviceId: string) => boolean): void {
    const mine = changed.filter((a) => inCommunity(a.deviceId))
    if (mine.length === 0) return
    heardAlarms.value = mergeAlarms(heardAlarms.value, mine)
    heardAt.value = Date.now()
  }

  /** Open the screen of a community; fetches its board once if the socket has not brought it yet. */
  function show(next: string | null): void {
    if (next === code.value) return
    code.value = next
    heardAlarms.value = []
    if (next && latest.value?.communityCode !== next) void fetchBoard(next)
  }

  async function fetchBoard(target: string): Promise<void> {
    try {
      const response = await wallFetch(`/api/communities/${encodeURIComponent(target)}/board`)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const answer = await response.json() as CommunityBoard
      // The socket's board may have come first; it is at least as new.
      if (code.value === target && latest.value?.communityCode !== target) setBoard(answer)
    } catch (error) {
      console.warn(`[community] board of ${target} not loaded`, error)
    }
  }

  const partyFeed = useDetailFetch<PartySummary>(() => (code.value ? partySummaryUrl(code.value) : null), BOARD_POLL_MS)
  const hotlineFeed = useDetailFetch<HotlineFigures>(() => (code.value ? hotlineUrl(code.value) : null), BOARD_POLL_MS)

  return {
    code, board, boardAt, alarms, alarmsAt, show, setBoard, applyAlarms,
    party: partyFeed.data, partyAt: partyFeed.fetchedAt,
    hotline: hotlineFeed.data, hotlineAt: hotlineFeed.fetchedAt,
  }
})
