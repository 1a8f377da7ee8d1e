// Today's cumulative reports against the 7-day mean, by CST hour of day.
import type { EChartsOption } from 'echarts'
import { THEME } from '../../theme/palette'
import { CHART_BASE, CHART_FONT_SIZE, countOrDash, TRACK_COLOR } from './shared'

const CST_OFFSET_MS = 8 * 3600_000

/** Hour of day 0–23 in China Standard Time. */
export function cstHour(at: number): number {
  return new Date(at + CST_OFFSET_MS).getUTCHours()
}

export interface TrendSummary {
  today: number
  mean: number
  /** Percent above (+) or below (−) the mean; null when the mean is 0. */
  deltaPercent: number | null
}

/** Today so far against the mean of the previous 7 days up to the same hour. */
export function summarizeTrend(hourlyToday: readonly number[], hourlyWeekMean: readonly number[], hour: number): TrendSummary {
  const today = hourlyToday[hour] ?? 0
  const mean = hourlyWeekMean[hour] ?? 0
  return { today, mean, deltaPercent: mean > 0 ? ((today - mean) / mean) * 100 : null }
}

/** The 7-day mean so far as the panel prints it: a small mean keeps one decimal ("0" beside "↓ 100%" reads as a wrong sum, "0.3" does not). */
export function formatTrendMean(mean: number, locale: string): string {
  return mean > 0 && mean < 10 && !Number.isInteger(mean) ? mean.toFixed(1) : countOrDash(Math.round(mean), locale)
}

export interface TrendLabels {
  today: string
  weekMean: string
}

export function buildTrendOption(
  hourlyToday: readonly number[],
  hourlyWeekMean: readonly number[],
  hour: number,
  labels: TrendLabels,
): EChartsOption {
  const hours = Array.from({ length: 24 }, (_, h) => `${h}:00`)
  return {
    ...CHART_BASE,
    grid: { left: 4, right: 12, top: 10, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: hours,
      axisLine: { lineStyle: { color: TRACK_COLOR } },
      axisTick: { show: false },
      axisLabel: { color: THEME.textDim, fontSize: CHART_FONT_SIZE, interval: 5 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      splitLine: { lineStyle: { color: TRACK_COLOR } },
      axisLabel: { color: THEME.textDim, fontSize: CHART_FONT_SIZE },
    },
    series: [
      {
        name: labels.weekMean, type: 'line', silent: true, showSymbol: false,
        lineStyle: { width: 2, type: 'dashed', color: THEME.textDim, opacity: 0.7 },
        data: [...hourlyWeekMean],
      },
      {
        // Hours still to come are left out, not drawn flat at today's total.
        name: labels.today, type: 'line', silent: true, showSymbol: false,
        lineStyle: { width: 3, color: THEME.accent },
        areaStyle: { color: THEME.accent, opacity: 0.12 },
        data: hourlyToday.slice(0, hour + 1),
      },
    ],
  }
}
