import type { GeoJSONSourceDiff } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { createDiffSourceUpdater, type DiffableSource } from '../../../client/map/diff-source-updater'

type Point = { id: number; x: number }

/** A source that records what it was sent and settles each call when the test says so. */
function recordingSource() {
  const calls: ({ setData: number[] } | { diff: GeoJSONSourceDiff })[] = []
  const settle: ((ok: boolean) => void)[] = []
  const wait = () => new Promise<void>((resolve, reject) => settle.push((ok) => (ok ? resolve() : reject(new Error('worker failed')))))
  const source: DiffableSource = {
    setData(data) {
      calls.push({ setData: data.features.map((f) => f.id as number) })
      return wait()
    },
    updateData(diff) {
      calls.push({ diff })
      return wait()
    },
  }
  return {
    source, calls,
    /** Settles the oldest call: done, or failed in the worker. */
    async settleOne(ok = true) {
      settle.shift()?.(ok)
      await new Promise((r) => setTimeout(r, 0))
    },
  }
}

function pointsUpdater(points: Map<number, Point>, source: DiffableSource) {
  const feature = (p: Point): GeoJSON.Feature => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [p.x, 0] }, properties: { id: p.id } })
  return createDiffSourceUpdater<number>(() => source, {
    all: () => ({ type: 'FeatureCollection', features: [...points.values()].map(feature) }),
    one: (id) => (points.has(id) ? feature(points.get(id)!) : null),
  }, () => {})
}

/** Ten points drawn by a first setData that has settled. */
async function tenPointsDrawn() {
  const points = new Map(Array.from({ length: 10 }, (_, i) => [i, { id: i, x: i }]))
  const s = recordingSource()
  const updater = pointsUpdater(points, s.source)
  updater.resetAll()
  await s.settleOne()
  return { points, s, updater }
}

describe('diff source updater', () => {
  it('draws everything first, then sends only what changed as update, add and remove', async () => {
    const { points, s, updater } = await tenPointsDrawn()
    points.get(3)!.x = 30
    points.set(42, { id: 42, x: 1 })
    points.delete(7)
    updater.changed([3, 42, 7])
    await s.settleOne()
    expect(s.calls[0]).toEqual({ setData: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
    const diff = (s.calls[1] as { diff: GeoJSONSourceDiff }).diff
    expect(diff.remove).toEqual([7])
    expect(diff.add!.map((f) => f.id)).toEqual([42])
    expect(diff.update).toEqual([{ id: 3, newGeometry: { type: 'Point', coordinates: [30, 0] }, addOrUpdateProperties: [{ key: 'id', value: 3 }] }])
  })

  it('keeps one update in flight and gathers the ids that change meanwhile into the next', async () => {
    const { s, updater } = await tenPointsDrawn()
    updater.changed([1])
    updater.changed([2])
    updater.changed([1, 3])
    expect(s.calls).toHaveLength(2)
    await s.settleOne()
    expect(s.calls).toHaveLength(3)
    expect((s.calls[2] as { diff: GeoJSONSourceDiff }).diff.update!.map((u) => u.id)).toEqual([2, 1, 3])
  })

  it('replaces everything when most features changed at once', async () => {
    const { s, updater } = await tenPointsDrawn()
    updater.changed([0, 1, 2, 3, 4, 5])
    await s.settleOne()
    expect(s.calls[1]).toHaveProperty('setData')
  })

  it('redraws whole after a failed update instead of freezing the layer', async () => {
    const { s, updater } = await tenPointsDrawn()
    updater.changed([1])
    await s.settleOne(false)
    await new Promise((r) => setTimeout(r, 1100))
    expect(s.calls.at(-1)).toEqual({ setData: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
    await s.settleOne()
    updater.changed([2])
    expect(s.calls.at(-1)).toHaveProperty('diff')
  })

  it('stops waiting on a source the map replaced (a restored WebGL context) and redraws the new one whole', async () => {
    const { s, updater } = await tenPointsDrawn()
    updater.changed([1])
    // The update in flight went to the old source, which never settles it.
    expect(s.calls.at(-1)).toHaveProperty('diff')
    updater.sourceReplaced()
    expect(s.calls.at(-1)).toEqual({ setData: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
    await s.settleOne() // the old source's update settling late must not disturb the new run
    updater.changed([2])
    expect(s.calls.at(-1)).toEqual({ setData: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
    await s.settleOne()
    expect(s.calls.at(-1)).toHaveProperty('diff')
  })
})
