// The shared vocabulary of server and wall. Types and constants only: the client imports this with
// `import type`, so nothing here may need a runtime (see README.md in this folder).

/** WGS-84 longitude, latitude in degrees. */
export type LngLat = [number, number]
/** Epoch milliseconds. */
export type EpochMs = number

// ── Areas ────────────────────────────────────────────────────────────────────────────────────────

/** district (区) → street (街道/镇) → community (社区) → grid (网格). */
export type AreaLevel = 'district' | 'street' | 'community' | 'grid'

export interface AreaInfo {
  /** Grid codes follow county(6)+township(3)+community(3)+grid(3), e.g. 350111100012003. */
  code: string
  name: string
  level: AreaLevel
  parentCode: string | null
  /** A point inside the area, for labels and fly-to. */
  center: LngLat
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: [number, number, number, number]
}

/** The resident-facing statistics of an area ("人、地、物、情、事、组织"), summed up the hierarchy. */
export interface AreaProfile {
  residents: number
  households: number
  partyMembers: number
  partyBranches: number
  gridWorkers: number
  volunteers: number
  /** Residents aged 60 and over. */
  elders: number
  servicePoints: number
}

// ── Inspectors ───────────────────────────────────────────────────────────────────────────────────

/** Decided on the server by how long the device has been silent, never by the client. */
export type InspectorStatus = 'online' | 'stale' | 'offline'

export interface InspectorInfo {
  /** Small integer id: it travels in the packed position frame. */
  id: number
  /** The device id a phone reports with (OsmAnd `id`). */
  deviceId: string
  name: string
  gridCode: string
}

export interface InspectorLive {
  id: number
  lng: number
  lat: number
  /** Degrees clockwise from north; null when the device does not say. */
  heading: number | null
  /** Time of the fix itself, not of its arrival. */
  fixAt: EpochMs
  status: InspectorStatus
  /** Recent positions, oldest first, flattened [lng, lat, lng, lat, …]. */
  trail: number[]
}

// ── Cases ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The last completed step of the closed loop 采集 → 受理 → 立案 → 派遣 → 处置 → 核查 → 结案
 * (GB/T 30428: 信息收集 → 案卷建立 → 任务派遣 → 任务处理 → 处理反馈 → 核查结案), or cancelled (不予立案).
 */
export type CaseStep = 'reported' | 'accepted' | 'filed' | 'dispatched' | 'handled' | 'verified' | 'closed' | 'cancelled'

/** The seven steps in loop order. */
export const CASE_LOOP: readonly CaseStep[] = ['reported', 'accepted', 'filed', 'dispatched', 'handled', 'verified', 'closed']

/** What an actor may do to a case; each moves it along the loop (or back, for sendBack). */
export type CaseAction = 'accept' | 'file' | 'cancel' | 'dispatch' | 'handle' | 'verify' | 'sendBack' | 'close'

/** iot: 物联感知, a device's alarm rule (server/devices/alarm-rules.ts). */
export type CaseSource = 'inspector' | 'hotline' | 'video' | 'citizen' | 'iot'

/** Relative to the deadline of the case's current step. */
export type DeadlineState = 'none' | 'ontime' | 'dueSoon' | 'overdue'

/** 部件 (components, things in public space) or 事件 (events, things happening). */
export type CaseKind = 'component' | 'event'

export interface WorkingLimit {
  amount: number
  unit: 'workHour' | 'workDay'
}

export interface CaseCategory {
  /** Subclass code, e.g. "E0102". */
  code: string
  kind: CaseKind
  /** 大类, e.g. 市容环境. */
  major: string
  /** 小类, e.g. 暴露垃圾. */
  name: string
  /** 处置时限: from dispatch to handled. */
  handleLimit: WorkingLimit
}

/** A case as the wall sees it: everything but its history. */
export interface CaseSummary {
  /** 案卷号 */
  id: string
  categoryCode: string
  source: CaseSource
  /** The grid it lies in; the district's code while it is 待定位 (not yet placed). */
  gridCode: string
  /** null: 待定位 — reported by address only (a hotline call, an Open311 address_string), not on the map until an operator places it. */
  lng: number | null
  lat: number | null
  description: string
  step: CaseStep
  reportedAt: EpochMs
  /** When the current step was entered. */
  stepAt: EpochMs
  /** When the next action is due (working time), null once closed or cancelled. */
  dueAt: EpochMs | null
  deadline: DeadlineState
  /** How many times 核查 sent it back (返工). */
  reworkCount: number
  /** The inspector who reported it, if any. */
  reporterId: number | null
  department: string | null
}

/** What a line of a case's history records: its report, an action of the loop, a comment, or placing it on the map (the step stays for both). */
export type CaseHistoryAction = CaseAction | 'report' | 'comment' | 'locate'

export interface CaseTransition {
  caseId: string
  step: CaseStep
  action: CaseHistoryAction
  at: EpochMs
  actor: string
  note: string | null
  /** A photo added with this line (a citizen's comment through Open311 servicerequestupdates). */
  mediaUrl?: string | null
}

// ── Statistics ───────────────────────────────────────────────────────────────────────────────────

/** A KPI shown with its numerator and denominator, never as a bare percentage. */
export interface Ratio {
  numerator: number
  denominator: number
}

export interface CaseKpis {
  /** 立案率 = 立案数 / 已判定的上报数 (filed + cancelled). */
  filingRate: Ratio
  /** 结案率 = 结案数 / 应结案数 (closed, or past their handling deadline). */
  closureRate: Ratio
  /** 按期结案率 = 按期结案数 / 应结案数. */
  onTimeClosureRate: Ratio
  /** 返工率 = 被返工的案件数 / 经过核查的案件数. */
  reworkRate: Ratio
}

export interface DailyCount {
  /** yyyy-MM-dd in China Standard Time. */
  day: string
  reported: number
  closed: number
}

export interface CategoryCount {
  kind: CaseKind
  major: string
  count: number
}

export interface GridLoad {
  open: number
  overdue: number
}

export interface WallStats {
  at: EpochMs
  /** Today's cases by the furthest loop step each has reached (a funnel). */
  funnel: Record<Exclude<CaseStep, 'cancelled'>, number>
  /** Open cases by current step. */
  openByStep: Record<Exclude<CaseStep, 'closed' | 'cancelled'>, number>
  openTotal: number
  overdueTotal: number
  /** Over the KPI window (kpiWindowDays, today included). */
  kpis: CaseKpis
  kpiWindowDays: number
  /** Cases reported in the KPI window, by major class. */
  byCategory: CategoryCount[]
  /** The last 8 days, today last. */
  daily: DailyCount[]
  /** Cumulative reports by hour of day: today, and the mean of the previous 7 days (24 values each). */
  hourlyToday: number[]
  hourlyWeekMean: number[]
  inspectors: Record<InspectorStatus, number>
  /** Open and overdue cases per grid code (grids with none are omitted). */
  gridLoad: Record<string, GridLoad>
}

export interface FeedItem {
  caseId: string
  step: CaseStep
  action: CaseTransition['action']
  at: EpochMs
  gridCode: string
  categoryCode: string
  deadline: DeadlineState
}

// ── The snapshot a wall gets on connect (and GET /api/snapshot) ─────────────────────────────────

export interface WallSnapshot {
  serverTime: EpochMs
  /** Domain time runs faster than wall-clock time when the simulator is sped up. */
  clockSpeed: number
  /** Domain time is a demo's, not the wall clock (sped up, or a demo started at a working morning). */
  clockSimulated: boolean
  district: { code: string; name: string }
  areas: AreaInfo[]
  profiles: Record<string, AreaProfile>
  categories: CaseCategory[]
  inspectorInfos: InspectorInfo[]
  inspectors: InspectorLive[]
  /** Every open case. */
  cases: CaseSummary[]
  /** The newest changes, newest first. */
  feed: FeedItem[]
  stats: WallStats
}
