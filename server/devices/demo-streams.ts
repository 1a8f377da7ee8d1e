// Live pictures for the demo's cameras. The demo registry points its cameras at /streams/{id}/index.m3u8
// (HLS) or /streams/{id}.flv (HTTP-FLV), where a GB/T 28181 gateway would serve them; no gateway runs
// in the demo, so every camera shows 无信号 — honest, but a visitor sees no video at all. With
// DEMO_VIDEO=1 and Debian's ffmpeg on PATH this serves a test pattern there instead:
//   HLS: one shared encoder (640×360, 15 fps, ~400 kbit/s, 2 s segments) started on the first request
//        and stopped after IDLE_STOP_MS without one, so an idle demo burns no CPU;
//   FLV: an encoder per viewer, piped into the response and killed when it closes, at most MAX_FLV at once
//        (each wall decodes at most its player budget anyway).
// Without either, the routes are absent and the cameras show 无信号 as before. `npm start` needs nothing new.
// The streams are a test pattern, nothing private: they are served without the wall token (players
// fetch segments themselves and would not carry it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Router, type Response } from 'express'
import type { DeviceInfo } from '../contract/devices'

export const MAX_FLV = 8
export const IDLE_STOP_MS = 60_000
const PLAYLIST_WAIT_MS = 12_000
const PATTERN = ['-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15', '-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '30', '-b:v', '400k']

export interface DemoStreams {
  /** Mounted when the demo serves video; else an empty router. */
  router: Router
  readonly enabled: boolean
  stop(): Promise<void>
}

export function ffmpegAvailable(command = 'ffmpeg'): boolean {
  const probe = spawnSync(command, ['-hide_banner', '-version'], { stdio: 'ignore' })
  return probe.error === undefined && probe.status === 0
}

/** `cameraOf(id)`: the registry's camera of that id (only demo-path streams are served). */
export function createDemoStreams(options: { enabled: boolean; cameraOf: (id: string) => DeviceInfo | undefined; ffmpeg?: string }): DemoStreams {
  const router = Router()
  const command = options.ffmpeg ?? 'ffmpeg'
  if (!options.enabled) return { router, enabled: false, stop: async () => undefined }
  if (!ffmpegAvailable(command)) {
    console.warn('[demo-video] DEMO_VIDEO is on but ffmpeg is not on PATH: the demo cameras show 无信号')
    return { router, enabled: false, stop: async () => undefined }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-demo-video-'))
  const flvViewers = new Set<ChildProcess>()
  let hls: ChildProcess | null = null
  let lastRequestAt = 0
  let stopped = false
  const idleCheck = setInterval(() => {
    if (hls && Date.now() - lastRequestAt > IDLE_STOP_MS) stopHls()
  }, 10_000)
  idleCheck.unref()

  function startHls(): void {
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true })
    const child = spawn(command, ['-hide_banner', '-loglevel', 'error', ...PATTERN, '-f', 'hls', '-hls_time', '2', '-hls_list_size', '5',
      '-hls_flags', 'delete_segments', '-hls_segment_filename', path.join(dir, 'seg%d.ts'), path.join(dir, 'index.m3u8')], { stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr!.on('data', (chunk: Buffer) => console.warn(`[demo-video] ffmpeg: ${chunk.toString().trim()}`))
    child.once('exit', () => { if (hls === child) hls = null })
    hls = child
  }
  function stopHls(): void {
    hls?.kill('SIGKILL')
    hls = null
  }

  /** The camera whose demo stream of `type` this is, or a 404 already sent. */
  function camera(id: string, res: Response, type: 'hls' | 'flv'): DeviceInfo | null {
    const device = options.cameraOf(id)
    const expected = type === 'hls' ? `/streams/${id}/index.m3u8` : `/streams/${id}.flv`
    if (device?.kind !== 'camera' || device.stream?.type !== type || device.stream.url !== expected) {
      res.status(404).json({ error: 'not_a_demo_camera', message: `${id} has no demo ${type} stream here`, field: 'id' })
      return null
    }
    return device
  }

  router.get('/streams/:id/index.m3u8', async (req, res) => {
    if (!camera(String(req.params.id), res, 'hls')) return
    lastRequestAt = Date.now()
    if (!hls) startHls()
    const playlist = path.join(dir, 'index.m3u8')
    const deadline = Date.now() + PLAYLIST_WAIT_MS
    // The first viewer waits for the encoder's first segments rather than getting an error.
    while (!fs.existsSync(playlist) && Date.now() < deadline && !stopped) await new Promise((resolve) => setTimeout(resolve, 200))
    if (!fs.existsSync(playlist)) {
      res.status(503).json({ error: 'stream_starting', message: 'the demo stream is not ready yet' })
      return
    }
    res.type('application/vnd.apple.mpegurl').set('cache-control', 'no-store').send(fs.readFileSync(playlist))
  })
  router.get('/streams/:id/:segment', (req, res) => {
    if (!camera(String(req.params.id), res, 'hls')) return
    lastRequestAt = Date.now()
    const segment = String(req.params.segment)
    const file = path.join(dir, segment)
    if (!/^seg\d{1,9}\.ts$/.test(segment) || !fs.existsSync(file)) {
      res.status(404).json({ error: 'no_segment', message: `${segment} is not a current segment`, field: 'segment' })
      return
    }
    res.type('video/mp2t').set('cache-control', 'max-age=60').send(fs.readFileSync(file))
  })
  router.get('/streams/:file', (req, res) => {
    const match = /^(.+)\.flv$/.exec(String(req.params.file))
    if (!match) {
      res.status(404).json({ error: 'not_found', message: 'not a stream', field: 'file' })
      return
    }
    if (!camera(match[1], res, 'flv')) return
    if (flvViewers.size >= MAX_FLV) {
      res.status(503).json({ error: 'too_many_viewers', message: `at most ${MAX_FLV} demo FLV viewers at once` })
      return
    }
    const child = spawn(command, ['-hide_banner', '-loglevel', 'error', ...PATTERN, '-f', 'flv', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] })
    flvViewers.add(child)
    child.once('exit', () => { flvViewers.delete(child); res.end() })
    res.status(200).set({ 'content-type': 'video/x-flv', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
    child.stdout!.pipe(res)
    res.once('close', () => child.kill('SIGKILL'))
  })

  return {
    router,
    enabled: true,
    async stop() {
      stopped = true
      clearInterval(idleCheck)
      const children = [...flvViewers, ...(hls ? [hls] : [])]
      await Promise.all(children.map((c) => new Promise((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve(undefined)
        c.once('exit', resolve)
        c.kill('SIGKILL')
      })))
      hls = null
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
