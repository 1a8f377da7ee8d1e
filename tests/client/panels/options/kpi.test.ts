import type { GaugeSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { buildKpiRingOption, KPI_COLORS, KPI_KEYS, ratioPercent } from '../../../../client/panels/options/kpi'

function gauge(option: ReturnType<typeof buildKpiRingOption>): GaugeSeriesOption {
  return (option.series as GaugeSeriesOption[])[0]
}

describe('ratioPercent', () => {
  it('turns a ratio into 0–100', () => {
    expect(ratioPercent({ numerator: 911, denominator: 972 })).toBeCloseTo(93.724, 2)
  })

  it('is 0 when there is nothing to divide by or no data yet', () => {
    expect(ratioPercent({ numerator: 0, denominator: 0 })).toBe(0)
    expect(ratioPercent(null)).toBe(0)
  })

  it('never overfills the ring', () => {
    expect(ratioPercent({ numerator: 5, denominator: 4 })).toBe(100)
  })
})

describe('buildKpiRingOption', () => {
  it('draws one full-circle gauge with the percentage as its value', () => {
    const series = gauge(buildKpiRingOption({ numerator: 1, denominator: 4 }, '#35d0ff'))
    expect(series.type).toBe('gauge')
    expect(series.startAngle! - series.endAngle!).toBe(360)
    expect(series.data).toEqual([{ value: 25 }])
    expect(series.progress).toMatchObject({ show: true, itemStyle: { color: '#35d0ff' } })
  })

  it('draws only the track before the first snapshot (no round-cap dot at 0%)', () => {
    const series = gauge(buildKpiRingOption(undefined, '#fff'))
    expect(series.data).toEqual([{ value: 0 }])
    // The progress bar stays (toggling it breaks ECharts' gauge update); it just has no round cap.
    expect(series.progress).toMatchObject({ show: true, roundCap: false })
  })

  it('has a transparent background and a colour for every KPI', () => {
    expect(buildKpiRingOption(null, '#fff').backgroundColor).toBe('transparent')
    for (const key of KPI_KEYS) expect(KPI_COLORS[key]).toMatch(/^#/)
  })
})
