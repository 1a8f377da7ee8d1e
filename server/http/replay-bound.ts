// How much history one area replay may read: its inspectors × the hours asked, at most
// MAX_REPLAY_INSPECTOR_HOURS (200 inspector-days). Measured on this store at the history's densest
// down-sampling (a fix every 15 s), 48 h of one inspector is ~50–80 ms of reading and simplifying
// and ~190 KB of JSON, so the bound is ~5–8 s of one core (in slices: the walls stay live) and a
// ~20 MB answer, about what a wall can still parse and draw. The demo district (73 inspectors) may
// replay 48 h; a district of 200 inspectors one day; a city's district must be replayed by street.
import type { TimeRange } from './replay-range'

export const MAX_REPLAY_INSPECTOR_HOURS = 4_800

const HOUR_MS = 3600_000

export interface ReplayBoundProblem {
  field: 'code' | 'to'
  message: string
}

/** Why the area's replay is too large, or null when it is within the bound. */
export function replayBoundProblem(inspectorCount: number, { from, to }: TimeRange): ReplayBoundProblem | null {
  const hours = (to - from) / HOUR_MS
  const work = inspectorCount * hours
  if (work <= MAX_REPLAY_INSPECTOR_HOURS) return null
  const bound = `${MAX_REPLAY_INSPECTOR_HOURS.toLocaleString('en')} inspector-hours (200 inspector-days) a request`
  const maxHours = Math.floor(MAX_REPLAY_INSPECTOR_HOURS / inspectorCount)
  const asked = `this area has ${inspectorCount.toLocaleString('en')} inspectors × ${hours.toFixed(1)} h = ${Math.round(work).toLocaleString('en')} inspector-hours`
  if (maxHours < 1) return { field: 'code', message: `${asked}; a replay reads at most ${bound}: replay a smaller area` }
  return { field: 'to', message: `${asked}; a replay reads at most ${bound}: ask at most ${maxHours} h from \`from\` to \`to\` here, or a smaller area` }
}
