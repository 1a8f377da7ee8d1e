// Inspectors by status as a ring; the total and the legend are DOM text around it.
import type { EChartsOption } from 'echarts'
import type { InspectorStatus } from '../../../server/contract/domain'
import { STATUS_COLORS } from '../../theme/palette'
import { CHART_BASE, TRACK_COLOR } from './shared'

export const STATUS_ORDER: readonly InspectorStatus[] = ['online', 'stale', 'offline']

export type StatusCounts = Record<InspectorStatus, number>

export function totalOf(counts: StatusCounts | null | undefined): number | null {
  return counts ? STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0) : null
}

export function buildInspectorRingOption(
  counts: StatusCounts | null | undefined,
  labels: Record<InspectorStatus, string>,
): EChartsOption {
  // No data at all draws the empty circle (a grey track), rather than three equal slices.
  const data = counts && totalOf(counts) ? STATUS_ORDER.map((s) => ({
    name: labels[s],
    value: counts[s],
    itemStyle: { color: STATUS_COLORS[s] },
  })) : []
  return {
    ...CHART_BASE,
    series: [{
      type: 'pie',
      silent: true,
      radius: ['70%', '90%'],
      padAngle: 2,
      stillShowZeroSum: false,
      showEmptyCircle: true,
      emptyCircleStyle: { color: TRACK_COLOR },
      label: { show: false },
      labelLine: { show: false },
      data,
    }],
  }
}
