// The evaluation periods in China Standard Time, whatever the server's own time zone.
import { describe, expect, it } from 'vitest'
import { isEvaluationPeriod, periodRange } from '../../../server/evaluation/period'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)

describe('evaluation periods (CST)', () => {
  it('today runs from 00:00 CST to now; month from the 1st at 00:00 CST', () => {
    const now = cst('2026-12-03T15:20:00')
    expect(periodRange('today', now)).toEqual({ from: cst('2026-12-03T00:00:00'), to: now })
    expect(periodRange('month', now)).toEqual({ from: cst('2026-12-01T00:00:00'), to: now })
  })

  it('takes the CST date, not the UTC one, just after midnight CST (still the day before in UTC)', () => {
    // 2026-12-01 00:30 CST is 2026-11-30 16:30 UTC: already December and a new day in Fuzhou.
    const now = cst('2026-12-01T00:30:00')
    expect(periodRange('today', now).from).toBe(cst('2026-12-01T00:00:00'))
    expect(periodRange('month', now).from).toBe(cst('2026-12-01T00:00:00'))
  })

  it('knows today and month only', () => {
    expect(['today', 'month', 'year', '', null].map(isEvaluationPeriod)).toEqual([true, true, false, false, false])
  })
})
