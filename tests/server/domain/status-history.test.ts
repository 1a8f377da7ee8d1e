import { describe, expect, it } from 'vitest'
import { statusHistory } from '../../../server/domain/status-history'

const thresholds = { staleAfterMs: 60_000, offlineAfterMs: 300_000 }
const T = Date.parse('2026-11-30T00:00:00+08:00')
const s = (seconds: number) => T + seconds * 1000

describe("an inspector's status periods from the gaps in their history", () => {
  it('is online while fixes come often, then online → stale → offline across a long gap, and judges the tail up to now', () => {
    const fixes = [0, 10, 20, 80, 500, 510].map(s)
    expect(statusHistory(fixes, T, s(600), thresholds)).toEqual([
      { status: 'online', from: s(0), to: s(140) },     // the 60 s gap 20 → 80 is not a silence
      { status: 'stale', from: s(140), to: s(380) },
      { status: 'offline', from: s(380), to: s(500) },
      { status: 'online', from: s(500), to: s(570) },
      { status: 'stale', from: s(570), to: s(600) },
    ])
  })

  it('is offline before the first fix, and knows the status at `from` from a fix just before it', () => {
    expect(statusHistory([s(100)], T, s(130), thresholds)).toEqual([
      { status: 'offline', from: T, to: s(100) },
      { status: 'online', from: s(100), to: s(130) },
    ])
    expect(statusHistory([s(-100)], T, s(400), thresholds)).toEqual([
      { status: 'stale', from: T, to: s(200) },
      { status: 'offline', from: s(200), to: s(400) },
    ])
  })

  it('is one offline period without fixes, and ignores fixes after `to`', () => {
    expect(statusHistory([], T, s(3600), thresholds)).toEqual([{ status: 'offline', from: T, to: s(3600) }])
    expect(statusHistory([s(10), s(5000)], T, s(20), thresholds)).toEqual([
      { status: 'offline', from: T, to: s(10) },
      { status: 'online', from: s(10), to: s(20) },
    ])
  })

  it('covers [from, to] without gaps or overlaps', () => {
    let t = 0
    const fixes = Array.from({ length: 200 }, (_, i) => s((t += [10, 45, 70, 200, 400][i % 5])))
    const periods = statusHistory(fixes, T, s(12_000), thresholds)
    expect(periods[0].from).toBe(T)
    expect(periods.at(-1)!.to).toBe(s(12_000))
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i].from).toBe(periods[i - 1].to)
      expect(periods[i].status).not.toBe(periods[i - 1].status)
    }
  })
})
