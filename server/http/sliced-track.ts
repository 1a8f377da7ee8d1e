// One inspector's replay track, read and down-sampled in slices that each leave the event loop
// after a few tens of milliseconds. Measured on this project's SQLite store: reading 48 h at one fix
// a second (172,800 rows) took 0.65–0.9 s in one call and simplifying it 0.4–0.6 s, during which no
// wall received anything. So the history is read an hour at a time, and a track longer than
// CHUNK_POINTS is first simplified chunk by chunk.
import type { TrackPoint } from '../contract/detail'
import { downsampleTrack } from '../domain/downsample-track'
import type { WallStore } from '../store/wall-store'
import { nextTurn } from './next-turn'
import type { TimeRange } from './replay-range'
import { toTrackPoints } from './track-source'

/** An hour at one fix a second is 3,600 rows: ~15–20 ms to read. */
const READ_WINDOW_MS = 3600_000
/** ~50 ms of Douglas–Peucker. A track this short is simplified whole, exactly as before. */
const CHUNK_POINTS = 20_000

export async function slicedTrack(store: Pick<WallStore, 'track'>, inspectorId: number, { from, to }: TimeRange, toleranceM: number): Promise<TrackPoint[]> {
  const points: TrackPoint[] = []
  for (let start = from; start <= to; start += READ_WINDOW_MS) {
    // Windows of [start, start + window − 1]: store.track is inclusive at both ends.
    for (const p of toTrackPoints(await store.track(inspectorId, start, Math.min(to, start + READ_WINDOW_MS - 1)))) points.push(p)
    await nextTurn()
  }
  if (points.length <= CHUNK_POINTS) return downsampleTrack(points, toleranceM)
  // Two passes of half the tolerance each keep every fix within the tolerance of the result.
  const half = toleranceM / 2
  const reduced: TrackPoint[] = []
  for (let start = 0; start < points.length - 1; start += CHUNK_POINTS) {
    // Chunks share their end points, so no stretch between two chunks is lost.
    const chunk = downsampleTrack(points.slice(start, start + CHUNK_POINTS + 1), half)
    for (const p of reduced.length > 0 ? chunk.slice(1) : chunk) reduced.push(p)
    await nextTurn()
  }
  return downsampleTrack(reduced, half)
}
