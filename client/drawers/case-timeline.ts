// A case's story as rows for the drawer: every transition in time order (send-backs as their own
// rows), the current one marked, then the loop steps it has not reached yet.
import type { CaseHistoryAction, CaseStep, CaseTransition, EpochMs } from '../../server/contract/domain'
import { formatDate, formatTimeOfDay } from '../format'

/** Loop order, as CASE_LOOP in the contract (kept here so the client imports only types). */
export const LOOP_STEPS: readonly CaseStep[] = ['reported', 'accepted', 'filed', 'dispatched', 'handled', 'verified', 'closed']

const CST_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

export type TimelineRow =
  | { kind: 'done' | 'sendBack' | 'comment'; step: CaseStep; action: CaseHistoryAction; at: EpochMs; actor: string; note: string | null; mediaUrl: string | null; current: boolean }
  | { kind: 'pending'; step: CaseStep }

export interface CaseTimeline {
  rows: TimelineRow[]
  /** 返工: how many times 核查 sent the case back. */
  sendBacks: number
}

export function buildTimeline(history: readonly CaseTransition[], current: CaseStep): CaseTimeline {
  // Stable sort: transitions with the same timestamp keep the server's order.
  const sorted = [...history].sort((a, b) => a.at - b.at)
  // The current step is the last line that moved the case: a comment or a placing after it does not take its place.
  const currentIndex = sorted.findLastIndex((h) => h.action !== 'comment' && h.action !== 'locate')
  const rows: TimelineRow[] = sorted.map((h, i) => ({
    kind: h.action === 'sendBack' ? 'sendBack' : h.action === 'comment' ? 'comment' : 'done',
    step: h.step,
    action: h.action,
    at: h.at,
    actor: h.actor,
    note: h.note,
    mediaUrl: h.mediaUrl ?? null,
    current: i === currentIndex,
  }))
  // A cancelled case left the loop: nothing is pending. Otherwise the steps after the current one.
  const index = LOOP_STEPS.indexOf(current)
  if (index >= 0) for (const step of LOOP_STEPS.slice(index + 1)) rows.push({ kind: 'pending', step })
  return { rows, sendBacks: sorted.filter((h) => h.action === 'sendBack').length }
}

function cstDay(at: EpochMs): number {
  return Math.floor((at + CST_OFFSET_MS) / DAY_MS)
}

/** HH:mm, with the date in front when it is not the same CST day as `now`. */
export function timeLabel(at: EpochMs, now: EpochMs, locale: string): { date: string | null; time: string } {
  return { date: cstDay(at) === cstDay(now) ? null : formatDate(at, locale), time: formatTimeOfDay(at) }
}

/**
 * A day heading above each row that starts a new day (`dates` from timeLabel, null = today). A
 * timeline that is all today needs none; once an earlier day was shown, today gets `todayLabel`.
 */
export function dayHeadings(dates: readonly (string | null)[], todayLabel: string): (string | null)[] {
  let previous: string | null = null
  return dates.map((date, i) => {
    const day = date ?? todayLabel
    const show = i === 0 ? date != null : day !== previous
    previous = day
    return show ? day : null
  })
}
