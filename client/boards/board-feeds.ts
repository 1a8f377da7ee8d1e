// The server's read endpoints behind the boards (server/contract/party.ts, evaluation.ts), as URLs
// for the area the wall is focused on (null: the district). The boards poll them while shown.
import type { EvaluationPeriod, SubjectKind } from '../../server/contract/evaluation'

/** How often a board asks again: the contract's "poll ~30 s". */
export const BOARD_POLL_MS = 30_000
/** A board's figures count as stale after two missed polls (PanelFrame's amber age). */
export const BOARD_STALE_MS = 2 * BOARD_POLL_MS + 15_000
/** The boards score and count over the month so far: a day's figures are too thin before noon. */
export const BOARD_PERIOD: EvaluationPeriod = 'month'

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const partySummaryUrl = (area: string | null): string => `/api/party/summary${query({ area })}`

export const hotlineUrl = (area: string | null, period: EvaluationPeriod = BOARD_PERIOD): string =>
  `/api/hotline${query({ period, area })}`

export const evaluationUrl = (scope: string | null, period: EvaluationPeriod = BOARD_PERIOD): string =>
  `/api/evaluation${query({ period, scope })}`

export const indicatorsUrl = '/api/evaluation/indicators'

/** Every indicator of one subject with the exact case ids behind its numerator and denominator. */
export const drillUrl = (scope: string | null, kind: SubjectKind | 'overall', subject: string, period: EvaluationPeriod = BOARD_PERIOD): string =>
  `/api/evaluation/drill${query({ period, scope, kind, subject })}`
