// What a supervisor sees when drilling in: an area's scoped figures, a case's whole story, an
// inspector's day, and replays. Types only (see README.md in this folder).
import type {
  AreaInfo, CaseCategory, CaseStep, CaseSummary, CaseTransition, EpochMs, InspectorInfo, InspectorLive, InspectorStatus, WallStats,
} from './domain'

/** [lng, lat, epoch ms] */
export type TrackPoint = [number, number, number]

export interface InspectorTrack {
  inspectorId: number
  /** Oldest first; down-sampled for long ranges, keeping the endpoints and the turns. */
  points: TrackPoint[]
}

/** A case transition placed on the replay timeline. */
export interface ReplayEvent {
  caseId: string
  at: EpochMs
  step: CaseStep
  action: CaseTransition['action']
  lng: number
  lat: number
  categoryCode: string
}

/** GET /api/inspectors/:id/track and GET /api/grids/:code/track */
export interface ReplayData {
  from: EpochMs
  to: EpochMs
  tracks: InspectorTrack[]
  events: ReplayEvent[]
}

/** Proof of presence: was the inspector really at the case when they reported or verified it? */
export interface PresenceCheck {
  role: 'reporter' | 'verifier'
  inspectorId: number
  name: string
  /** When they reported / verified. */
  at: EpochMs
  /** Closest distance of their track to the case point within ±10 minutes of `at`; null without a track. */
  nearestMetres: number | null
  /** Their track around `at` (±10 minutes). */
  track: TrackPoint[]
}

/** GET /api/cases/:id */
export interface CaseDetail extends CaseSummary {
  history: CaseTransition[]
  category: CaseCategory | null
  /** The first of mediaUrls. */
  mediaUrl: string | null
  /** Every photo the reporter sent, in order: links for a screen, never fetched by the wall. */
  mediaUrls: string[]
  /** What the reporter added (Open311 attribute[code]), by code; a list for a multivaluelist; null for none. */
  attributes: Record<string, string | string[]> | null
  /** The reporter's own words for the place (Open311 address_string). */
  address: string | null
  /** For a case not placed yet (lng null, 待定位): the area its address names, to place it from; else null. */
  suggestedArea: (Pick<AreaInfo, 'code' | 'name' | 'level' | 'center'> & { landmark: { name: string; point: [number, number] } | null }) | null
  /** Working minutes left in the current step (negative: overdue by that much); null without a deadline. */
  remainingWorkMinutes: number | null
  presence: PresenceCheck[]
  /** A citizen reporter, masked for screens (138****1234); the full details need a supervision operator. */
  reporter: MaskedReporter | null
}

export interface MaskedReporter {
  name: string | null
  phone: string | null
  email: string | null
}

export interface StatusPeriod {
  status: InspectorStatus
  from: EpochMs
  to: EpochMs
}

/** GET /api/inspectors/:id */
export interface InspectorDetail {
  info: InspectorInfo
  live: InspectorLive | null
  gridName: string | null
  /** Since 00:00 CST today (domain time), from the position history. */
  todayDistanceM: number
  reportsToday: number
  verificationsToday: number
  /** Today's online / stale / offline periods, judged from the gaps in the history. */
  statusHistory: StatusPeriod[]
}

/** An open case of the focused area with the working time it has left. */
export interface ScopedCase {
  id: string
  remainingWorkMinutes: number | null
}

/** Sent each stats tick to the walls focused on an area (Socket.IO room `area:<code>`). */
export interface ScopeDetail {
  code: string
  stats: WallStats
  /** Open cases of the area, most urgent first (at most 50). */
  cases: ScopedCase[]
}
