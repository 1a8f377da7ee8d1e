// The GB/T 30428.4 evaluation ratios, each kept as numerator and denominator so the wall can show
// both (a bare percentage hides how many cases it stands for).
import type { CaseKpis, EpochMs, Ratio } from '../contract/domain'
import { CASE_LOOP } from '../contract/domain'
import type { CaseRecord } from './case-book'

const FILED = CASE_LOOP.indexOf('filed')
const DISPATCHED = CASE_LOOP.indexOf('dispatched')

const ratio = (numerator = 0, denominator = 0): Ratio => ({ numerator, denominator })

/**
 * KPIs over the cases reported in [from, now]:
 * - 立案率: filed / (filed + cancelled), cases still awaiting a decision are left out;
 * - 应结案数: dispatched cases that are closed or whose 处置 deadline has passed;
 * - 结案率: closed / 应结案; 按期结案率: closed and handled by the first 处置 deadline / 应结案;
 * - 返工率: cases sent back at least once / cases that went through 核查 (verified or sent back).
 */
export function computeKpis(cases: Iterable<CaseRecord>, from: EpochMs, now: EpochMs): CaseKpis {
  const filingRate = ratio(), closureRate = ratio(), onTimeClosureRate = ratio(), reworkRate = ratio()
  for (const c of cases) {
    if (c.reportedAt < from || c.reportedAt > now) continue
    const filed = c.furthest >= FILED
    if (filed) filingRate.numerator++
    if (filed || c.step === 'cancelled') filingRate.denominator++

    const closed = c.step === 'closed'
    const dueForClosure = c.furthest >= DISPATCHED && (closed || (c.handleDueAt != null && c.handleDueAt < now))
    if (dueForClosure) {
      closureRate.denominator++
      onTimeClosureRate.denominator++
      if (closed) closureRate.numerator++
      if (closed && c.handledAt != null && c.handleDueAt != null && c.handledAt <= c.handleDueAt) onTimeClosureRate.numerator++
    }

    const checked = c.reworkCount > 0 || c.history.some((t) => t.action === 'verify')
    if (checked) reworkRate.denominator++
    if (c.reworkCount > 0) reworkRate.numerator++
  }
  return { filingRate, closureRate, onTimeClosureRate, reworkRate }
}

export function ratioPercent(r: Ratio): number | null {
  return r.denominator === 0 ? null : (r.numerator / r.denominator) * 100
}
