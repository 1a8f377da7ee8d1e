import { describe, expect, it } from 'vitest'
import { percentParts, ratioText, scoreText } from '../../../client/boards/board-format'

describe('board figures', () => {
  it('writes a ratio with its exact counts, a weighted numerator to two decimals', () => {
    expect(ratioText({ numerator: 228, denominator: 230 })).toBe('228 / 230')
    expect(ratioText({ numerator: 12345, denominator: 20000 })).toBe('12345 / 20000')
    // 满意 ×30 + 基本满意 ×8 (0.8) + 一般 ×3 (0.6) = 38.2 of 43 rated
    expect(ratioText({ numerator: 30 + 8 * 0.8 + 3 * 0.6, denominator: 43 })).toBe('38.2 / 43')
    expect(ratioText(null)).toBe('— / —')
  })

  it('splits a percentage into its number and sign, and has none for 0 / 0', () => {
    expect(percentParts({ numerator: 228, denominator: 230 })).toEqual({ value: '99.1', sign: '%' })
    expect(percentParts({ numerator: 0, denominator: 0 })).toEqual({ value: '—', sign: '' })
    expect(percentParts(undefined)).toEqual({ value: '—', sign: '' })
  })

  it('writes scores to one decimal', () => {
    expect(scoreText(92.345)).toBe('92.3')
    expect(scoreText(100)).toBe('100.0')
    expect(scoreText(null)).toBe('—')
    expect(scoreText(Number.NaN)).toBe('—')
  })
})
