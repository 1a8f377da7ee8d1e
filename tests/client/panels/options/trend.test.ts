import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { buildTrendOption, cstHour, formatTrendMean, summarizeTrend } from '../../../../client/panels/options/trend'

const labels = { today: '今日累计', weekMean: '近7日平均' }
const today = Array.from({ length: 24 }, (_, h) => (h + 1) * 10)
const mean = Array.from({ length: 24 }, (_, h) => (h + 1) * 8)

describe('cstHour', () => {
  it('reads the hour in China Standard Time, whatever the machine zone', () => {
    expect(cstHour(Date.UTC(2025, 5, 1, 16, 30))).toBe(0)
    expect(cstHour(Date.UTC(2025, 5, 1, 1, 59))).toBe(9)
  })
})

describe('summarizeTrend', () => {
  it('compares today so far with the mean up to the same hour', () => {
    expect(summarizeTrend(today, mean, 9)).toEqual({ today: 100, mean: 80, deltaPercent: 25 })
  })

  it('gives no percentage when the mean is 0', () => {
    expect(summarizeTrend([3], [0], 0).deltaPercent).toBeNull()
  })

  it('reads 0 for hours it has no data for', () => {
    expect(summarizeTrend([], [], 5)).toEqual({ today: 0, mean: 0, deltaPercent: null })
  })
})

describe('formatTrendMean', () => {
  it('keeps one decimal of a small mean, and counts a large one', () => {
    expect(formatTrendMean(0.29, 'zh-CN')).toBe('0.3')
    expect(formatTrendMean(3, 'zh-CN')).toBe('3')
    expect(formatTrendMean(0, 'zh-CN')).toBe('0')
    expect(formatTrendMean(1234.6, 'zh-CN')).toBe('1,235')
  })
})

describe('buildTrendOption', () => {
  it('cuts today off after the current hour and keeps the whole mean day', () => {
    const series = buildTrendOption(today, mean, 9, labels).series as LineSeriesOption[]
    const byName = Object.fromEntries(series.map((s) => [s.name, s]))
    expect(byName['今日累计'].data).toEqual(today.slice(0, 10))
    expect(byName['近7日平均'].data).toHaveLength(24)
    expect(byName['近7日平均'].lineStyle).toMatchObject({ type: 'dashed' })
  })

  it('labels 24 hours on the x axis', () => {
    const option = buildTrendOption([], [], 0, labels)
    expect((option.xAxis as { data: string[] }).data).toHaveLength(24)
  })
})
