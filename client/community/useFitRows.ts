// How many whole rows of a list fit its box: the wall never scrolls and never shows half a row.
// Measured in design pixels (offsetHeight ignores the wall's scale transform), again on resize.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useFitRows(box: Ref<HTMLElement | null>, rowHeight: number, gap = 0): Ref<number> {
  const rows = ref(1)
  let observer: ResizeObserver | undefined
  const measure = () => {
    const height = box.value?.offsetHeight ?? 0
    rows.value = Math.max(1, Math.floor((height + gap) / (rowHeight + gap)))
  }
  onMounted(() => {
    measure()
    if (typeof ResizeObserver !== 'undefined' && box.value) {
      observer = new ResizeObserver(measure)
      observer.observe(box.value)
    }
  })
  onBeforeUnmount(() => observer?.disconnect())
  return rows
}
