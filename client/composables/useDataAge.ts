// "数据 3秒前": how old a panel's figures are, so a frozen panel is never mistaken for a live one.
import { computed, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useNow } from './useNow'

/** Older than this, a panel's data counts as stale and its badge turns amber. */
export const STALE_DATA_MS = 15_000

export function formatAge(ageMs: number, t: (key: string, values?: Record<string, unknown>) => string): string {
  const s = Math.max(0, Math.floor(ageMs / 1000))
  if (s < 3) return t('age.justNow')
  if (s < 60) return t('age.seconds', { n: s })
  if (s < 3600) return t('age.minutes', { n: Math.floor(s / 60) })
  return t('age.hours', { n: Math.floor(s / 3600) })
}

/** `staleAfterMs`: for figures that are polled rather than pushed (the boards ask every 30 s). */
export function useDataAge(updatedAt: Ref<number | null>, staleAfterMs = STALE_DATA_MS): { label: ComputedRef<string>; stale: ComputedRef<boolean> } {
  const { t } = useI18n()
  const now = useNow()
  const age = computed(() => (updatedAt.value == null ? Infinity : now.value - updatedAt.value))
  return {
    label: computed(() => (Number.isFinite(age.value) ? t('app.dataAge', { age: formatAge(age.value, t) }) : '—')),
    stale: computed(() => age.value > staleAfterMs),
  }
}
