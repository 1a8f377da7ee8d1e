import type { BarSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import type { CategoryCount } from '../../../../server/contract/domain'
import { buildCategoryOption, KIND_COLORS, topCategories } from '../../../../client/panels/options/category'

const labels = { kind: { component: '部件', event: '事件' } }

const rows: CategoryCount[] = [
  { kind: 'component', major: '公用设施', count: 12 },
  { kind: 'event', major: '市容环境', count: 80 },
  { kind: 'event', major: '街面秩序', count: 31 },
  ...Array.from({ length: 8 }, (_, i) => ({ kind: 'component' as const, major: `其他${i}`, count: i })),
]

describe('topCategories', () => {
  it('keeps the 8 largest, largest first, labelled kind·major', () => {
    const top = topCategories(rows, labels)
    expect(top).toHaveLength(8)
    expect(top.slice(0, 3).map((r) => r.name)).toEqual(['事件·市容环境', '事件·街面秩序', '部件·公用设施'])
    expect(top.map((r) => r.value)).toEqual([80, 31, 12, 7, 6, 5, 4, 3])
  })
})

describe('buildCategoryOption', () => {
  it('draws horizontal bars, top row first, coloured by kind', () => {
    const option = buildCategoryOption(rows, labels)
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true })
    const series = (option.series as BarSeriesOption[])[0]
    const colours = (series.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color)
    expect(colours.slice(0, 3)).toEqual([KIND_COLORS.event, KIND_COLORS.event, KIND_COLORS.component])
    expect(KIND_COLORS.event).not.toBe(KIND_COLORS.component)
  })

  it('keeps axis and value labels at least 14 px', () => {
    const option = buildCategoryOption(rows, labels)
    const series = (option.series as BarSeriesOption[])[0]
    expect((option.yAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBeGreaterThanOrEqual(14)
    expect((series.label as { fontSize: number }).fontSize).toBeGreaterThanOrEqual(14)
  })

  it('draws no bars before the first snapshot', () => {
    const option = buildCategoryOption([], labels)
    expect((option.series as BarSeriesOption[])[0].data).toEqual([])
  })
})
