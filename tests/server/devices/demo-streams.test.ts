// The demo's cameras with DEMO_VIDEO on: a real server and Debian's ffmpeg serve a live HLS test
// pattern (playlist, then MPEG-TS segments) and HTTP-FLV; off, the paths are absent (无信号 on the wall).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeviceList } from '../../../server/contract/devices'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

describe('demo camera streams (DEMO_VIDEO)', () => {
  let on: TestServer
  let off: TestServer
  let cameras: DeviceList['devices']

  beforeAll(async () => {
    on = await startTestServer({ demoVideo: true })
    off = await startTestServer({ demoVideo: false })
    cameras = ((await (await fetch(`${on.url}/api/devices`)).json()) as DeviceList).devices.filter((d) => d.kind === 'camera')
  }, 60_000)
  afterAll(async () => {
    await on?.stop()
    await off?.stop()
  })

  it('serves a live HLS playlist whose segments are MPEG-TS', { timeout: 40_000 }, async () => {
    const camera = cameras.find((c) => c.stream?.type === 'hls')!
    const playlist = await fetch(`${on.url}${camera.stream!.url}`)
    expect(playlist.status).toBe(200)
    expect(playlist.headers.get('content-type')).toMatch(/mpegurl/)
    const text = await playlist.text()
    expect(text).toMatch(/^#EXTM3U/)
    const segment = text.split('\n').find((l) => l.endsWith('.ts'))!
    const ts = new Uint8Array(await (await fetch(`${on.url}${camera.stream!.url.replace('index.m3u8', segment)}`)).arrayBuffer())
    expect(ts.length).toBeGreaterThan(1000)
    // MPEG-TS packets of 188 bytes, each starting with the sync byte 0x47
    expect([ts[0], ts[188], ts[376]]).toEqual([0x47, 0x47, 0x47])
  })

  it('serves HTTP-FLV as a live stream that starts with an FLV header', { timeout: 30_000 }, async () => {
    const camera = cameras.find((c) => c.stream?.type === 'flv')!
    const controller = new AbortController()
    const res = await fetch(`${on.url}${camera.stream!.url}`, { signal: controller.signal })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const { value } = await reader.read()
    controller.abort()
    expect(new TextDecoder().decode(value!.slice(0, 3))).toBe('FLV')
  })

  it('refuses what is not a demo camera\'s stream, naming the field', async () => {
    const res = await fetch(`${on.url}/streams/no-such-camera/index.m3u8`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ field: 'id' })
    const hls = cameras.find((c) => c.stream?.type === 'hls')!
    const bad = await fetch(`${on.url}${hls.stream!.url.replace('index.m3u8', '..%2Fetc%2Fpasswd')}`)
    expect(bad.status).toBe(404)
  })

  it('without DEMO_VIDEO the stream paths are not served (the wall shows 无信号)', async () => {
    const camera = cameras.find((c) => c.stream?.type === 'hls')!
    const res = await fetch(`${off.url}${camera.stream!.url}`)
    expect(res.headers.get('content-type') ?? '').not.toMatch(/mpegurl/)
  })
})
