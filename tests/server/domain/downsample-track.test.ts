import { describe, expect, it } from 'vitest'
import type { TrackPoint } from '../../../server/contract/detail'
import { DAY_MS } from '../../../server/domain/china-time'
import { downsampleTrack, toleranceForRange } from '../../../server/domain/downsample-track'

const ORIGIN = [119.35, 26.07] as const
const M_PER_DEG_LAT = 110_574
const mPerDegLng = 111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)
const T0 = Date.parse('2026-11-30T09:00:00+08:00')

const at = (east: number, north: number, t: number): TrackPoint => [ORIGIN[0] + east / mPerDegLng, ORIGIN[1] + north / M_PER_DEG_LAT, t]

/** Walks from corner to corner in steps of `step` metres, one fix every 5 s. */
function walk(corners: [number, number][], step = 5): { track: TrackPoint[]; cornerIndices: number[] } {
  const track: TrackPoint[] = [at(...corners[0], T0)]
  const cornerIndices = [0]
  for (let c = 1; c < corners.length; c++) {
    const [x0, y0] = corners[c - 1], [x1, y1] = corners[c]
    const n = Math.round(Math.hypot(x1 - x0, y1 - y0) / step)
    for (let i = 1; i <= n; i++) track.push(at(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, T0 + track.length * 5_000))
    cornerIndices.push(track.length - 1)
  }
  return { track, cornerIndices }
}

const ascending = (track: TrackPoint[]) => track.every((p, i) => i === 0 || p[2] > track[i - 1][2])

describe('down-sampling a track for replay', () => {
  it('keeps every corner of a zig-zag and both endpoints, and drops the straight stretches', () => {
    const corners: [number, number][] = Array.from({ length: 21 }, (_, i) => [i * 60, i % 2 === 0 ? 0 : 40])
    const { track, cornerIndices } = walk(corners)
    const kept = downsampleTrack(track, toleranceForRange(DAY_MS))
    expect(kept).toEqual(cornerIndices.map((i) => track[i]))
    expect(ascending(kept)).toBe(true)
  })

  it('reduces a straight line of 1,000 points to its two ends', () => {
    const track = Array.from({ length: 1000 }, (_, i) => at(i * 1.3, i * 0.4, T0 + i * 5_000))
    expect(downsampleTrack(track, 2)).toEqual([track[0], track[999]])
  })

  it('keeps both ends of a pause and of a silence, so a replay does not glide through them', () => {
    const before = Array.from({ length: 20 }, (_, i) => at(i * 5, 0, T0 + i * 5_000))
    const pause = Array.from({ length: 12 }, (_, i) => at(100, 0, T0 + 100_000 + i * 15_000))   // 165 s standing still
    const after = Array.from({ length: 20 }, (_, i) => at(105 + i * 5, 0, T0 + 270_000 + i * 5_000))
    const silent = at(300, 0, T0 + 900_000)                                                    // 8 min without a fix
    const track = [...before, ...pause, ...after, silent]
    expect(downsampleTrack(track, 2)).toEqual([track[0], pause[0], pause[11], after[19], silent])
  })

  it('raises the tolerance until a long noisy track fits the cap, timestamps preserved and ascending', () => {
    let seed = 42
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const track = Array.from({ length: 20_000 }, (_, i) => at(i * 2 + random() * 30, random() * 30, T0 + i * 4_000))
    const kept = downsampleTrack(track, 2, 5_000)
    expect(kept.length).toBeLessThanOrEqual(5_000)
    expect(kept.length).toBeGreaterThan(100)
    expect(kept[0]).toBe(track[0])
    expect(kept.at(-1)).toBe(track.at(-1))
    expect(ascending(kept)).toBe(true)
    const original = new Set(track)
    expect(kept.every((p) => original.has(p))).toBe(true)
  })

  it('chooses about 2 m for a day, finer for an hour, coarser for two days', () => {
    expect(toleranceForRange(DAY_MS)).toBe(2)
    expect(toleranceForRange(DAY_MS / 24)).toBe(0.5)
    expect(toleranceForRange(2 * DAY_MS)).toBe(4)
    expect(downsampleTrack([], 2)).toEqual([])
  })
})
