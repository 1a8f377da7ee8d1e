// A subject's score from its indicators: the weighted mean of the indicators that have cases (返工率
// counted as 1 − value), out of 100; the grade from GRADE_THRESHOLDS; red and black lists.
import type { Grade, IndicatorValue, Ranking, SubjectKind, SubjectScore } from '../contract/evaluation'
import { GRADE_THRESHOLDS } from '../contract/evaluation'
import { INDICATOR_BY_ID } from './indicators'

/** 0–100 with one decimal, or null when no indicator has a denominator. */
export function scoreOf(indicators: readonly IndicatorValue[]): number | null {
  let weighted = 0, weights = 0
  for (const v of indicators) {
    if (v.value == null) continue
    const def = INDICATOR_BY_ID.get(v.id)!
    weighted += def.weight * (def.higherIsBetter ? v.value : 1 - v.value)
    weights += def.weight
  }
  return weights === 0 ? null : Math.round((weighted / weights) * 1000) / 10
}

/** A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else E. */
export function gradeOf(score: number | null): Grade | null {
  if (score == null) return null
  for (const [grade, min] of GRADE_THRESHOLDS) if (score >= min) return grade
  return 'E'
}

export const LIST_LENGTH = 3

/** Best first (ties: more cases first, then by id); unscored last. Ranks and the red/black lists. */
export function rank(kind: SubjectKind, scores: SubjectScore[]): Ranking {
  const scored = scores.filter((s) => s.score != null)
    .sort((a, b) => b.score! - a.score! || b.caseCount - a.caseCount || (a.id < b.id ? -1 : 1))
  const unscored = scores.filter((s) => s.score == null).sort((a, b) => (a.id < b.id ? -1 : 1))
  scored.forEach((s, i) => { s.rank = i + 1 })
  for (const s of unscored) s.rank = null
  const redList = scored.filter((s) => s.grade === 'A' || s.grade === 'B').slice(0, LIST_LENGTH).map((s) => s.id)
  const blackList = [...scored].reverse().filter((s) => (s.grade === 'D' || s.grade === 'E') && !redList.includes(s.id))
    .slice(0, LIST_LENGTH).map((s) => s.id)
  return { kind, entries: [...scored, ...unscored], redList, blackList }
}
