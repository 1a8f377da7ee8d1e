// One JSON document for a drawer (a case, an inspector), fetched with the wall token and fetched
// again on demand, on a timer and soon after a failure. One request in flight at a time, and an
// answer for a URL the drawer has already left is dropped.
import { getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue'
import { wallFetch } from '../wall-token'

export type DetailError = 'notFound' | 'failed'

/** After a failed request, try again this soon (ms) instead of waiting for the next refresh. */
export const RETRY_MS = 5000

export interface DetailFetch<T> {
  /** The last good answer; kept on screen through a failed refresh, cleared when the URL changes. */
  data: ShallowRef<T | null>
  error: Ref<DetailError | null>
  /** Wall-clock ms of the last good answer. */
  fetchedAt: Ref<number | null>
  refresh: () => Promise<void>
}

export function useDetailFetch<T>(url: MaybeRefOrGetter<string | null>, refreshMs?: number): DetailFetch<T> {
  const data = shallowRef<T | null>(null)
  const error = ref<DetailError | null>(null)
  const fetchedAt = ref<number | null>(null)
  let inFlight = false
  let again = false
  let disposed = false
  let retry: ReturnType<typeof setTimeout> | undefined

  async function load(): Promise<void> {
    const target = toValue(url)
    if (!target) return
    // Drop the answer if the drawer has moved on to another URL (or closed) meanwhile.
    const current = () => !disposed && toValue(url) === target
    try {
      const res = await wallFetch(target)
      if (!current()) return
      if (res.status === 404 || res.status === 400) {
        data.value = null
        error.value = 'notFound'
        return
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const body = (await res.json()) as T
      if (!current()) return
      data.value = body
      error.value = null
      fetchedAt.value = Date.now()
    } catch {
      if (!current()) return
      error.value = 'failed'
      clearTimeout(retry)
      retry = setTimeout(() => void refresh(), RETRY_MS)
    }
  }

  async function refresh(): Promise<void> {
    // Asked again while a request runs: run once more after it, with the URL of that moment.
    if (inFlight) {
      again = true
      return
    }
    inFlight = true
    try {
      do {
        again = false
        await load()
      } while (again && !disposed)
    } finally {
      inFlight = false
    }
  }

  watch(() => toValue(url), () => {
    data.value = null
    error.value = null
    fetchedAt.value = null
    void refresh()
  }, { immediate: true })

  const timer = refreshMs ? setInterval(() => void refresh(), refreshMs) : undefined
  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true
      clearInterval(timer)
      clearTimeout(retry)
    })
  }
  return { data, error, fetchedAt, refresh }
}

/**
 * The age a drawer shows. Its detail is refetched whenever the live feed says it changed, so while
 * messages keep arriving it is as fresh as the last message; after a failed fetch, its own age.
 */
export function detailUpdatedAt(fetchedAt: number | null, failed: boolean, lastMessageAt: number | null): number | null {
  if (fetchedAt == null) return null
  return failed || lastMessageAt == null ? fetchedAt : Math.max(fetchedAt, lastMessageAt)
}
