// The 12345 hotline's own figures over its cases (source 'hotline') reported in a period, with the
// follow-up facts kept beside each case (先行联系, 实际解决, 满意度 from the 回访).
import type { EpochMs } from '../contract/domain'
import type { EvaluationPeriod, HotlineFigures, HotlineFollowUp, SatisfactionLevel } from '../contract/evaluation'
import { FIRST_CONTACT_LIMIT_MINUTES } from '../contract/evaluation'
import { SATISFACTION_WEIGHTS } from '../contract/party'
import type { CaseRecord } from '../domain/case-book'

export interface HotlineInput {
  cases: Iterable<CaseRecord>
  followUps: ReadonlyMap<string, HotlineFollowUp>
  period: EvaluationPeriod
  from: EpochMs
  to: EpochMs
  areaCode: string
  /** The grids of the area; null: every case (the district, 待定位 ones included). */
  grids: ReadonlySet<string> | null
}

const RECENT = 10

/**
 * 受理 = 12345 cases reported in the period, not cancelled; 在办 = still open; 办结 = closed.
 * 先行联系率 = called back within FIRST_CONTACT_LIMIT_MINUTES / 受理 cases contacted or past that limit.
 * 实际解决率 = 办结 cases the citizen says are solved / 办结 cases asked.
 * 满意率 = Σ weight(level) / 办结 cases rated (满意 1, 基本满意 0.8, 一般 0.6, 不满意 0).
 */
export function hotlineFigures(input: HotlineInput): HotlineFigures {
  const limitMs = FIRST_CONTACT_LIMIT_MINUTES * 60_000
  const figures: HotlineFigures = {
    at: input.to, period: input.period, areaCode: input.areaCode, received: 0, inProgress: 0, completed: 0,
    firstContactRate: { numerator: 0, denominator: 0 }, resolutionRate: { numerator: 0, denominator: 0 },
    satisfactionRate: { numerator: 0, denominator: 0 },
    satisfactionCounts: { satisfied: 0, basicallySatisfied: 0, neutral: 0, dissatisfied: 0 },
    recentCaseIds: [],
  }
  const taken: CaseRecord[] = []
  let weighted = 0
  for (const c of input.cases) {
    if (c.source !== 'hotline' || c.step === 'cancelled' || c.reportedAt < input.from || c.reportedAt > input.to) continue
    if (input.grids && !input.grids.has(c.gridCode)) continue
    taken.push(c)
    figures.received++
    const f = input.followUps.get(c.id)
    const contactedInTime = f?.firstContactAt != null && f.firstContactAt - c.reportedAt <= limitMs
    if (f?.firstContactAt != null || input.to - c.reportedAt > limitMs) {
      figures.firstContactRate.denominator++
      if (contactedInTime) figures.firstContactRate.numerator++
    }
    if (c.step !== 'closed') { figures.inProgress++; continue }
    figures.completed++
    if (f?.resolved != null) {
      figures.resolutionRate.denominator++
      if (f.resolved) figures.resolutionRate.numerator++
    }
    if (f?.satisfaction != null) {
      figures.satisfactionRate.denominator++
      figures.satisfactionCounts[f.satisfaction]++
      weighted += satisfactionWeight(f.satisfaction)
    }
  }
  // Sums of 0.8s and 0.6s: rounded so 0.8 + 0.6 reads 1.4, not 1.4000000000000001.
  figures.satisfactionRate.numerator = Math.round(weighted * 100) / 100
  figures.recentCaseIds = taken.sort((a, b) => b.reportedAt - a.reportedAt).slice(0, RECENT).map((c) => c.id)
  return figures
}

export function satisfactionWeight(level: SatisfactionLevel): number {
  return SATISFACTION_WEIGHTS[level]
}
