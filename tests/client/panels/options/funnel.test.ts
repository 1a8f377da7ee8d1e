import { describe, expect, it } from 'vitest'
import { buildFunnelRows, FUNNEL_STEPS } from '../../../../client/panels/options/funnel'
import { CASE_LOOP } from '../../../../server/contract/domain'

const stats = {
  funnel: { reported: 200, accepted: 190, filed: 170, dispatched: 150, handled: 100, verified: 80, closed: 50 },
  openByStep: { reported: 3, accepted: 4, filed: 5, dispatched: 30, handled: 12, verified: 8 },
}

describe('buildFunnelRows', () => {
  it('lists the seven steps in loop order', () => {
    expect(FUNNEL_STEPS).toEqual(CASE_LOOP)
    expect(buildFunnelRows(stats).map((r) => r.step)).toEqual(CASE_LOOP)
  })

  it('gives each step its count, its open cases and a share of the busiest step', () => {
    const rows = buildFunnelRows(stats)
    expect(rows[0]).toEqual({ step: 'reported', count: 200, open: 3, share: 1 })
    expect(rows[4]).toEqual({ step: 'handled', count: 100, open: 12, share: 0.5 })
  })

  it('has no open count for 结案', () => {
    expect(buildFunnelRows(stats).at(-1)).toMatchObject({ step: 'closed', count: 50, open: null })
  })

  it('shows empty steps before the first snapshot and on a quiet morning', () => {
    expect(buildFunnelRows(null).every((r) => r.count === null && r.open === null && r.share === 0)).toBe(true)
    const zero = { funnel: { ...stats.funnel, reported: 0, accepted: 0, filed: 0, dispatched: 0, handled: 0, verified: 0, closed: 0 }, openByStep: stats.openByStep }
    expect(buildFunnelRows(zero).every((r) => r.share === 0)).toBe(true)
  })
})
