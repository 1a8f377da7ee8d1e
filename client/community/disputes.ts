// 矛盾纠纷: the community's dispute cases and where their mediation stands. A dispute runs the same
// closed loop as every case; its mediation state is read from the loop's step:
//   reported, accepted → 待受理 (pending: registered by a grid worker, not yet taken in)
//   filed              → 已立案 (registered: the 调委会 has taken the case)
//   dispatched         → 调解中 (mediating: a mediator is working on it; the handle limit runs)
//   handled            → 待回访 (mediated: an agreement reached, waiting for the follow-up visit)
//   verified, closed   → 已化解 (resolved: the follow-up confirmed it)
//   cancelled          → 不予受理 (not taken: not a dispute for the community to mediate)
import type { CaseStep, CaseSummary } from '../../server/contract/domain'

/** 矛盾纠纷's 大类 code in server/domain/categories.ts (E07xx: 邻里纠纷, 物业纠纷, 家庭纠纷). */
export const DISPUTE_CODE_PREFIX = 'E07'

export type MediationState = 'pending' | 'registered' | 'mediating' | 'mediated' | 'resolved' | 'rejected'

export const MEDIATION_BY_STEP: Record<CaseStep, MediationState> = {
  reported: 'pending', accepted: 'pending', filed: 'registered', dispatched: 'mediating',
  handled: 'mediated', verified: 'resolved', closed: 'resolved', cancelled: 'rejected',
}

export const MEDIATION_ORDER: readonly MediationState[] = ['pending', 'registered', 'mediating', 'mediated', 'resolved', 'rejected']

export const isDispute = (c: Pick<CaseSummary, 'categoryCode'>): boolean => c.categoryCode.startsWith(DISPUTE_CODE_PREFIX)

/** The community's disputes, oldest report first (the longest waiting on top), and counts by state. */
export function communityDisputes(open: Iterable<CaseSummary>, grids: ReadonlySet<string>): { cases: CaseSummary[]; byState: Record<MediationState, number> } {
  const cases = [...open].filter((c) => isDispute(c) && grids.has(c.gridCode)).sort((a, b) => a.reportedAt - b.reportedAt)
  const byState = Object.fromEntries(MEDIATION_ORDER.map((s) => [s, 0])) as Record<MediationState, number>
  for (const c of cases) byState[MEDIATION_BY_STEP[c.step]]++
  return { cases, byState }
}
