// A ref of the wall-clock time that ticks (default every second) while the component lives.
import { onBeforeUnmount, ref, type Ref } from 'vue'

export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => { now.value = Date.now() }, intervalMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
