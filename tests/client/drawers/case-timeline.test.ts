import { describe, expect, it } from 'vitest'
import { buildTimeline, dayHeadings, LOOP_STEPS, timeLabel } from '../../../client/drawers/case-timeline'
import { CASE_LOOP, type CaseTransition } from '../../../server/contract/domain'

const T0 = Date.UTC(2025, 4, 6, 1, 0) // 09:00 CST
const MIN = 60_000
const tr = (step: CaseTransition['step'], action: CaseTransition['action'], minutes: number, note: string | null = null): CaseTransition =>
  ({ caseId: 'C1', step, action, at: T0 + minutes * MIN, actor: `actor-${action}`, note })

describe('buildTimeline', () => {
  it('keeps the loop order of the contract', () => {
    expect(LOOP_STEPS).toEqual(CASE_LOOP)
  })

  it('lists the steps done, marks the last one current and greys the steps ahead', () => {
    const { rows, sendBacks } = buildTimeline([tr('reported', 'report', 0), tr('accepted', 'accept', 5), tr('filed', 'file', 9, '属实')], 'filed')
    expect(sendBacks).toBe(0)
    expect(rows.map((r) => [r.kind, r.step])).toEqual([
      ['done', 'reported'], ['done', 'accepted'], ['done', 'filed'],
      ['pending', 'dispatched'], ['pending', 'handled'], ['pending', 'verified'], ['pending', 'closed'],
    ])
    expect(rows[2]).toMatchObject({ current: true, actor: 'actor-file', note: '属实', at: T0 + 9 * MIN })
    expect(rows.filter((r) => r.kind !== 'pending' && r.current)).toHaveLength(1)
  })

  it('shows a citizen comment as its own row with its photo, without taking the current step', () => {
    const comment = { ...tr('accepted', 'comment', 7, '垃圾还在'), mediaUrl: 'https://example.org/p.jpg' }
    const { rows } = buildTimeline([tr('reported', 'report', 0), tr('accepted', 'accept', 5), comment], 'accepted')
    const done = rows.flatMap((r) => (r.kind === 'pending' ? [] : [r]))
    expect(done.map((r) => [r.kind, r.current])).toEqual([['done', false], ['done', true], ['comment', false]])
    expect(done[2]).toMatchObject({ note: '垃圾还在', mediaUrl: 'https://example.org/p.jpg' })
  })

  it('shows send-backs as their own rows in time order and counts them', () => {
    const history = [
      tr('reported', 'report', 0), tr('accepted', 'accept', 1), tr('filed', 'file', 2), tr('dispatched', 'dispatch', 3),
      tr('handled', 'handle', 60), tr('dispatched', 'sendBack', 90, '未清理干净'), tr('handled', 'handle', 120), tr('dispatched', 'sendBack', 150),
    ]
    const { rows, sendBacks } = buildTimeline([...history].reverse(), 'dispatched')
    expect(sendBacks).toBe(2)
    expect(rows.filter((r) => r.kind !== 'pending').map((r) => r.kind === 'sendBack' ? 'back' : r.step)).toEqual([
      'reported', 'accepted', 'filed', 'dispatched', 'handled', 'back', 'handled', 'back',
    ])
    // Back at 派遣: 处置 onwards is ahead again.
    expect(rows.filter((r) => r.kind === 'pending').map((r) => r.step)).toEqual(['handled', 'verified', 'closed'])
    expect(rows[7]).toMatchObject({ kind: 'sendBack', current: true })
  })

  it('ends a cancelled case at 不予立案 with nothing pending', () => {
    const { rows } = buildTimeline([tr('reported', 'report', 0), tr('cancelled', 'cancel', 4, '重复上报')], 'cancelled')
    expect(rows.map((r) => r.kind)).toEqual(['done', 'done'])
    expect(rows[1]).toMatchObject({ step: 'cancelled', action: 'cancel', current: true })
  })

  it('has nothing pending once closed', () => {
    const steps = CASE_LOOP.map((step, i) => tr(step, i === 0 ? 'report' : 'accept', i))
    expect(buildTimeline(steps, 'closed').rows.every((r) => r.kind === 'done')).toBe(true)
  })
})

describe('timeLabel', () => {
  it('gives only HH:mm (CST) on the same CST day', () => {
    expect(timeLabel(T0, T0 + 3 * 3600_000, 'zh-CN')).toEqual({ date: null, time: '09:00' })
  })

  it('adds the date for an earlier CST day, even when the UTC date is the same', () => {
    const lateEvening = Date.UTC(2025, 4, 5, 15, 30) // 23:30 CST on 5 May
    const nextMorning = Date.UTC(2025, 4, 5, 16, 30) // 00:30 CST on 6 May, same UTC date
    expect(timeLabel(lateEvening, nextMorning, 'zh-CN')).toEqual({ date: '2025年5月5日', time: '23:30' })
    expect(timeLabel(lateEvening, nextMorning, 'en').date).toBe('2025-05-05')
  })
})

describe('dayHeadings', () => {
  it('needs none when everything happened today', () => {
    expect(dayHeadings([null, null], '今天')).toEqual([null, null])
  })

  it('heads each new day, and today once an earlier day was shown', () => {
    expect(dayHeadings(['5月4日', '5月4日', '5月5日', null, null], '今天')).toEqual(['5月4日', null, '5月5日', '今天', null])
  })
})
