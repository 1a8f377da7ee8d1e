import { describe, expect, it } from 'vitest'
import type { TrackPoint } from '../../../server/contract/detail'
import { headingAt, lastIndexAt, pathUntil, positionAt } from '../../../client/replay/replay-math'

const track: TrackPoint[] = [[119.0, 26.0, 1000], [119.001, 26.0, 2000], [119.001, 26.001, 4000]]

describe('replay math', () => {
  it('finds the last fix at or before a moment', () => {
    expect(lastIndexAt(track, 999)).toBe(-1)
    expect(lastIndexAt(track, 2000)).toBe(1)
    expect(lastIndexAt(track, 3999)).toBe(1)
    expect(lastIndexAt(track, 9999)).toBe(2)
  })

  it('interpolates between fixes and stays at the last one after the end', () => {
    expect(positionAt(track, 500)).toBeNull()
    expect(positionAt(track, 1500)![0]).toBeCloseTo(119.0005)
    const mid = positionAt(track, 3000)!
    expect(mid[0]).toBeCloseTo(119.001, 9)
    expect(mid[1]).toBeCloseTo(26.0005, 9)
    expect(positionAt(track, 10_000)).toEqual([119.001, 26.001])
  })

  it('draws the path walked so far, ending at the head', () => {
    const path = pathUntil(track, 3000)
    expect(path.slice(0, 2)).toEqual([[119.0, 26.0], [119.001, 26.0]])
    expect(path[2][1]).toBeCloseTo(26.0005, 9)
    expect(pathUntil(track, 4000)).toEqual([[119.0, 26.0], [119.001, 26.0], [119.001, 26.001]])
  })

  it('heads east, then north', () => {
    expect(headingAt(track, 1500)).toBeCloseTo(90)
    expect(headingAt(track, 3000)).toBeCloseTo(0)
  })
})
