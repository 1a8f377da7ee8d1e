// The registry of devices (cameras, gate counters, meters, alarms) and their live state, by id:
// fetched from GET /api/devices, then kept current by the socket's 'devices:status'. A reconnect
// fetches again (changes sent while the wall was away are not replayed). The map's device layer
// hears changes through onChange; drawers and the community screen read the maps.
import { defineStore } from 'pinia'
import { ref, shallowRef, triggerRef } from 'vue'
import type { DeviceInfo, DeviceList, DeviceLive } from '../../server/contract/devices'
import { wallFetch } from '../wall-token'
import { createChangeListeners } from './change-listeners'

const RETRY_MS = 5000

export const useDevicesStore = defineStore('devices', () => {
  const infos = shallowRef(new Map<string, DeviceInfo>())
  const live = shallowRef(new Map<string, DeviceLive>())
  /** When the registry last arrived; null until the first fetch succeeds. */
  const loadedAt = ref<number | null>(null)
  const listeners = createChangeListeners<string>()
  let loading: Promise<void> | null = null
  let retry: ReturnType<typeof setTimeout> | undefined

  function replaceAll(list: DeviceList): void {
    infos.value = new Map(list.devices.map((d) => [d.id, d]))
    live.value = new Map(list.live.map((l) => [l.id, l]))
    loadedAt.value = Date.now()
    listeners.notify({ all: true })
  }

  function applyStatus(changes: readonly DeviceLive[]): void {
    if (changes.length === 0) return
    for (const change of changes) live.value.set(change.id, change)
    triggerRef(live)
    listeners.notify({ all: false, ids: changes.map((c) => c.id) })
  }

  /** Fetch the registry (again); on failure, tries again in a few seconds. */
  function refresh(): Promise<void> {
    clearTimeout(retry)
    loading ??= (async () => {
      try {
        const response = await wallFetch('/api/devices')
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        replaceAll(await response.json() as DeviceList)
      } catch (error) {
        console.warn('[devices] registry not loaded; trying again', error)
        retry = setTimeout(() => { void refresh() }, RETRY_MS)
      } finally {
        loading = null
      }
    })()
    return loading
  }

  return { infos, live, loadedAt, replaceAll, applyStatus, refresh, onChange: listeners.onChange }
})
