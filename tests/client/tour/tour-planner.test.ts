import { describe, expect, it } from 'vitest'
import type { CaseSummary, DeadlineState, InspectorInfo, InspectorLive, InspectorStatus } from '../../../server/contract/domain'
import { nextStop, replayInspector, urgentCase, worstGrid, type TourState } from '../../../client/tour/tour-planner'

// 2026-11-25 10:00 CST
const NOW = Date.parse('2026-11-25T10:00:00+08:00')
const MIN = 60_000

function kase(id: string, deadline: DeadlineState, stepAt: number, more: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id, categoryCode: 'E0101', source: 'inspector', gridCode: 'g1', lng: 119.3, lat: 26.1, description: '', step: 'dispatched',
    reportedAt: stepAt - 10 * MIN, stepAt, dueAt: null, deadline, reworkCount: 0, reporterId: null, department: null, ...more,
  }
}
const info = (id: number, gridCode: string): InspectorInfo => ({ id, deviceId: `d${id}`, name: `n${id}`, gridCode })
const live = (id: number, status: InspectorStatus, fixAt = NOW - MIN): InspectorLive => ({ id, lng: 119.3, lat: 26.1, heading: null, fixAt, status, trail: [] })

function state(parts: Partial<{ gridLoad: TourState['gridLoad'], cases: CaseSummary[], infos: InspectorInfo[], live: InspectorLive[] }>): TourState {
  return {
    gridLoad: parts.gridLoad ?? {},
    cases: new Map((parts.cases ?? []).map((c) => [c.id, c])),
    infos: new Map((parts.infos ?? []).map((i) => [i.id, i])),
    live: new Map((parts.live ?? []).map((l) => [l.id, l])),
    now: NOW,
  }
}

describe('tour planner', () => {
  it('always has the district', () => {
    expect(nextStop('district', state({}))).toBe('/')
  })

  it('picks the grid with the most overdue cases, then the most open, then the lower code', () => {
    expect(worstGrid({ a: { open: 9, overdue: 1 }, b: { open: 3, overdue: 2 }, c: { open: 2, overdue: 2 } })).toBe('b')
    expect(worstGrid({ b: { open: 5, overdue: 0 }, a: { open: 5, overdue: 0 }, c: { open: 4, overdue: 0 } })).toBe('a')
    expect(nextStop('worstGrid', state({ gridLoad: { '350111100012003': { open: 4, overdue: 3 }, x: { open: 8, overdue: 0 } } })))
      .toBe('/area/350111100012003')
  })

  it('skips the worst grid while no grid has an open case', () => {
    expect(nextStop('worstGrid', state({}))).toBeNull()
    expect(nextStop('worstGrid', state({ gridLoad: { a: { open: 0, overdue: 0 } } }))).toBeNull()
  })

  it('shows the newest overdue case, else the newest due soon, else the newest open case', () => {
    const cases = [kase('old-overdue', 'overdue', NOW - 60 * MIN), kase('new-overdue', 'overdue', NOW - 30 * MIN), kase('due', 'dueSoon', NOW - MIN), kase('fresh', 'ontime', NOW)]
    expect(nextStop('urgentCase', state({ cases }))).toBe('/case/new-overdue')
    expect(urgentCase(new Map(cases.slice(2).map((c) => [c.id, c])))?.id).toBe('due')
    expect(urgentCase(new Map([['a', kase('a', 'ontime', NOW - 5 * MIN)], ['b', kase('b', 'none', NOW - MIN)]]))?.id).toBe('b')
  })

  it('breaks a tie of step times by the report time', () => {
    const cases = new Map([['a', kase('a', 'overdue', NOW, { reportedAt: NOW - 9 * MIN })], ['b', kase('b', 'overdue', NOW, { reportedAt: NOW - 2 * MIN })]])
    expect(urgentCase(cases)?.id).toBe('b')
  })

  it('skips the urgent case and the replay when nothing is open and nobody is online', () => {
    expect(nextStop('urgentCase', state({}))).toBeNull()
    expect(nextStop('replay', state({ infos: [info(1, 'g1')], live: [live(1, 'offline')] }))).toBeNull()
  })

  it('replays the urgent case\'s reporter when they have a track today, even offline now', () => {
    const s = state({
      cases: [kase('c', 'overdue', NOW - MIN, { reporterId: 7 })],
      infos: [info(7, 'g9'), info(2, 'g1')],
      live: [live(7, 'offline', NOW - 3 * 3600_000), live(2, 'online')],
    })
    expect(nextStop('replay', s)).toBe('/replay/7')
  })

  it('falls back to an online inspector of the worst grid when the reporter has no track today', () => {
    const yesterday = NOW - 20 * 3600_000
    const s = state({
      gridLoad: { g1: { open: 1, overdue: 0 }, g2: { open: 6, overdue: 2 } },
      cases: [kase('c', 'overdue', NOW - MIN, { reporterId: 7 })],
      infos: [info(7, 'g1'), info(3, 'g1'), info(5, 'g2'), info(4, 'g2')],
      live: [live(7, 'online', yesterday), live(3, 'online'), live(5, 'online'), live(4, 'stale')],
    })
    expect(replayInspector(s)).toBe(5)
  })

  it('falls back to any online inspector, the lowest id first', () => {
    const s = state({
      gridLoad: { g2: { open: 1, overdue: 1 } },
      cases: [kase('c', 'ontime', NOW)],
      infos: [info(9, 'g1'), info(4, 'g3'), info(6, 'g2')],
      live: [live(9, 'online'), live(4, 'online'), live(6, 'offline')],
    })
    expect(nextStop('replay', s)).toBe('/replay/4')
  })
})

describe('tour planner: the boards', () => {
  it('opens the 党建引领 and ranking boards at the district once they have figures', () => {
    expect(nextStop('party', { ...state({}), boards: { party: true, ranking: true } })).toBe('/board/party')
    expect(nextStop('ranking', { ...state({}), boards: { party: true, ranking: true } })).toBe('/board/ranking')
  })

  it('skips a board that has nothing to show yet', () => {
    expect(nextStop('party', state({}))).toBeNull()
    expect(nextStop('ranking', { ...state({}), boards: { party: true } })).toBeNull()
  })
})
