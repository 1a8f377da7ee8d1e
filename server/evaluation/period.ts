// The evaluation periods in China Standard Time: today (from 00:00) and this month (from the 1st).
import type { EpochMs } from '../contract/domain'
import type { EvaluationPeriod } from '../contract/evaluation'
import { CST_OFFSET_MS, cstDayStart } from '../domain/china-time'

export const EVALUATION_PERIODS: readonly EvaluationPeriod[] = ['today', 'month']

export function periodRange(period: EvaluationPeriod, now: EpochMs): { from: EpochMs; to: EpochMs } {
  if (period === 'today') return { from: cstDayStart(now), to: now }
  const local = new Date(now + CST_OFFSET_MS)
  return { from: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CST_OFFSET_MS, to: now }
}

export function isEvaluationPeriod(value: unknown): value is EvaluationPeriod {
  return typeof value === 'string' && (EVALUATION_PERIODS as readonly string[]).includes(value)
}
