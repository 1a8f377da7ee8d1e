// 综合评价 over a period: every case reported in it is judged (case-judgements.ts), and each
// judgement is counted for the case's street, community and grid, its department and the people at
// the posts who acted. Each count keeps the case ids behind it, so a score drills to its cases.
import type { EpochMs } from '../contract/domain'
import type {
  EvaluationPeriod, EvaluationReport, IndicatorDrill, IndicatorId, IndicatorValue, Ranking, SubjectKind, SubjectScore,
} from '../contract/evaluation'
import { POST_KINDS } from '../contract/evaluation'
import { gridCodesUnder } from '../domain/area-scope'
import type { AreaTree } from '../domain/area-tree'
import type { CaseRecord } from '../domain/case-book'
import type { WorkingCalendar } from '../domain/working-calendar'
import { judgeCase } from './case-judgements'
import { ALL_INDICATOR_IDS } from './indicators'
import { gradeOf, rank, scoreOf } from './scoring'

export const SUBJECT_KINDS: readonly SubjectKind[] = ['street', 'community', 'grid', 'department', ...POST_KINDS]

/** The indicators each kind of subject is scored on (areas: all of them). */
export const SUBJECT_INDICATORS: Readonly<Record<SubjectKind, readonly IndicatorId[]>> = {
  street: ALL_INDICATOR_IDS, community: ALL_INDICATOR_IDS, grid: ALL_INDICATOR_IDS,
  department: ['onTimeHandle', 'closure', 'onTimeClosure', 'rework'],
  inspector: ['validReport', 'onTimeCheck'],
  acceptor: ['onTimeAccept', 'onTimeVerify', 'onTimeFile', 'onTimeClose'],
  dispatcher: ['onTimeDispatch'],
  handler: ['onTimeHandle', 'rework'],
}

export interface EvaluationInput {
  /** Any cases: those reported in [from, to] under the scope are taken. */
  cases: Iterable<CaseRecord>
  period: EvaluationPeriod
  from: EpochMs
  to: EpochMs
  calendar: WorkingCalendar
  tree: AreaTree
  /** An area code; the tree's root (the district) scores every case, placed or not. */
  scopeCode: string
  /** Inspectors' names by id. */
  inspectorNames: ReadonlyMap<number, string>
}

interface Count { numerator: string[]; denominator: string[] }

interface Subject { name: string; counts: Map<IndicatorId, Count>; cases: Set<string> }

export interface Evaluation {
  report: EvaluationReport
  /** The case ids behind one subject's indicators (all of them without `indicator`); null for an unknown subject. */
  drill(kind: IndicatorDrill['kind'], subject: string, indicator?: IndicatorId): IndicatorDrill | null
}

export function evaluate(input: EvaluationInput): Evaluation {
  const { tree, to } = input
  const rootCode = tree.all().find((a) => a.parentCode == null)?.code
  const wholeDistrict = input.scopeCode === rootCode
  const grids = gridCodesUnder(tree, input.scopeCode)
  const inspectorIdByName = new Map([...input.inspectorNames].map(([id, name]) => [name, id]))
  const subjects = new Map<SubjectKind, Map<string, Subject>>(SUBJECT_KINDS.map((k) => [k, new Map()]))
  const overall: Subject = { name: tree.get(input.scopeCode)?.name ?? input.scopeCode, counts: new Map(), cases: new Set() }

  const subjectOf = (kind: SubjectKind, id: string, name: string): Subject => {
    const byId = subjects.get(kind)!
    let s = byId.get(id)
    if (!s) byId.set(id, (s = { name, counts: new Map(), cases: new Set() }))
    return s
  }
  const count = (s: Subject, indicator: IndicatorId, caseId: string, hit: boolean) => {
    let c = s.counts.get(indicator)
    if (!c) s.counts.set(indicator, (c = { numerator: [], denominator: [] }))
    c.denominator.push(caseId)
    if (hit) c.numerator.push(caseId)
    s.cases.add(caseId)
  }

  for (const c of input.cases) {
    if (c.reportedAt < input.from || c.reportedAt > to) continue
    if (!wholeDistrict && !grids.has(c.gridCode)) continue
    const areas = tree.pathTo(c.gridCode).map((code) => tree.get(code)!).filter((a) => a.level !== 'district')
    for (const j of judgeCase(c, { now: to, calendar: input.calendar, inspectorIdByName })) {
      count(overall, j.indicator, c.id, j.hit)
      for (const area of areas) count(subjectOf(area.level as SubjectKind, area.code, area.name), j.indicator, c.id, j.hit)
      if (j.department && c.department) count(subjectOf('department', c.department, c.department), j.indicator, c.id, j.hit)
      for (const post of POST_KINDS) {
        const who = j.posts[post]
        if (!who) continue
        const name = post === 'inspector' && /^\d+$/.test(who) ? input.inspectorNames.get(Number(who)) ?? who : who
        count(subjectOf(post, who, name), j.indicator, c.id, j.hit)
      }
    }
  }

  const valuesOf = (s: Subject, ids: readonly IndicatorId[]): IndicatorValue[] => ids.map((id) => {
    const c = s.counts.get(id)
    const numerator = c?.numerator.length ?? 0, denominator = c?.denominator.length ?? 0
    return { id, numerator, denominator, value: denominator === 0 ? null : numerator / denominator }
  })
  const scoreSubject = (kind: SubjectKind, id: string, s: Subject): SubjectScore => {
    const indicators = valuesOf(s, SUBJECT_INDICATORS[kind])
    const score = scoreOf(indicators)
    return { kind, id, name: s.name, indicators, score, grade: gradeOf(score), rank: null, caseCount: s.cases.size }
  }

  const rankings = Object.fromEntries(SUBJECT_KINDS.map((kind) => {
    const scores = [...subjects.get(kind)!].map(([id, s]) => scoreSubject(kind, id, s))
    return [kind, rank(kind, scores)]
  })) as Record<SubjectKind, Ranking>
  const { name, indicators, score, grade, caseCount } = scoreSubject('grid', input.scopeCode, overall)
  const report: EvaluationReport = {
    at: to, period: input.period, from: input.from, to, scopeCode: input.scopeCode,
    overall: { id: input.scopeCode, name, indicators, score, grade, caseCount }, rankings,
  }

  return {
    report,
    drill(kind, subject, indicator) {
      const s = kind === 'overall' ? overall : subjects.get(kind)?.get(subject)
      if (!s) return null
      const ids = indicator ? [indicator] : kind === 'overall' ? ALL_INDICATOR_IDS : SUBJECT_INDICATORS[kind]
      return {
        kind, subject, period: input.period,
        items: valuesOf(s, ids).map((v) => ({
          ...v, numeratorCaseIds: [...(s.counts.get(v.id)?.numerator ?? [])], denominatorCaseIds: [...(s.counts.get(v.id)?.denominator ?? [])],
        })),
      }
    },
  }
}
