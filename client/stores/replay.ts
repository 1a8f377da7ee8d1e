// The replay being watched: its tracks and case events, the moment shown, play/pause, speed and
// follow. Time advances on animation frames while playing.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ReplayData } from '../../server/contract/detail'

export const REPLAY_SPEEDS = [1, 5, 10, 30, 60] as const

export const useReplayStore = defineStore('replay', () => {
  const data = shallowRef<ReplayData | null>(null)
  const at = ref(0)
  const playing = ref(false)
  const speed = ref<number>(60)
  const follow = ref(true)
  const error = ref<string | null>(null)
  let frame = 0
  let lastFrameAt = 0

  function load(next: ReplayData): void {
    data.value = next
    const first = Math.min(...next.tracks.map((t) => t.points[0]?.[2] ?? Infinity))
    at.value = Number.isFinite(first) ? first : next.from
  }

  function seek(to: number): void {
    if (!data.value) return
    at.value = Math.min(Math.max(to, data.value.from), data.value.to)
  }

  function tick(now: number): void {
    if (!playing.value) return
    seek(at.value + (now - lastFrameAt) * speed.value)
    lastFrameAt = now
    if (data.value && at.value >= data.value.to) playing.value = false
    else frame = requestAnimationFrame(tick)
  }

  function play(): void {
    if (playing.value || !data.value) return
    if (at.value >= data.value.to) at.value = data.value.from
    playing.value = true
    lastFrameAt = performance.now()
    frame = requestAnimationFrame(tick)
  }

  function pause(): void {
    playing.value = false
    cancelAnimationFrame(frame)
  }

  function clear(): void {
    pause()
    data.value = null
    error.value = null
  }

  const pointCount = computed(() => data.value?.tracks.reduce((n, t) => n + t.points.length, 0) ?? 0)

  return { data, at, playing, speed, follow, error, pointCount, load, seek, play, pause, clear }
})
