import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { detailUpdatedAt, RETRY_MS, useDetailFetch } from '../../../client/drawers/use-detail-fetch'

/** A fetch whose answers the test releases one by one. */
function fakeFetch() {
  const calls: { url: string; auth: string | undefined; answer: (status: number, body?: unknown) => void }[] = []
  const fn = vi.fn((url: string, init?: RequestInit) => new Promise<Response>((resolve) => {
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization
    calls.push({ url, auth, answer: (status, body) => resolve({ ok: status < 300, status, json: async () => body ?? {} } as Response) })
  }))
  return { fn, calls }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await nextTick()
}

describe('useDetailFetch', () => {
  let fetch: ReturnType<typeof fakeFetch>
  beforeEach(() => {
    fetch = fakeFetch()
    vi.stubGlobal('fetch', fetch.fn)
    vi.stubGlobal('location', { search: '?token=secret' })
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('fetches with the wall token and keeps the answer', async () => {
    const scope = effectScope()
    const result = scope.run(() => useDetailFetch<{ id: string }>('/api/cases/A'))!
    expect(fetch.calls[0]).toMatchObject({ url: '/api/cases/A', auth: 'Bearer secret' })
    fetch.calls[0].answer(200, { id: 'A' })
    await settle()
    expect(result.data.value).toEqual({ id: 'A' })
    expect(result.error.value).toBeNull()
    expect(result.fetchedAt.value).not.toBeNull()
    scope.stop()
  })

  it('says notFound for a 404', async () => {
    const scope = effectScope()
    const result = scope.run(() => useDetailFetch('/api/cases/nope'))!
    fetch.calls[0].answer(404)
    await settle()
    expect(result.error.value).toBe('notFound')
    expect(result.data.value).toBeNull()
    scope.stop()
  })

  it('drops an answer for a URL the drawer has left', async () => {
    const url = ref('/api/cases/A')
    const scope = effectScope()
    const result = scope.run(() => useDetailFetch<{ id: string }>(url))!
    url.value = '/api/cases/B'
    await nextTick()
    fetch.calls[0].answer(200, { id: 'A' })
    await settle()
    expect(result.data.value).toBeNull()
    // One request at a time: B is asked for once A's has come back.
    expect(fetch.calls.map((c) => c.url)).toEqual(['/api/cases/A', '/api/cases/B'])
    fetch.calls[1].answer(200, { id: 'B' })
    await settle()
    expect(result.data.value).toEqual({ id: 'B' })
    scope.stop()
  })

  it('keeps the last good answer through a failure and retries soon', async () => {
    vi.useFakeTimers()
    const scope = effectScope()
    const result = scope.run(() => useDetailFetch<{ n: number }>('/api/inspectors/1', 30_000))!
    fetch.calls[0].answer(200, { n: 1 })
    await settle()
    void result.refresh()
    fetch.calls[1].answer(500)
    await settle()
    expect(result.error.value).toBe('failed')
    expect(result.data.value).toEqual({ n: 1 })
    vi.advanceTimersByTime(RETRY_MS)
    expect(fetch.calls).toHaveLength(3)
    fetch.calls[2].answer(200, { n: 2 })
    await settle()
    expect(result.error.value).toBeNull()
    expect(result.data.value).toEqual({ n: 2 })
    scope.stop()
  })

  it('refreshes on its timer until its scope ends', async () => {
    vi.useFakeTimers()
    const scope = effectScope()
    scope.run(() => useDetailFetch('/api/inspectors/1', 30_000))
    fetch.calls[0].answer(200, {})
    await settle()
    vi.advanceTimersByTime(30_000)
    expect(fetch.calls).toHaveLength(2)
    fetch.calls[1].answer(200, {})
    await settle()
    scope.stop()
    vi.advanceTimersByTime(90_000)
    expect(fetch.calls).toHaveLength(2)
  })
})

describe('detailUpdatedAt', () => {
  it('is as fresh as the live feed while fetches succeed, its own age after a failure', () => {
    expect(detailUpdatedAt(null, false, 500)).toBeNull()
    expect(detailUpdatedAt(100, false, 500)).toBe(500)
    expect(detailUpdatedAt(100, false, null)).toBe(100)
    expect(detailUpdatedAt(100, true, 500)).toBe(100)
  })
})
