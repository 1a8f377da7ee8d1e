// How the boards write their figures: a ratio always with its numerator and denominator, a score
// with one decimal, a grade in the colour the 考核 boards use (A green … E red).
import type { Ratio } from '../../server/contract/domain'
import { formatPercent } from '../format'

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const
export type Grade = (typeof GRADES)[number]

export const GRADE_COLORS: Record<Grade, string> = {
  A: '#4ade80',
  B: '#35d0ff',
  C: '#facc15',
  D: '#fb923c',
  E: '#ef4444',
}

/**
 * "228 / 230": the exact counts a rate is checked against (never 万-rounded), or "— / —". A weighted
 * numerator (满意率: 满意 1, 基本满意 0.8, 一般 0.6) keeps up to two decimals: "40.4 / 43".
 */
export function ratioText(r: Ratio | null | undefined): string {
  if (!r) return '— / —'
  return `${Math.round(r.numerator * 100) / 100} / ${r.denominator}`
}

/** "99.1" and "%" apart, so the number can be large and the sign small; "—" with no sign when there is nothing to divide by. */
export function percentParts(r: Ratio | null | undefined): { value: string; sign: string } {
  const text = r ? formatPercent(r) : '—'
  return text.endsWith('%') ? { value: text.slice(0, -1), sign: '%' } : { value: text, sign: '' }
}

/** A score out of 100 with one decimal; "—" when the subject has nothing to score yet. */
export function scoreText(score: number | null | undefined): string {
  return score == null || !Number.isFinite(score) ? '—' : score.toFixed(1)
}
