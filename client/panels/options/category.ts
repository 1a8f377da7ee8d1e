// Reports by major class, largest first: a horizontal bar chart, 部件 and 事件 in two colours.
import type { EChartsOption } from 'echarts'
import type { CaseKind, CategoryCount } from '../../../server/contract/domain'
import { STEP_COLORS, THEME } from '../../theme/palette'
import { CHART_BASE, CHART_FONT_SIZE } from './shared'

export const CATEGORY_TOP_N = 8

/** Events are most of the work, so they get the wall's accent; components a distinct violet. */
export const KIND_COLORS: Record<CaseKind, string> = {
  event: THEME.accent,
  component: STEP_COLORS.filed,
}

export interface CategoryLabels {
  kind: Record<CaseKind, string>
  /** The 大类 as shown in the wall's language (identity in Chinese). */
  major?: (major: string) => string
}

/** The top rows, largest first, labelled "事件·市容环境". */
export function topCategories(rows: readonly CategoryCount[], labels: CategoryLabels, n = CATEGORY_TOP_N) {
  return [...rows]
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((r) => ({ name: `${labels.kind[r.kind]}·${labels.major ? labels.major(r.major) : r.major}`, value: r.count, kind: r.kind }))
}

export function buildCategoryOption(rows: readonly CategoryCount[], labels: CategoryLabels): EChartsOption {
  const top = topCategories(rows, labels)
  return {
    ...CHART_BASE,
    grid: { left: 0, right: 48, top: 0, bottom: 0, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((r) => r.name),
      axisLine: { show: false },
      axisTick: { show: false },
      // Every row labelled, even when rows are close together.
      axisLabel: { color: THEME.text, fontSize: CHART_FONT_SIZE, interval: 0 },
    },
    series: [{
      type: 'bar',
      silent: true,
      barMaxWidth: 12,
      showBackground: true,
      backgroundStyle: { color: 'rgba(53, 208, 255, 0.06)' },
      label: { show: true, position: 'right', color: THEME.text, fontSize: CHART_FONT_SIZE },
      data: top.map((r) => ({ value: r.value, itemStyle: { color: KIND_COLORS[r.kind], borderRadius: [0, 3, 3, 0] } })),
    }],
  }
}
