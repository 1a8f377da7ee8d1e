import { describe, expect, it } from 'vitest'
import type { CaseAction } from '../../../server/contract/domain'
import { CaseBook } from '../../../server/domain/case-book'
import { allowedActions, IllegalTransitionError, nextStep } from '../../../server/domain/case-workflow'
import { DEFAULT_CALENDAR } from '../../../server/domain/working-calendar'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const MONDAY_9 = cst('2026-11-30T09:00:00')

function newBook() {
  const book = new CaseBook(DEFAULT_CALENDAR)
  const record = book.report({
    categoryCode: 'E0101', source: 'inspector', gridCode: '350111100012001', lng: 119.35, lat: 26.07,
    description: '暴露垃圾', reporterId: 1, at: MONDAY_9, actor: '陈建华',
  })
  return { book, id: record.id }
}

function run(book: CaseBook, id: string, actions: CaseAction[], start = MONDAY_9) {
  actions.forEach((action, i) => book.act(id, action, { at: start + (i + 1) * 60_000, actor: 'test' }))
  return book.get(id)!
}

describe('case workflow', () => {
  it('walks the seven steps of the closed loop', () => {
    const { book, id } = newBook()
    const record = run(book, id, ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'])
    expect(record.step).toBe('closed')
    expect(record.history.map((t) => t.step)).toEqual(['reported', 'accepted', 'filed', 'dispatched', 'handled', 'verified', 'closed'])
    expect(record.dueAt).toBeNull()
  })

  it('sends a case back from 核查 to 处置 and counts the rework', () => {
    const { book, id } = newBook()
    const record = run(book, id, ['accept', 'file', 'dispatch', 'handle', 'sendBack', 'handle', 'verify'])
    expect(record.step).toBe('verified')
    expect(record.reworkCount).toBe(1)
    expect(record.history.filter((t) => t.action === 'sendBack')).toHaveLength(1)
  })

  it('cancels a report before it is filed, and not after', () => {
    expect(nextStep('reported', 'cancel')).toBe('cancelled')
    expect(nextStep('accepted', 'cancel')).toBe('cancelled')
    expect(() => nextStep('filed', 'cancel')).toThrow(IllegalTransitionError)
  })

  it('refuses illegal transitions and names the current step', () => {
    const { book, id } = newBook()
    expect(() => book.act(id, 'close', { at: MONDAY_9 + 1, actor: 'x' })).toThrow('cannot close a case that is reported')
    expect(() => book.act(id, 'dispatch', { at: MONDAY_9 + 1, actor: 'x' })).toThrow(IllegalTransitionError)
    // The refused action left nothing behind.
    expect(book.get(id)!.history).toHaveLength(1)
    expect(book.get(id)!.step).toBe('reported')
  })

  it('allows nothing once closed or cancelled', () => {
    expect(allowedActions('closed')).toEqual([])
    expect(allowedActions('cancelled')).toEqual([])
    expect(allowedActions('handled').sort()).toEqual(['sendBack', 'verify'])
  })

  it('starts the handling clock at dispatch with the subclass limit', () => {
    const { book, id } = newBook()
    // 暴露垃圾: 1 working day (7 h) from dispatch at 09:03 → Tuesday 09:03.
    const record = run(book, id, ['accept', 'file', 'dispatch'])
    expect(record.handleDueAt).toBe(cst('2026-12-01T09:03:00'))
    expect(record.dueAt).toBe(record.handleDueAt)
  })
})
