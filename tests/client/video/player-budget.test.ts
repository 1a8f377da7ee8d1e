import { describe, expect, it } from 'vitest'
import { createPlayerBudget, DEFAULT_MAX_PLAYERS, pageMaxPlayers } from '../../../client/video/player-budget'

describe('player budget', () => {
  it('grants at most N slots at once, the rest wait', () => {
    const budget = createPlayerBudget(2)
    const granted: number[] = []
    const tickets = [0, 1, 2, 3].map((i) => budget.acquire(() => granted.push(i)))
    expect(granted).toEqual([0, 1])
    expect(tickets.map((t) => t.granted)).toEqual([true, true, false, false])
    expect(budget.active).toBe(2)
    expect(budget.waiting).toBe(2)
  })

  it('gives a freed slot to the longest-waiting tile', () => {
    const budget = createPlayerBudget(1)
    const granted: string[] = []
    const a = budget.acquire(() => granted.push('a'))
    const b = budget.acquire(() => granted.push('b'))
    const c = budget.acquire(() => granted.push('c'))
    a.release()
    expect(granted).toEqual(['a', 'b'])
    expect(b.granted).toBe(true)
    expect(c.granted).toBe(false)
    b.release()
    expect(granted).toEqual(['a', 'b', 'c'])
  })

  it('a waiting tile that leaves gives up its place without taking a slot', () => {
    const budget = createPlayerBudget(1)
    const granted: string[] = []
    const a = budget.acquire(() => granted.push('a'))
    const b = budget.acquire(() => granted.push('b'))
    budget.acquire(() => granted.push('c'))
    b.release()
    expect(budget.waiting).toBe(1)
    a.release()
    expect(granted).toEqual(['a', 'c'])
    expect(b.granted).toBe(false)
  })

  it('releasing twice frees one slot only (never more players than N)', () => {
    const budget = createPlayerBudget(2)
    const a = budget.acquire(() => undefined)
    budget.acquire(() => undefined)
    budget.acquire(() => undefined)
    budget.acquire(() => undefined)
    a.release()
    a.release()
    expect(budget.active).toBe(2)
    expect(budget.waiting).toBe(1)
  })

  it('stays within N through any sequence of acquires and releases', () => {
    const budget = createPlayerBudget(3)
    const live: ReturnType<typeof budget.acquire>[] = []
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let step = 0; step < 2000; step++) {
      if (live.length === 0 || random() < 0.55) live.push(budget.acquire(() => undefined))
      else live.splice(Math.floor(random() * live.length), 1)[0].release()
      expect(budget.active).toBeLessThanOrEqual(3)
      expect(live.filter((t) => t.granted).length).toBe(budget.active)
      // a free slot is never left idle while someone waits
      if (budget.waiting > 0) expect(budget.active).toBe(3)
    }
  })

  it('N = 0 plays nothing', () => {
    const budget = createPlayerBudget(0)
    expect(budget.acquire(() => undefined).granted).toBe(false)
  })

  it('refuses a budget that is not a whole number ≥ 0', () => {
    expect(() => createPlayerBudget(-1)).toThrow(/max/)
    expect(() => createPlayerBudget(1.5)).toThrow(/max/)
  })

  it('reads ?maxPlayers= from the page, else the default of 4', () => {
    expect(DEFAULT_MAX_PLAYERS).toBe(4)
    expect(pageMaxPlayers('')).toBe(4)
    expect(pageMaxPlayers('?maxPlayers=9')).toBe(9)
    expect(pageMaxPlayers('?layout=wide&maxPlayers=0')).toBe(0)
    expect(pageMaxPlayers('?maxPlayers=lots')).toBe(4)
    expect(pageMaxPlayers('?maxPlayers=-2')).toBe(4)
  })
})
