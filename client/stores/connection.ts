// Is the feed alive, and what time is it in the district? Domain time comes from the server (it
// runs faster when the simulator is sped up), so the wall never trusts its own PC's clock for it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ALL_LINKS_UP, type NodeCondition } from '../../server/contract/events'

export const useConnectionStore = defineStore('connection', () => {
  const connected = ref(false)
  /** Wall-clock ms when the last message of any kind arrived. */
  const lastMessageAt = ref<number | null>(null)
  /** Domain time at the last sync, the local time it was received, and the domain clock speed. */
  const sync = ref({ serverTime: Date.now(), receivedAt: Date.now(), speed: 1 })

  function markMessage(serverTime?: number): void {
    const now = Date.now()
    lastMessageAt.value = now
    if (serverTime != null) sync.value = { serverTime, receivedAt: now, speed: sync.value.speed }
  }

  /** Domain time is a demo's (sped up, or started on a working morning): the header says so. */
  const clockSimulated = ref(false)

  function setClock(serverTime: number, speed: number, simulated: boolean): void {
    sync.value = { serverTime, receivedAt: Date.now(), speed }
    clockSimulated.value = simulated
    lastMessageAt.value = Date.now()
  }

  /** The district's current time, extrapolated from the last message. */
  function domainNow(localNow = Date.now()): number {
    return sync.value.serverTime + (localNow - sync.value.receivedAt) * sync.value.speed
  }

  const clockSpeed = computed(() => sync.value.speed)

  /** The serving node's links (issue #12); all up until it says otherwise, and again on each new connection. */
  const node = ref<NodeCondition>({ ...ALL_LINKS_UP })
  /** The first link down, in the order an operator should hear of it; null when all are up. */
  const linkDown = computed<'store' | 'redis' | 'leader' | null>(() => {
    if (!node.value.store) return 'store'
    if (node.value.redis === false) return 'redis'
    if (!node.value.leader) return 'leader'
    return null
  })

  return { connected, lastMessageAt, clockSpeed, clockSimulated, node, linkDown, markMessage, setClock, domainNow }
})
