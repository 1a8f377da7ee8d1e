// A point the map should show (a case, an inspector), set by the drawer that is open; null lets the
// camera frame the focused area.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

export interface CameraTarget {
  center: [number, number]
  zoom: number
}

export const useCameraStore = defineStore('camera', () => {
  const target = shallowRef<CameraTarget | null>(null)

  function lookAt(next: CameraTarget | null): void {
    const same = next && target.value && next.center[0] === target.value.center[0] && next.center[1] === target.value.center[1] && next.zoom === target.value.zoom
    if (!same) target.value = next
  }

  return { target, lookAt }
})
