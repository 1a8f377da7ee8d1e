// Every indicator against small case sets worked out by hand: each case's steps and times are written
// out, and the expected numerator and denominator are counted from them in the comments.
import { describe, expect, it } from 'vitest'
import type { CaseAction, CaseSource } from '../../../server/contract/domain'
import type { IndicatorId } from '../../../server/contract/evaluation'
import { CaseBook } from '../../../server/domain/case-book'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'
import { evaluate } from '../../../server/evaluation/evaluate'
import { INDICATORS } from '../../../server/evaluation/indicators'
import { smallTree } from './small-district'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
/** Monday 30 Nov 2026, 09:00 CST: a working morning (08:30–12:00, 14:00–17:30). */
const MONDAY = cst('2026-11-30T09:00:00')
const MIN = 60_000

interface Step { action: CaseAction; after: number; actor?: string; department?: string }
interface Spec { grid?: string; source?: CaseSource; reporterId?: number | null; category?: string; reportedAt?: number; steps: Step[] }

/** Each step `after` minutes after the previous one (wall minutes); reported at MONDAY 09:00 unless told. */
function book(specs: Spec[]) {
  const b = new CaseBook(DEFAULT_CALENDAR)
  const ids: string[] = []
  for (const s of specs) {
    const r = b.report({
      categoryCode: s.category ?? 'E0102', source: s.source ?? 'inspector', gridCode: s.grid ?? 'G1', lng: 0.5, lat: 0.5,
      description: '', reporterId: s.reporterId === undefined ? 1 : s.reporterId, at: s.reportedAt ?? MONDAY, actor: '王网格',
    })
    ids.push(r.id)
    let at = s.reportedAt ?? MONDAY
    for (const step of s.steps) {
      at += step.after * MIN
      b.act(r.id, step.action, { at, actor: step.actor ?? 'x', department: step.department ?? '区环卫中心' })
    }
  }
  return { cases: b.all(), ids }
}

const INSPECTORS = new Map([[1, '王网格'], [2, '李网格']])

function run(specs: Spec[], now: number) {
  const { cases, ids } = book(specs)
  const evaluation = evaluate({ cases, period: 'today', from: cst('2026-11-30T00:00:00'), to: now, calendar: DEFAULT_CALENDAR, tree: smallTree(), scopeCode: 'D', inspectorNames: INSPECTORS })
  const overall = (id: IndicatorId) => {
    const v = evaluation.report.overall.indicators.find((i) => i.id === id)!
    return { numerator: v.numerator, denominator: v.denominator }
  }
  const drill = (id: IndicatorId) => evaluation.drill('overall', 'D', id)!.items[0]
  return { evaluation, overall, drill, ids }
}

const FULL = (gap = 5): Step[] => [
  { action: 'accept', after: gap, actor: '张受理' }, { action: 'file', after: gap, actor: '张受理' },
  { action: 'dispatch', after: gap, actor: '赵派遣' }, { action: 'handle', after: gap, actor: '环卫一班' },
  { action: 'verify', after: gap, actor: '王网格' }, { action: 'close', after: gap, actor: '张受理' },
]

describe('indicators, worked by hand', () => {
  it('有效上报率 = filed / (filed + cancelled); a report not yet decided is left out', () => {
    const { overall, drill, ids } = run([
      { steps: [{ action: 'accept', after: 5 }, { action: 'file', after: 5 }] },   // filed
      { steps: [{ action: 'accept', after: 5 }, { action: 'cancel', after: 5 }] }, // cancelled
      { steps: [{ action: 'cancel', after: 5 }] },                                 // cancelled at 受理
      { steps: [{ action: 'accept', after: 5 }] },                                 // undecided
    ], MONDAY + 15 * MIN)
    expect(overall('validReport')).toEqual({ numerator: 1, denominator: 3 })
    expect(drill('validReport').numeratorCaseIds).toEqual([ids[0]])
    expect(drill('validReport').denominatorCaseIds).toEqual([ids[0], ids[1], ids[2]])
  })

  it('按时受理率: accepted (or cancelled) within 20 working minutes; a report waiting past 20 counts as late', () => {
    const { overall, drill, ids } = run([
      { steps: [{ action: 'accept', after: 19 }] },  // on time
      { steps: [{ action: 'accept', after: 25 }] },  // late
      { steps: [{ action: 'cancel', after: 10 }] },  // on time (a decision at 受理)
      { steps: [] },                                 // waiting 30 min at now: overdue → in the denominator only
    ], MONDAY + 30 * MIN)
    expect(overall('onTimeAccept')).toEqual({ numerator: 2, denominator: 4 })
    expect(drill('onTimeAccept').numeratorCaseIds).toEqual([ids[0], ids[2]])
  })

  it('按时受理率 does not judge a report still within its 20 minutes', () => {
    const { overall } = run([{ steps: [] }], MONDAY + 10 * MIN)
    expect(overall('onTimeAccept')).toEqual({ numerator: 0, denominator: 0 })
  })

  it('按时核实率: only reports not from an inspector, decided within 50 working minutes of the report', () => {
    const { overall } = run([
      { source: 'hotline', reporterId: null, steps: [{ action: 'accept', after: 10 }, { action: 'file', after: 30 }] },   // 40 min: on time
      { source: 'citizen', reporterId: null, steps: [{ action: 'accept', after: 10 }, { action: 'cancel', after: 45 }] }, // 55 min: late
      { source: 'inspector', steps: [{ action: 'accept', after: 10 }, { action: 'file', after: 60 }] },                 // inspector: not judged
    ], MONDAY + 90 * MIN)
    expect(overall('onTimeVerify')).toEqual({ numerator: 1, denominator: 2 })
  })

  it('按时立案率: the filing decision within 30 working minutes of acceptance', () => {
    const { overall } = run([
      { steps: [{ action: 'accept', after: 5 }, { action: 'file', after: 30 }] },   // 30: on time (at the limit)
      { steps: [{ action: 'accept', after: 5 }, { action: 'file', after: 31 }] },   // 31: late
      { steps: [{ action: 'accept', after: 5 }] },                                  // accepted 09:05, still undecided at 09:50: overdue
      { steps: [] },                                                                // never accepted: not in it
    ], MONDAY + 50 * MIN)
    expect(overall('onTimeFile')).toEqual({ numerator: 1, denominator: 3 })
  })

  it('按时派遣率: dispatched within 30 working minutes of filing', () => {
    const { overall } = run([
      { steps: [{ action: 'accept', after: 5 }, { action: 'file', after: 5 }, { action: 'dispatch', after: 10 }] },  // on time
      { steps: [{ action: 'accept', after: 5 }, { action: 'file', after: 5 }, { action: 'dispatch', after: 40 }] },  // late
    ], MONDAY + 60 * MIN)
    expect(overall('onTimeDispatch')).toEqual({ numerator: 1, denominator: 2 })
  })

  it('按期处置率: handled within the subclass 处置时限 (道路不洁 E0102: 5 working hours) from the first dispatch', () => {
    // Dispatched 09:15; 5 working hours: 09:15–12:00 is 165 min, 14:00 + 135 min → due 16:15.
    const base: Step[] = [{ action: 'accept', after: 5 }, { action: 'file', after: 5 }, { action: 'dispatch', after: 5 }]
    const { overall } = run([
      { steps: [...base, { action: 'handle', after: 60 }] },                   // 10:15: on time
      { steps: [...base, { action: 'handle', after: 7 * 60 + 5 }] },           // 16:20: late
      { steps: [...base] },                                                    // open at 17:00: overdue
      { category: 'E0104', steps: [...base] },                                 // 违法搭建 15 days: not due yet
    ], cst('2026-11-30T17:00:00'))
    expect(overall('onTimeHandle')).toEqual({ numerator: 1, denominator: 3 })
  })

  it('按时核查率: verified or sent back within 120 working minutes of the first handling', () => {
    const base: Step[] = [{ action: 'accept', after: 1 }, { action: 'file', after: 1 }, { action: 'dispatch', after: 1 }, { action: 'handle', after: 1 }]
    const { overall } = run([
      { steps: [...base, { action: 'verify', after: 60, actor: '王网格' }] },     // on time
      { steps: [...base, { action: 'sendBack', after: 100, actor: '李网格' }] },  // on time (a check that failed is still a check)
      { steps: [...base, { action: 'verify', after: 150, actor: '李网格' }] },    // 09:04 + 150 → 11:34: late
    ], cst('2026-11-30T11:50:00'))
    expect(overall('onTimeCheck')).toEqual({ numerator: 2, denominator: 3 })
  })

  it('按时结案率: closed within 60 working minutes of verification', () => {
    const base: Step[] = [{ action: 'accept', after: 1 }, { action: 'file', after: 1 }, { action: 'dispatch', after: 1 }, { action: 'handle', after: 1 }, { action: 'verify', after: 1 }]
    const { overall } = run([
      { steps: [...base, { action: 'close', after: 59 }] },   // on time
      { steps: [...base, { action: 'close', after: 61 }] },   // late
      { steps: [...base] },                                   // verified 09:05, open at 10:30: overdue
    ], cst('2026-11-30T10:30:00'))
    expect(overall('onTimeClose')).toEqual({ numerator: 1, denominator: 3 })
  })

  it('结案率 and 按期结案率 over the cases due for closure; 返工率 over the cases checked', () => {
    const { overall } = run([
      { steps: FULL() },                                                           // closed on time; checked, not reworked
      { steps: [...FULL().slice(0, 4), { action: 'sendBack', after: 5 }, { action: 'handle', after: 5 }, { action: 'verify', after: 5 }, { action: 'close', after: 5 }] }, // reworked, closed on time
      { steps: FULL().slice(0, 3) },                                               // dispatched 09:15, open at 17:00: due, not closed
      { category: 'E0104', steps: FULL().slice(0, 3) },                            // 15 working days: not due
    ], cst('2026-11-30T17:00:00'))
    expect(overall('closure')).toEqual({ numerator: 2, denominator: 3 })
    expect(overall('onTimeClosure')).toEqual({ numerator: 2, denominator: 3 })
    expect(overall('rework')).toEqual({ numerator: 1, denominator: 2 })
  })

  it('按期结案率 differs from 结案率: a case closed after a late handling, or after a rework handled late, is closed but not on time', () => {
    // Dispatched 09:15 each; 5 working hours → due 16:15 (as above). Now 17:00.
    const base: Step[] = [{ action: 'accept', after: 5, actor: '张受理' }, { action: 'file', after: 5, actor: '张受理' }, { action: 'dispatch', after: 5, actor: '赵派遣' }]
    const { overall, drill, ids, evaluation } = run([
      // 1: handled 09:20 by 环卫一班, verified 09:25, closed 09:30: closed on time.
      { steps: FULL() },
      // 2: handled 16:20 (late), verified 16:25, closed 16:30: closed, not on time.
      { steps: [...base, { action: 'handle', after: 425, actor: '环卫二班' }, { action: 'verify', after: 5, actor: '王网格' }, { action: 'close', after: 5, actor: '张受理' }] },
      // 3: handled 09:20 by 环卫一班, sent back 09:25, handled again 16:30 by 环卫二班 (past 16:15), verified 16:35, closed 16:40.
      { steps: [...base, { action: 'handle', after: 5, actor: '环卫一班' }, { action: 'sendBack', after: 5, actor: '王网格' },
        { action: 'handle', after: 425, actor: '环卫二班' }, { action: 'verify', after: 5, actor: '王网格' }, { action: 'close', after: 5, actor: '张受理' }] },
    ], cst('2026-11-30T17:00:00'))
    expect(overall('closure')).toEqual({ numerator: 3, denominator: 3 })
    expect(overall('onTimeClosure')).toEqual({ numerator: 1, denominator: 3 })
    expect(drill('onTimeClosure').numeratorCaseIds).toEqual([ids[0]])
    // 按期处置率 judges the first handling only: 09:20 (1), 16:20 (2, late), 09:20 (3) → 2 / 3.
    expect(overall('onTimeHandle')).toEqual({ numerator: 2, denominator: 3 })
    // 返工率: all three were checked, case 3 was sent back → 1 / 3; the first round's handler answers for it.
    expect(overall('rework')).toEqual({ numerator: 1, denominator: 3 })
    const handler = (name: string) => evaluation.report.rankings.handler.entries.find((e) => e.id === name)!.indicators
    // 环卫一班 handled 1 and 3 first (both on time), and 3 was sent back: 按期处置 2 / 2, 返工 1 / 2.
    expect(handler('环卫一班')).toEqual([
      { id: 'onTimeHandle', numerator: 2, denominator: 2, value: 1 },
      { id: 'rework', numerator: 1, denominator: 2, value: 0.5 },
    ])
    // 环卫二班 handled 2 first (late) and 3 second (a second round is not judged again).
    expect(handler('环卫二班')).toEqual([
      { id: 'onTimeHandle', numerator: 0, denominator: 1, value: 0 },
      { id: 'rework', numerator: 0, denominator: 1, value: 0 },
    ])
    // 按时核查率 judges the first check after the first handling: 09:20→09:25, 16:20→16:25, 09:20→09:25 (the send-back) → 3 / 3.
    expect(overall('onTimeCheck')).toEqual({ numerator: 3, denominator: 3 })
  })

  it('the overall score of those three cases, worked by hand (weights of indicators.ts), is 80.7: grade B', () => {
    const base: Step[] = [{ action: 'accept', after: 5 }, { action: 'file', after: 5 }, { action: 'dispatch', after: 5 }]
    const { evaluation } = run([
      { steps: FULL() },
      { steps: [...base, { action: 'handle', after: 425 }, { action: 'verify', after: 5 }, { action: 'close', after: 5 }] },
      { steps: [...base, { action: 'handle', after: 5 }, { action: 'sendBack', after: 5 }, { action: 'handle', after: 425 }, { action: 'verify', after: 5 }, { action: 'close', after: 5 }] },
    ], cst('2026-11-30T17:00:00'))
    // Indicator (weight): value → weighted
    //   有效上报率 (10): 3/3 → 10        按时受理率 (5): 3/3 → 5      按时核实率 (5): 0/0 (inspector reports) → left out
    //   按时立案率 (5): 3/3 → 5          按时派遣率 (5): 3/3 → 5      按期处置率 (15): 2/3 → 10
    //   按时核查率 (10): 3/3 → 10        按时结案率 (5): 3/3 → 5      结案率 (15): 3/3 → 15
    //   按期结案率 (15): 1/3 → 5         返工率 (10): 1/3, scored as 1 − 1/3 → 6.667
    // Σ weighted = 76.667 over Σ weights 95 (100 − 5 left out) = 0.80702 → 80.7 → B (80 ≤ 80.7 < 90).
    expect(evaluation.report.overall.score).toBe(80.7)
    expect(evaluation.report.overall.grade).toBe('B')
    expect(evaluation.report.overall.indicators.find((i) => i.id === 'onTimeVerify')).toEqual({ id: 'onTimeVerify', numerator: 0, denominator: 0, value: null })
  })

  it('counts working minutes, not wall minutes: the lunch break (12:00–14:00) does not run the 20-minute 受理 limit', () => {
    const beforeLunch = cst('2026-11-30T11:50:00')
    const inLunch = cst('2026-11-30T12:30:00')
    const { overall } = run([
      // 11:50 → 14:05: 10 working minutes before 12:00 + 5 after 14:00 = 15 → on time.
      { reportedAt: beforeLunch, steps: [{ action: 'accept', after: 135 }] },
      // 11:50 → 14:15: 10 + 15 = 25 → late.
      { reportedAt: beforeLunch, steps: [{ action: 'accept', after: 145 }] },
      // Reported 12:30, in the break: its 20 minutes run 14:00–14:20, so at 14:18 it is not judged yet.
      { reportedAt: inLunch, steps: [] },
    ], cst('2026-11-30T14:18:00'))
    expect(overall('onTimeAccept')).toEqual({ numerator: 1, denominator: 2 })
    // At 14:21 it is past 14:20 and still waiting: overdue, in the denominator only.
    const later = run([{ reportedAt: inLunch, steps: [] }], cst('2026-11-30T14:21:00'))
    expect(later.overall('onTimeAccept')).toEqual({ numerator: 0, denominator: 1 })
  })

  it('has a definition with both formulas for every indicator the evaluation computes, weights summing to 100', () => {
    const { evaluation } = run([{ steps: FULL() }], MONDAY + 60 * MIN)
    expect(evaluation.report.overall.indicators.map((i) => i.id).sort()).toEqual(INDICATORS.map((d) => d.id).sort())
    for (const d of INDICATORS) expect(d.formulaZh.length * d.formulaEn.length).toBeGreaterThan(0)
    expect(INDICATORS.reduce((s, d) => s + d.weight, 0)).toBe(100)
  })
})

describe('subjects', () => {
  it('counts a case for its street, community and grid, its department and the people at each post', () => {
    const { evaluation, ids } = run([
      { grid: 'G1', reporterId: 1, steps: FULL() },
      { grid: 'G2', reporterId: 2, steps: [{ action: 'accept', after: 5, actor: '钱受理（监督中心）' }, { action: 'cancel', after: 5, actor: '钱受理（监督中心）' }] },
    ], MONDAY + 60 * MIN)
    const r = evaluation.report.rankings
    expect(r.street.entries.map((e) => e.id).sort()).toEqual(['S1', 'S2'])
    expect(r.grid.entries.find((e) => e.id === 'G1')!.name).toBe('甲一网格')
    expect(r.department.entries.map((e) => e.id)).toEqual(['区环卫中心'])
    // The API's actor "钱受理（监督中心）" is the person 钱受理.
    expect(r.acceptor.entries.map((e) => e.id).sort()).toEqual(['张受理', '钱受理'])
    expect(r.dispatcher.entries.map((e) => e.id)).toEqual(['赵派遣'])
    expect(r.handler.entries.map((e) => e.id)).toEqual(['环卫一班'])
    // Inspector 1 reported case 0 (filed) and verified it by name; inspector 2 reported case 1 (cancelled).
    const one = r.inspector.entries.find((e) => e.id === '1')!
    expect(one.name).toBe('王网格')
    expect(one.indicators).toEqual([
      { id: 'validReport', numerator: 1, denominator: 1, value: 1 },
      { id: 'onTimeCheck', numerator: 1, denominator: 1, value: 1 },
    ])
    const two = r.inspector.entries.find((e) => e.id === '2')!
    expect(two.indicators[0]).toEqual({ id: 'validReport', numerator: 0, denominator: 1, value: 0 })
    expect(evaluation.drill('inspector', '2', 'validReport')!.items[0].denominatorCaseIds).toEqual([ids[1]])
    expect(evaluation.drill('grid', 'nowhere')).toBeNull()
  })

  it('scores a department on the 处置部门 indicators only, and each post on its own', () => {
    const { evaluation } = run([{ steps: FULL() }], MONDAY + 60 * MIN)
    const r = evaluation.report.rankings
    expect(r.department.entries[0].indicators.map((i) => i.id)).toEqual(['onTimeHandle', 'closure', 'onTimeClosure', 'rework'])
    expect(r.acceptor.entries.find((e) => e.id === '张受理')!.indicators.map((i) => i.id)).toEqual(['onTimeAccept', 'onTimeVerify', 'onTimeFile', 'onTimeClose'])
    expect(r.dispatcher.entries[0].indicators).toEqual([{ id: 'onTimeDispatch', numerator: 1, denominator: 1, value: 1 }])
    // 张受理: 受理 1/1, 核实 0/0 (an inspector's report), 立案 1/1, 结案 1/1 → 100.
    expect(r.acceptor.entries.find((e) => e.id === '张受理')!.score).toBe(100)
    // The case is not yet due for closure at 10:00 (due 16:15) but was closed: 结案率 1/1; checked, not reworked: 返工率 0/1.
    expect(r.department.entries[0].indicators.find((i) => i.id === 'rework')).toEqual({ id: 'rework', numerator: 0, denominator: 1, value: 0 })
  })

  it('narrows to a scope: only the cases under it count', () => {
    const { cases } = book([{ grid: 'G1', steps: FULL() }, { grid: 'G2', steps: FULL() }])
    const e = evaluate({ cases, period: 'today', from: cst('2026-11-30T00:00:00'), to: MONDAY + 60 * MIN, calendar: DEFAULT_CALENDAR, tree: smallTree(), scopeCode: 'C1', inspectorNames: INSPECTORS })
    expect(e.report.overall.caseCount).toBe(1)
    expect(e.report.rankings.grid.entries.map((g) => g.id)).toEqual(['G1'])
  })

  it('leaves out cases reported before the period', () => {
    const { cases } = book([{ steps: FULL() }])
    const e = evaluate({ cases, period: 'today', from: MONDAY + 1, to: MONDAY + 60 * MIN, calendar: DEFAULT_CALENDAR, tree: smallTree(), scopeCode: 'D', inspectorNames: INSPECTORS })
    expect(e.report.overall.caseCount).toBe(0)
    expect(e.report.overall.score).toBeNull()
  })
})
