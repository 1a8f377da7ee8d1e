// One KPI as a progress ring (ECharts gauge). The percentage itself is DOM text over the ring: it
// stays sharp when the wall is scaled and can show '—' before the first snapshot.
import type { EChartsOption } from 'echarts'
import type { CaseKpis, Ratio } from '../../../server/contract/domain'
import { DEADLINE_COLORS, THEME } from '../../theme/palette'
import { CHART_BASE, TRACK_COLOR } from './shared'

export type KpiKey = keyof CaseKpis

export const KPI_KEYS: readonly KpiKey[] = ['filingRate', 'closureRate', 'onTimeClosureRate', 'reworkRate']

/** Rework is the one KPI where lower is better, so it gets the warning colour. */
export const KPI_COLORS: Record<KpiKey, string> = {
  filingRate: THEME.accent,
  closureRate: THEME.accent,
  onTimeClosureRate: THEME.accent,
  reworkRate: DEADLINE_COLORS.dueSoon,
}

/** 0–100, or 0 when there is nothing to divide by (the ring then shows only its track). */
export function ratioPercent(ratio: Ratio | null | undefined): number {
  if (!ratio || ratio.denominator <= 0) return 0
  return Math.min(100, Math.max(0, (ratio.numerator / ratio.denominator) * 100))
}

export function buildKpiRingOption(ratio: Ratio | null | undefined, color: string): EChartsOption {
  const ringWidth = 8
  const percent = ratioPercent(ratio)
  return {
    ...CHART_BASE,
    series: [{
      type: 'gauge',
      silent: true,
      startAngle: 90,
      endAngle: -270,
      min: 0,
      max: 100,
      radius: '92%',
      pointer: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      title: { show: false },
      detail: { show: false },
      axisLine: { lineStyle: { width: ringWidth, color: [[1, TRACK_COLOR]] } },
      // Keep the series' shape constant between updates: toggling progress.show on a live gauge makes
      // ECharts 6 throw in GaugeView._renderPointer. A round cap would draw a dot at 0%, so it goes.
      progress: { show: true, width: ringWidth, roundCap: percent > 0, itemStyle: { color } },
      data: [{ value: percent }],
    }],
  }
}
