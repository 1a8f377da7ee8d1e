// Puts one camera stream into a <video>: HLS through hls.js, HTTP-FLV through mpegts.js (what
// GB/T 28181 platforms' web gateways serve). Both libraries are bundled by vite and loaded on first
// use, so a wall without cameras never pays for them. `destroy` gives back everything the engine
// took (MediaSource, buffers, loaders, workers): a wall plays cameras for weeks.
import type { CameraStream } from '../../server/contract/devices'

export interface StreamEngine {
  destroy(): void
}

/** Attach `stream` to `video` and start it; `onFatal` runs once when the engine cannot go on. */
export async function startStream(video: HTMLVideoElement, stream: CameraStream, onFatal: (reason: string) => void): Promise<StreamEngine> {
  return stream.type === 'flv' ? startFlv(video, stream.url, onFatal) : startHls(video, stream.url, onFatal)
}

async function startHls(video: HTMLVideoElement, url: string, onFatal: (reason: string) => void): Promise<StreamEngine> {
  const { default: Hls } = await import('hls.js')
  if (!Hls.isSupported()) {
    // Safari and some TV browsers play HLS themselves.
    if (!video.canPlayType('application/vnd.apple.mpegurl')) {
      onFatal('HLS not supported by this browser')
      return { destroy: () => undefined }
    }
    const onError = () => onFatal('native HLS error')
    video.addEventListener('error', onError)
    video.src = url
    void video.play().catch(() => undefined)
    return { destroy: () => { video.removeEventListener('error', onError); releaseVideo(video) } }
  }
  const hls = new Hls({
    // A wall shows the live edge, not a DVR: keep little behind it, so memory stays flat.
    liveSyncDurationCount: 2,
    backBufferLength: 10,
    maxBufferLength: 10,
    lowLatencyMode: false,
    enableWorker: true,
    // Failure is handled here (无信号 + backoff), not by hls.js retrying for minutes.
    manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 8000, maxLoadTimeMs: 10_000, timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 1, retryDelayMs: 1000, maxRetryDelayMs: 2000 } } },
    playlistLoadPolicy: { default: { maxTimeToFirstByteMs: 8000, maxLoadTimeMs: 10_000, timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 2, retryDelayMs: 1000, maxRetryDelayMs: 2000 } } },
  })
  let done = false
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal && !done) {
      done = true
      onFatal(`hls ${data.type}: ${data.details}`)
    }
  })
  hls.on(Hls.Events.MANIFEST_PARSED, () => { void video.play().catch(() => undefined) })
  hls.attachMedia(video)
  hls.loadSource(url)
  return {
    destroy() {
      done = true
      hls.destroy()
      releaseVideo(video)
    },
  }
}

async function startFlv(video: HTMLVideoElement, url: string, onFatal: (reason: string) => void): Promise<StreamEngine> {
  const { default: mpegts } = await import('mpegts.js')
  if (!mpegts.isSupported()) {
    onFatal('HTTP-FLV (MSE) not supported by this browser')
    return { destroy: () => undefined }
  }
  const player = mpegts.createPlayer({ type: 'flv', isLive: true, url, hasAudio: false }, {
    enableWorker: false,
    enableStashBuffer: false,
    liveBufferLatencyChasing: true,
    autoCleanupSourceBuffer: true,
    lazyLoad: false,
  })
  let done = false
  player.on(mpegts.Events.ERROR, (type: string, detail: string) => {
    if (!done) {
      done = true
      onFatal(`flv ${type}: ${detail}`)
    }
  })
  player.attachMediaElement(video)
  player.load()
  void Promise.resolve(player.play()).catch(() => undefined)
  return {
    destroy() {
      done = true
      player.pause()
      player.unload()
      player.detachMediaElement()
      player.destroy()
      releaseVideo(video)
    },
  }
}

/** Drop the element's source so the browser frees its decoder and buffers now, not at GC. */
function releaseVideo(video: HTMLVideoElement): void {
  video.pause()
  video.removeAttribute('src')
  video.load()
}
