import { describe, expect, it } from 'vitest'
import { CHART_BASE, countOrDash } from '../../../../client/panels/options/shared'

describe('countOrDash', () => {
  it('shows a dash until the figure is known', () => {
    expect(countOrDash(null, 'zh-CN')).toBe('—')
    expect(countOrDash(undefined, 'en')).toBe('—')
  })

  it('formats known counts the wall way', () => {
    expect(countOrDash(0, 'zh-CN')).toBe('0')
    expect(countOrDash(123456, 'zh-CN')).toBe('12.3万')
    expect(countOrDash(1234, 'en')).toBe('1,234')
  })
})

describe('CHART_BASE', () => {
  it('keeps canvas text at least 14 px on a transparent background', () => {
    expect(CHART_BASE.backgroundColor).toBe('transparent')
    expect(CHART_BASE.textStyle.fontSize).toBeGreaterThanOrEqual(14)
  })
})
