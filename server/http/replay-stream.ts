// A replay answered a track at a time: each inspector's track is read, down-sampled and written on
// turns of its own, so an area's replay never holds the event loop for more than one slice and the
// walls' frames and ticks go out in between. The body is the same ReplayData JSON as one res.json
// would give; it stops early when the client goes away.
import type { Response } from 'express'
import type { ReplayEvent, TrackPoint } from '../contract/detail'
import { nextTurn } from './next-turn'
import type { TimeRange } from './replay-range'

export interface ReplayParts {
  range: TimeRange
  inspectorIds: readonly number[]
  trackOf(inspectorId: number): Promise<TrackPoint[]>
  /** Called last, so the events are those known when the tracks are done. */
  events(): ReplayEvent[]
}

export async function streamReplay(res: Response, { range, inspectorIds, trackOf, events }: ReplayParts): Promise<void> {
  res.type('application/json')
  let gone = false
  res.once('close', () => { gone = true })
  const write = async (chunk: string) => {
    if (!res.write(chunk) && !gone) await drainedOrClosed(res)
  }
  await write(`{"from":${range.from},"to":${range.to},"tracks":[`)
  for (const [i, inspectorId] of inspectorIds.entries()) {
    if (gone) return
    const points = await trackOf(inspectorId)
    await write(`${i > 0 ? ',' : ''}${JSON.stringify({ inspectorId, points })}`)
    await nextTurn()
  }
  if (gone) return
  res.end(`],"events":${JSON.stringify(events())}}`)
}

/** A slow client holds the rest of the body back instead of it piling up in memory. */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}
