import { describe, expect, it } from 'vitest'
import { findSelfCrossing } from '../../../server/import/segment-crossings'
import { zigzagRing } from '../helpers/large-areas-file'

describe('findSelfCrossing', () => {
  it('finds nothing in a square, nor at a repeated vertex', () => {
    expect(findSelfCrossing([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toBeNull()
    expect(findSelfCrossing([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 1], [0, 0]])).toBeNull()
  })

  it('finds a bow-tie (which turf booleanValid accepts)', () => {
    expect(findSelfCrossing([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toEqual([0, 2])
  })

  it('finds a ring that touches itself at a vertex', () => {
    // A figure eight through (1, 1): two squares joined at a corner.
    expect(findSelfCrossing([[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]])).not.toBeNull()
  })

  it('finds a spike that folds back over its own edge', () => {
    expect(findSelfCrossing([[0, 0], [2, 0], [1, 0], [1, 1], [0, 0]])).toEqual([0, 1])
  })

  it('finds collinear edges that overlap', () => {
    expect(findSelfCrossing([[0, 0], [3, 0], [3, 1], [2, 1], [2, 0], [1, 0], [1, 2], [0, 2], [0, 0]])).not.toBeNull()
  })

  it('checks a ring of 20 000 vertices in well under a second', () => {
    const ring = Array.from({ length: 20_000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 20_000
      return [119.3 + 0.01 * Math.cos(a), 26.08 + 0.01 * Math.sin(a)]
    })
    ring.push(ring[0])
    const started = performance.now()
    expect(findSelfCrossing(ring)).toBeNull()
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('findSelfCrossing on rings a sort by x cannot help with', () => {
  // Every edge spans the ring's width: a sweep by x compared every pair (32,000 teeth: ~8 s).
  it('checks a zigzag of 32 000 teeth in well under a second', () => {
    const ring = zigzagRing(32_000)
    const started = performance.now()
    expect(findSelfCrossing(ring)).toBeNull()
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('finds a crossing deep in the zigzag, and names the first by position when there are several', () => {
    // Lifting the left end of tooth k above tooth k + 2 makes the edge from k − 1 cross the one from k + 1.
    const ring = zigzagRing(2_000).map((p) => [...p])
    const lift = (k: number) => { ring[k] = [ring[k][0], ring[k + 2][1] + 1e-7] }
    lift(1500)
    expect(findSelfCrossing(ring)).toEqual([1499, 1501])
    lift(700)
    expect(findSelfCrossing(ring)).toEqual([699, 701])
  })
})
