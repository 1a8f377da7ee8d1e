// The closed loop 采集 → … → 结案 as seven columns: today's count per step, the open cases sitting
// at it, and a bar height relative to the busiest step. Plain data for DOM, not a chart option.
import type { WallStats } from '../../../server/contract/domain'

export type FunnelStep = keyof WallStats['funnel']

/** Loop order, as CASE_LOOP in the contract (kept here so the client imports only types). */
export const FUNNEL_STEPS: readonly FunnelStep[] = ['reported', 'accepted', 'filed', 'dispatched', 'handled', 'verified', 'closed']

export interface FunnelRow {
  step: FunnelStep
  /** Today's cases that reached this step; null before the first snapshot. */
  count: number | null
  /** Open cases now at this step; null for 结案 (never open) and before the first snapshot. */
  open: number | null
  /** 0–1, the bar's height relative to the largest step. */
  share: number
}

export function buildFunnelRows(stats: Pick<WallStats, 'funnel' | 'openByStep'> | null | undefined): FunnelRow[] {
  const max = stats ? Math.max(0, ...FUNNEL_STEPS.map((s) => stats.funnel[s])) : 0
  return FUNNEL_STEPS.map((step) => {
    const count = stats ? stats.funnel[step] : null
    const open = stats && step !== 'closed' ? stats.openByStep[step] : null
    return { step, count, open, share: max > 0 && count != null ? count / max : 0 }
  })
}
