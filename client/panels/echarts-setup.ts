// Chart canvases live inside the wall's CSS `scale()` transform, which would stretch their pixels:
// render them at the scale the screen will show them, so lines and labels stay sharp on a 4K wall.
import { computed, type ComputedRef } from 'vue'
import { useScreenStore } from '../stores/screen'

export function useChartInitOptions(): ComputedRef<{ devicePixelRatio: number }> {
  const screen = useScreenStore()
  return computed(() => ({ devicePixelRatio: (window.devicePixelRatio || 1) * screen.scale }))
}
