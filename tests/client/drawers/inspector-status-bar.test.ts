import { describe, expect, it } from 'vitest'
import { buildStatusSegments, cstDayStart, dayPercent, DAY_MS, HOUR_TICKS } from '../../../client/drawers/inspector-status-bar'

const HOUR = 3600_000
// 00:00 CST on 6 May 2025 is 16:00 UTC on 5 May.
const DAY = Date.UTC(2025, 4, 5, 16)

describe('cstDayStart', () => {
  it('is 00:00 China Standard Time of the day', () => {
    expect(cstDayStart(DAY)).toBe(DAY)
    expect(cstDayStart(DAY + 23 * HOUR + 59 * 60_000)).toBe(DAY)
    expect(cstDayStart(DAY - 1)).toBe(DAY - DAY_MS)
  })
})

describe('buildStatusSegments', () => {
  it('places each period by percent of the day', () => {
    const segments = buildStatusSegments([
      { status: 'offline', from: DAY, to: DAY + 6 * HOUR },
      { status: 'online', from: DAY + 6 * HOUR, to: DAY + 12 * HOUR },
      { status: 'stale', from: DAY + 12 * HOUR, to: DAY + 12.5 * HOUR },
    ], DAY)
    expect(segments.map((s) => s.status)).toEqual(['offline', 'online', 'stale'])
    expect(segments[0]).toEqual({ status: 'offline', left: 0, width: 25 })
    expect(segments[1]).toEqual({ status: 'online', left: 25, width: 25 })
    expect(segments[2].left).toBeCloseTo(50)
    expect(segments[2].width).toBeCloseTo(100 / 48)
  })

  it('clips periods to the day and drops those outside it or empty', () => {
    const segments = buildStatusSegments([
      { status: 'offline', from: DAY - 5 * HOUR, to: DAY + 2 * HOUR },
      { status: 'online', from: DAY + 20 * HOUR, to: DAY + 30 * HOUR },
      { status: 'stale', from: DAY + 31 * HOUR, to: DAY + 32 * HOUR },
      { status: 'stale', from: DAY + 3 * HOUR, to: DAY + 3 * HOUR },
    ], DAY)
    expect(segments).toHaveLength(2)
    expect(segments[0]).toMatchObject({ status: 'offline', left: 0 })
    expect(segments[0].width).toBeCloseTo(100 / 12)
    expect(segments[1].left + segments[1].width).toBeCloseTo(100)
  })

  it('leaves the bar blank without history', () => {
    expect(buildStatusSegments([], DAY)).toEqual([])
  })
})

describe('dayPercent', () => {
  it('maps the ticks and clamps outside the day', () => {
    expect(HOUR_TICKS.map((h) => dayPercent(DAY + h * HOUR, DAY))).toEqual([0, 25, 50, 75, 100])
    expect(dayPercent(DAY - HOUR, DAY)).toBe(0)
    expect(dayPercent(DAY + 25 * HOUR, DAY)).toBe(100)
  })
})
