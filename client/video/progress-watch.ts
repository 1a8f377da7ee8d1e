// Whether a <video> is really moving: a live stream can fail without an error (a gateway that
// keeps the connection open but sends nothing, a playlist that stops growing). The picture counts as
// playing once currentTime advances, and as stalled when it has not for a while.
export const CONNECT_TIMEOUT_MS = 15_000
export const STALL_MS = 8000
const CHECK_MS = 1000

export interface ProgressWatch {
  stop(): void
}

export interface ProgressSource {
  readonly currentTime: number
}

export function watchProgress(
  video: ProgressSource,
  handlers: { onProgress: () => void; onStall: () => void },
  { connectTimeoutMs = CONNECT_TIMEOUT_MS, stallMs = STALL_MS, now = Date.now } = {},
): ProgressWatch {
  const startedAt = now()
  let lastTime = video.currentTime
  let lastProgressAt: number | null = null
  const timer = setInterval(() => {
    const t = now()
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime
      lastProgressAt = t
      handlers.onProgress()
      return
    }
    const silentSince = lastProgressAt ?? startedAt
    const limit = lastProgressAt === null ? connectTimeoutMs : stallMs
    if (t - silentSince >= limit) {
      clearInterval(timer)
      handlers.onStall()
    }
  }, CHECK_MS)
  return { stop: () => clearInterval(timer) }
}
