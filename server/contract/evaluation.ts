// 综合评价 and the 12345 hotline's figures. Types and constants only (see README.md in this folder).
//
// HTTP routes (JSON; reads need the wall token when one is set; poll ~30 s, each answer carries `at`):
//   GET  /api/evaluation?period=today|month&scope=<code>      → EvaluationReport
//        (scope: district when absent; a street / community / grid code narrows every ranking to the cases under it)
//   GET  /api/evaluation/drill?period=&scope=&kind=&subject=&indicator=  → IndicatorDrill
//        (the exact case ids behind one indicator of one subject; kind is a SubjectKind, subject its id;
//         without indicator: every indicator of that subject)
//   GET  /api/evaluation/indicators                           → IndicatorDefinition[]
//   GET  /api/hotline?period=today|month&area=<code>          → HotlineFigures
//   POST /api/hotline/:caseId/follow-up                       → HotlineFollowUp (operator token, role supervision;
//        body HotlineFollowUpBody; the case must be a 12345 case, source 'hotline')
// Errors: { error: { code, message, field? } }; 400 names the field (period, scope, kind, subject, indicator …).
//
// Changes after the first commit are noted here, newest last.
//   19:35 EvaluationReport.overall has no kind or rank (the scope itself is not ranked); drill kind may be 'overall'.
//   12-03 POST /api/hotline/:caseId/follow-up: 400 firstContactAt when it is in the future (more than a minute ahead).
import type { EpochMs, Ratio } from './domain'
import type { SatisfactionLevel } from './party'

export type { SatisfactionLevel } from './party'

export type EvaluationPeriod = 'today' | 'month'

// ── Indicators ───────────────────────────────────────────────────────────────────────────────────

/**
 * The standard indicators of 数字城管 evaluation (GB/T 30428.4, CJ/T 292 style), each judged over the
 * cases reported in the period (see the README for every formula):
 *   validReport 有效上报率, onTimeAccept 按时受理率, onTimeVerify 按时核实率, onTimeFile 按时立案率,
 *   onTimeDispatch 按时派遣率, onTimeHandle 按期处置率, onTimeCheck 按时核查率, onTimeClose 按时结案率,
 *   closure 结案率, onTimeClosure 按期结案率, rework 返工率 (lower is better).
 */
export type IndicatorId =
  | 'validReport' | 'onTimeAccept' | 'onTimeVerify' | 'onTimeFile' | 'onTimeDispatch' | 'onTimeHandle'
  | 'onTimeCheck' | 'onTimeClose' | 'closure' | 'onTimeClosure' | 'rework'

export interface IndicatorDefinition {
  id: IndicatorId
  nameZh: string
  nameEn: string
  /** e.g. "按时受理数 / 应受理数". */
  formulaZh: string
  formulaEn: string
  /** false for 返工率: the score uses 1 − value. */
  higherIsBetter: boolean
  /** Weight in the score of a region (the posts' weights are in the README). */
  weight: number
}

export interface IndicatorValue extends Ratio {
  id: IndicatorId
  /** numerator / denominator in [0, 1]; null when the denominator is 0 (then it leaves the score). */
  value: number | null
}

// ── Subjects, scores, grades, rankings ───────────────────────────────────────────────────────────

/** What is scored: an area, a department (by the case's department), or a person at a post. */
export type SubjectKind = 'street' | 'community' | 'grid' | 'department' | 'inspector' | 'acceptor' | 'dispatcher' | 'handler'

/** 监督员/网格员 (inspector), 受理员 (acceptor), 派遣员 (dispatcher), 处置部门's handler (handler). */
export type PostKind = Extract<SubjectKind, 'inspector' | 'acceptor' | 'dispatcher' | 'handler'>

export const POST_KINDS: readonly PostKind[] = ['inspector', 'acceptor', 'dispatcher', 'handler']

/** A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, E < 60 (score out of 100). */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E'

export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [['A', 90], ['B', 80], ['C', 70], ['D', 60], ['E', 0]]

export interface SubjectScore {
  kind: SubjectKind
  /** Area code, department name, inspector id (as a string) or the actor's name. */
  id: string
  name: string
  indicators: IndicatorValue[]
  /** 0–100, one decimal; null when no indicator has a denominator. */
  score: number | null
  grade: Grade | null
  /** 1-based among the scored subjects of its ranking; null when unscored. */
  rank: number | null
  /** Distinct cases behind any of its indicators. */
  caseCount: number
}

export interface Ranking {
  kind: SubjectKind
  /** Scored subjects best first, then the unscored ones. */
  entries: SubjectScore[]
  /** 红榜: ids of the best (up to 3, grade A or B only). */
  redList: string[]
  /** 黑榜: ids of the worst (up to 3, grade D or E only). */
  blackList: string[]
}

export interface EvaluationReport {
  at: EpochMs
  period: EvaluationPeriod
  /** [from, to] of the period in domain time (CST day / month start → now). */
  from: EpochMs
  to: EpochMs
  scopeCode: string
  /** The scope itself, scored over all its cases on every indicator (no kind, no rank: it is the scope). */
  overall: Omit<SubjectScore, 'kind' | 'rank'>
  rankings: Record<SubjectKind, Ranking>
}

/** GET /api/evaluation/drill: what one score stands on. */
export interface IndicatorDrill {
  /** overall: the scope itself (subject is the scope code). */
  kind: SubjectKind | 'overall'
  subject: string
  period: EvaluationPeriod
  items: Array<IndicatorValue & { numeratorCaseIds: string[]; denominatorCaseIds: string[] }>
}

// ── 12345 ────────────────────────────────────────────────────────────────────────────────────────

/** A 12345 case's follow-up facts, kept beside the case (table hotline_follow_ups). */
export interface HotlineFollowUp {
  caseId: string
  /** 先行联系: when the handler first called the citizen back; null not yet. */
  firstContactAt: EpochMs | null
  /** 实际解决: the citizen says the problem is really solved (回访); null not asked yet. */
  resolved: boolean | null
  /** 满意度 from the 回访; null not asked yet. */
  satisfaction: SatisfactionLevel | null
  updatedAt: EpochMs
}

export interface HotlineFollowUpBody {
  /** Epoch ms or ISO 8601 date-time. */
  firstContactAt?: EpochMs | string
  resolved?: boolean
  satisfaction?: SatisfactionLevel
}

/** 先行联系 counts when the citizen was called back within this many minutes of the report. */
export const FIRST_CONTACT_LIMIT_MINUTES = 120

export interface HotlineFigures {
  at: EpochMs
  period: EvaluationPeriod
  areaCode: string
  /** 受理: 12345 cases reported in the period and not cancelled. */
  received: number
  /** 在办: of those, still open. */
  inProgress: number
  /** 办结: of those, closed. */
  completed: number
  /** 先行联系率 = 限时内先行联系数 / 受理数中已联系或已超过时限的 (a case still within its 120 minutes is not judged yet). */
  firstContactRate: Ratio
  /** 实际解决率 = 回访认定已解决数 / 已回访解决情况的办结数. */
  resolutionRate: Ratio
  /** 满意率 = Σ weight(satisfaction) / 已评价的办结数 (weights: SATISFACTION_WEIGHTS); numerator may be fractional. */
  satisfactionRate: Ratio
  /** By level, of the completed cases rated. */
  satisfactionCounts: Record<SatisfactionLevel, number>
  /** The newest 12345 cases of the area (ids, newest first, at most 10): the feed draws them from the snapshot. */
  recentCaseIds: string[]
}
