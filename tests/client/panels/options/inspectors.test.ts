import type { PieSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { buildInspectorRingOption, totalOf } from '../../../../client/panels/options/inspectors'
import { STATUS_COLORS } from '../../../../client/theme/palette'

const labels = { online: '在线', stale: '信号弱', offline: '离线' }

function pie(counts: Parameters<typeof buildInspectorRingOption>[0]): PieSeriesOption {
  return (buildInspectorRingOption(counts, labels).series as PieSeriesOption[])[0]
}

describe('totalOf', () => {
  it('adds the three statuses', () => {
    expect(totalOf({ online: 40, stale: 3, offline: 7 })).toBe(50)
  })

  it('is null before the first snapshot', () => {
    expect(totalOf(null)).toBeNull()
  })
})

describe('buildInspectorRingOption', () => {
  it('draws a ring slice per status in the status colours, online first', () => {
    const series = pie({ online: 40, stale: 3, offline: 7 })
    expect(series.type).toBe('pie')
    expect(series.radius).toHaveLength(2)
    expect(series.data).toEqual([
      { name: '在线', value: 40, itemStyle: { color: STATUS_COLORS.online } },
      { name: '信号弱', value: 3, itemStyle: { color: STATUS_COLORS.stale } },
      { name: '离线', value: 7, itemStyle: { color: STATUS_COLORS.offline } },
    ])
  })

  it('shows the empty track, not equal slices, when there is no one to count', () => {
    for (const counts of [null, { online: 0, stale: 0, offline: 0 }]) {
      const series = pie(counts)
      expect(series.showEmptyCircle).toBe(true)
      expect(series.data).toEqual([])
    }
  })
})
