// Today's counts per CST hour as bars: 人员进出 and 车辆进出 in and out side by side, 绿地踩踏 alone.
// Hours after the present one are left off, so an empty afternoon is not read as a quiet one.
import type { EChartsOption } from 'echarts'
import { CHART_BASE, CHART_FONT_SIZE, TRACK_COLOR } from '../../panels/options/shared'
import { THEME } from '../../theme/palette'

export interface HourlySeries {
  name: string
  color: string
  values: readonly number[]
}

/** `splitNumber`: value-axis lines; a short chart gets 2 so its labels do not collide. */
export function buildHourlyBarsOption(series: readonly HourlySeries[], hourNow: number, splitNumber = 3): EChartsOption {
  const hours = Array.from({ length: 24 }, (_, h) => String(h))
  return {
    ...CHART_BASE,
    grid: { left: 4, right: 8, top: 12, bottom: 2, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: hours,
      axisLine: { lineStyle: { color: TRACK_COLOR } },
      axisTick: { show: false },
      axisLabel: { color: THEME.textDim, fontSize: CHART_FONT_SIZE, interval: 3 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber,
      splitLine: { lineStyle: { color: TRACK_COLOR } },
      axisLabel: { color: THEME.textDim, fontSize: CHART_FONT_SIZE },
    },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      barGap: '10%',
      barCategoryGap: '30%',
      itemStyle: { color: s.color, borderRadius: [2, 2, 0, 0] },
      data: s.values.map((v, h) => (h <= hourNow ? v : null)),
    })),
  }
}

/** The wall's colours for in and out (cyan in, amber out) and the lawn's green. */
export const FLOW_COLORS = { in: '#35d0ff', out: '#fbbf24', trampling: '#4ade80' } as const
