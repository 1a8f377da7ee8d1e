// Every inspector's latest marker and recent trail, keyed by id. Updated from the packed position
// frames; shallow refs and one trigger per frame keep Vue out of the hot path, and the map layers
// hear which ids a frame touched (onChange) so they redraw those, not all 20,000.
import { defineStore } from 'pinia'
import { computed, shallowRef, triggerRef } from 'vue'
import type { InspectorInfo, InspectorLive, InspectorStatus, WallSnapshot } from '../../server/contract/domain'
import type { PositionFrame } from '../../server/contract/position-frame'
import { createChangeListeners } from './change-listeners'

/** Trail points kept per inspector on the wall (the server keeps the same number). */
export const TRAIL_POINTS = 30

export const useInspectorsStore = defineStore('inspectors', () => {
  const infos = shallowRef(new Map<number, InspectorInfo>())
  const live = shallowRef(new Map<number, InspectorLive>())
  const { onChange, notify } = createChangeListeners<number>()

  function replaceAll(snapshot: WallSnapshot): void {
    infos.value = new Map(snapshot.inspectorInfos.map((i) => [i.id, i]))
    live.value = new Map(snapshot.inspectors.map((i) => [i.id, { ...i, trail: [...i.trail] }]))
    notify({ all: true })
  }

  function applyFrame(frame: PositionFrame): void {
    const map = live.value
    const ids: number[] = []
    for (const r of frame.records) {
      ids.push(r.id)
      const current = map.get(r.id)
      const trail = current?.trail ?? []
      const moved = !current || current.lng !== r.lng || current.lat !== r.lat
      if (moved) {
        trail.push(r.lng, r.lat)
        if (trail.length > TRAIL_POINTS * 2) trail.splice(0, trail.length - TRAIL_POINTS * 2)
      }
      map.set(r.id, { id: r.id, lng: r.lng, lat: r.lat, heading: r.heading, fixAt: r.fixAt, status: r.status, trail })
    }
    triggerRef(live)
    notify({ all: false, ids })
  }

  /**
   * The reliable copy of status changes (inspectors:status): only what this wall does not have yet,
   * so when no volatile frame was skipped it costs a comparison per record and no redraw.
   */
  function applyStatusFrame(frame: PositionFrame): void {
    const missed = frame.records.filter((r) => {
      const current = live.value.get(r.id)
      return !current || current.fixAt < r.fixAt || (current.fixAt === r.fixAt && current.status !== r.status)
    })
    if (missed.length > 0) applyFrame({ ...frame, records: missed })
  }

  const countByStatus = computed(() => {
    const counts: Record<InspectorStatus, number> = { online: 0, stale: 0, offline: 0 }
    for (const id of infos.value.keys()) counts[live.value.get(id)?.status ?? 'offline']++
    return counts
  })

  return { infos, live, countByStatus, replaceAll, applyFrame, applyStatusFrame, onChange }
})
