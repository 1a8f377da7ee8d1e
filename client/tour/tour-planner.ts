// Where each stop of the visitors' tour goes, decided from the wall's own stores: pure functions
// over hand-made or live state, so the choices are tested without a browser.
import type { RouteLocationRaw } from 'vue-router'
import type { CaseSummary, DeadlineState, GridLoad, InspectorInfo, InspectorLive } from '../../server/contract/domain'

export const TOUR_STOPS = ['district', 'worstGrid', 'urgentCase', 'replay', 'party', 'ranking'] as const
export type TourStop = (typeof TOUR_STOPS)[number]

/** What the planner reads: the district-wide figures, open cases, inspectors and the domain clock. */
export interface TourState {
  gridLoad: Readonly<Record<string, GridLoad>>
  cases: ReadonlyMap<string, CaseSummary>
  infos: ReadonlyMap<number, InspectorInfo>
  live: ReadonlyMap<number, InspectorLive>
  /** Domain time (the simulator's clock may run ahead of the wall PC's). */
  now: number
  /** Whether the 党建引领 and 综合评价 boards have figures to show (the tour skips a board that has none). */
  boards?: Partial<Record<'party' | 'ranking', boolean>>
}

/** yyyy-MM-dd in China Standard Time: "today" is the district's day, not the PC's. */
export const cstDay = (at: number): string => new Date(at + 8 * 3600_000).toISOString().slice(0, 10)

type Load = [code: string, load: GridLoad]
const worse = ([ac, a]: Load, [bc, b]: Load): boolean =>
  a.overdue !== b.overdue ? a.overdue > b.overdue : a.open !== b.open ? a.open > b.open : ac < bc

/** The grid with the most overdue cases, then the most open; ties go to the lower code (stable). */
export function worstGrid(gridLoad: Readonly<Record<string, GridLoad>>): string | null {
  let best: Load | null = null
  for (const entry of Object.entries(gridLoad)) {
    if (entry[1].open > 0 && (!best || worse(entry, best))) best = entry
  }
  return best?.[0] ?? null
}

const newer = (a: CaseSummary, b: CaseSummary): boolean =>
  a.stepAt !== b.stepAt ? a.stepAt > b.stepAt : a.reportedAt !== b.reportedAt ? a.reportedAt > b.reportedAt : a.id > b.id

/** The newest overdue open case on the map, else the newest due soon, else the newest open case. */
export function urgentCase(cases: ReadonlyMap<string, CaseSummary>): CaseSummary | null {
  const newest = new Map<DeadlineState | 'any', CaseSummary>()
  for (const c of cases.values()) {
    // The stop flies to the case: one not placed yet (待定位) has nowhere to show.
    if (c.lng == null || c.lat == null) continue
    for (const bucket of [c.deadline, 'any'] as const) {
      const held = newest.get(bucket)
      if (!held || newer(c, held)) newest.set(bucket, c)
    }
  }
  return newest.get('overdue') ?? newest.get('dueSoon') ?? newest.get('any') ?? null
}

const isOnline = (state: TourState, id: number): boolean => state.live.get(id)?.status === 'online'
const lowestId = (ids: number[]): number | null => (ids.length > 0 ? Math.min(...ids) : null)

/** The urgent case's reporter if they walked today, else someone online in the worst grid, else anyone online. */
export function replayInspector(state: TourState): number | null {
  const reporter = urgentCase(state.cases)?.reporterId
  const fix = reporter != null && state.infos.has(reporter) ? state.live.get(reporter) : undefined
  if (reporter != null && fix && cstDay(fix.fixAt) === cstDay(state.now)) return reporter
  const online = [...state.infos.values()].filter((i) => isOnline(state, i.id))
  const grid = worstGrid(state.gridLoad)
  return lowestId(online.filter((i) => i.gridCode === grid).map((i) => i.id)) ?? lowestId(online.map((i) => i.id))
}

/** The route of a stop, or null when it has nothing to show (the tour then skips it). */
export function nextStop(kind: TourStop, state: TourState): RouteLocationRaw | null {
  switch (kind) {
    case 'district':
      return '/'
    case 'worstGrid': {
      const code = worstGrid(state.gridLoad)
      return code ? `/area/${encodeURIComponent(code)}` : null
    }
    case 'urgentCase': {
      const c = urgentCase(state.cases)
      return c ? `/case/${encodeURIComponent(c.id)}` : null
    }
    case 'replay': {
      const id = replayInspector(state)
      return id != null ? `/replay/${id}` : null
    }
    // The boards at the district: the story's close, how the party works in the grids and who scores best.
    case 'party':
      return state.boards?.party ? '/board/party' : null
    case 'ranking':
      return state.boards?.ranking ? '/board/ranking' : null
  }
}
