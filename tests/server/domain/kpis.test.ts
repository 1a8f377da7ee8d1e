import { describe, expect, it } from 'vitest'
import type { CaseAction } from '../../../server/contract/domain'
import { CaseBook } from '../../../server/domain/case-book'
import { computeKpis } from '../../../server/domain/kpis'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const MONDAY = cst('2026-11-30T09:00:00')
const MINUTE = 60_000

/** A known list: each entry is the actions taken, a minute apart, starting from a report at 09:00. */
function book(cases: { category?: string; actions: CaseAction[]; gapMinutes?: number }[]) {
  const b = new CaseBook(DEFAULT_CALENDAR)
  for (const c of cases) {
    const r = b.report({ categoryCode: c.category ?? 'E0102', source: 'hotline', gridCode: 'g', lng: 119.35, lat: 26.07, description: '', reporterId: null, at: MONDAY, actor: 't' })
    c.actions.forEach((a, i) => b.act(r.id, a, { at: MONDAY + (i + 1) * (c.gapMinutes ?? 1) * MINUTE, actor: 't' }))
  }
  return b
}

const LOOP: CaseAction[] = ['accept', 'file', 'dispatch', 'handle', 'verify', 'close']

describe('KPIs', () => {
  it('computes 立案率, 结案率, 按期结案率 and 返工率 with numerator and denominator', () => {
    const b = book([
      { actions: LOOP },                                                       // closed on time
      { actions: LOOP },                                                       // closed on time
      { actions: ['accept', 'file', 'dispatch', 'handle', 'sendBack', 'handle', 'verify', 'close'] }, // reworked, on time
      { actions: LOOP, gapMinutes: 70 },                                       // 道路不洁 5 h: handled at 13:40 after dispatch 12:30 → on time
      { category: 'E0104', actions: ['accept', 'file', 'dispatch'] },         // 违法搭建 15 days: open, not yet due
      { actions: ['accept', 'cancel'] },                                       // not filed
      { actions: [] },                                                         // awaiting 受理: not decided yet
    ])
    const kpis = computeKpis(b.all(), MONDAY - 1, cst('2026-11-30T17:00:00'))
    expect(kpis.filingRate).toEqual({ numerator: 5, denominator: 6 })
    expect(kpis.closureRate).toEqual({ numerator: 4, denominator: 4 })
    expect(kpis.onTimeClosureRate).toEqual({ numerator: 4, denominator: 4 })
    expect(kpis.reworkRate).toEqual({ numerator: 1, denominator: 4 })
  })

  it('counts an open case past its handling deadline as due but not closed', () => {
    const b = book([{ actions: ['accept', 'file', 'dispatch'] }, { actions: LOOP }])
    // Next day 12:00: the open case's 5-hour limit (due Monday 15:03) has passed.
    const kpis = computeKpis(b.all(), MONDAY - 1, cst('2026-12-01T12:00:00'))
    expect(kpis.closureRate).toEqual({ numerator: 1, denominator: 2 })
  })

  it('counts a late handling as closed but not on time', () => {
    // 道路不洁, 5 working hours; handled ~25 working hours after dispatch.
    const b = book([{ actions: LOOP, gapMinutes: 24 * 60 }])
    const kpis = computeKpis(b.all(), MONDAY - 1, cst('2026-12-08T12:00:00'))
    expect(kpis.closureRate).toEqual({ numerator: 1, denominator: 1 })
    expect(kpis.onTimeClosureRate).toEqual({ numerator: 0, denominator: 1 })
  })

  it('leaves cases reported outside the window out', () => {
    const b = book([{ actions: LOOP }])
    expect(computeKpis(b.all(), MONDAY + 1, MONDAY + 10 * MINUTE).filingRate).toEqual({ numerator: 0, denominator: 0 })
  })
})
