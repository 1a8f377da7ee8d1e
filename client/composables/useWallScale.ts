// The wall is designed at 1920×1080 and scaled uniformly to the screen (integer-friendly factors keep
// text sharp). Canvases (map, charts) must render at the scaled size, so the factor is shared.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

export function useWallScale() {
  const scale = ref(1)
  const offset = ref({ x: 0, y: 0 })
  function measure(): void {
    const s = Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT)
    scale.value = Math.round(s * 1000) / 1000
    offset.value = {
      x: Math.max(0, (window.innerWidth - DESIGN_WIDTH * scale.value) / 2),
      y: Math.max(0, (window.innerHeight - DESIGN_HEIGHT * scale.value) / 2),
    }
  }
  onMounted(() => {
    measure()
    window.addEventListener('resize', measure)
  })
  onBeforeUnmount(() => window.removeEventListener('resize', measure))
  return { scale, offset }
}
