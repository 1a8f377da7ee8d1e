// What the ranking board lists from an EvaluationReport: the areas one level below the focus, the
// departments, the four posts; each row marked 红榜 / 黑榜 as the server listed it. Pure.
import type { AreaLevel } from '../../server/contract/domain'
import type { EvaluationReport, IndicatorDefinition, IndicatorId, IndicatorValue, PostKind, Ranking, SubjectKind, SubjectScore } from '../../server/contract/evaluation'
import { POST_KINDS } from '../../server/contract/evaluation'

export type ListMark = 'red' | 'black' | null

export interface RankingRow extends SubjectScore {
  mark: ListMark
}

/**
 * The area levels the board ranks at a focus: the level below it, and the one below that while there
 * is one (the demo district has 2 streets: its 14 communities fill the rest of the panel).
 */
export function regionKindsBelow(level: AreaLevel | undefined): Extract<SubjectKind, 'street' | 'community' | 'grid'>[] {
  if (level === 'street') return ['community', 'grid']
  if (level === 'community' || level === 'grid') return ['grid']
  return ['street', 'community']
}

/** The region sections at a focus within `maxRows` rows: the upper level whole (as far as it fits), the lower one in the rows left. */
export function regionSections(report: EvaluationReport | null, level: AreaLevel | undefined, maxRows: number): { kind: SubjectKind; rows: RankingRow[] }[] {
  if (!report) return []
  let left = maxRows
  const out: { kind: SubjectKind; rows: RankingRow[] }[] = []
  for (const kind of regionKindsBelow(level)) {
    const rows = rankingRows(report.rankings[kind], left)
    if (rows.length === 0) continue
    out.push({ kind, rows })
    // A section's heading takes about a row.
    left -= rows.length + 1
    if (left <= 1) break
  }
  return out
}

/** A ranking's rows in the server's order (best first, unscored last), at most `limit`, with their list marks. */
export function rankingRows(ranking: Ranking | undefined, limit = Infinity): RankingRow[] {
  if (!ranking) return []
  const red = new Set(ranking.redList)
  const black = new Set(ranking.blackList)
  return ranking.entries.slice(0, limit).map((e) => ({ ...e, mark: red.has(e.id) ? 'red' : black.has(e.id) ? 'black' : null }))
}

/** The four posts, each with its rows; a post with nobody scored in this scope is left out. */
export function postSections(report: EvaluationReport | null, perPost: number): { kind: PostKind; rows: RankingRow[] }[] {
  if (!report) return []
  return POST_KINDS.map((kind) => ({ kind, rows: rankingRows(report.rankings[kind], perPost) })).filter((s) => s.rows.length > 0)
}

/** The indicators that count (a denominator above 0), in the server's order: the ones a hover or a drill shows. */
export function countedIndicators<T extends IndicatorValue>(indicators: readonly T[]): T[] {
  return indicators.filter((i) => i.denominator > 0)
}

/** The scored subject a drill names, from the report on screen (the scope itself for 'overall'). */
export function findSubject(report: EvaluationReport | null, kind: SubjectKind | 'overall', id: string): Omit<SubjectScore, 'kind' | 'rank'> | null {
  if (!report) return null
  if (kind === 'overall') return report.overall.id === id || report.scopeCode === id ? report.overall : null
  return report.rankings[kind]?.entries.find((e) => e.id === id) ?? null
}

const SUBJECT_KINDS: readonly (SubjectKind | 'overall')[] = ['overall', 'street', 'community', 'grid', 'department', ...POST_KINDS]

/** A drill's kind from the URL's query, or null when it is not one the server scores. */
export function parseDrillKind(raw: unknown): SubjectKind | 'overall' | null {
  return typeof raw === 'string' && (SUBJECT_KINDS as readonly string[]).includes(raw) ? (raw as SubjectKind | 'overall') : null
}

/** An indicator's name and formula in the wall's language, from the server's definitions (its id until they arrive). */
export function indicatorText(definitions: ReadonlyMap<IndicatorId, IndicatorDefinition>, id: IndicatorId, locale: string): { name: string; formula: string; higherIsBetter: boolean } {
  const d = definitions.get(id)
  if (!d) return { name: id, formula: '', higherIsBetter: id !== 'rework' }
  const zh = locale === 'zh-CN'
  return { name: zh ? d.nameZh : d.nameEn, formula: zh ? d.formulaZh : d.formulaEn, higherIsBetter: d.higherIsBetter }
}
