// 党建引领: the party organisations beside the area tree and the 党员领办 projects. Types and
// constants only (see README.md in this folder); the client imports it with `import type`.
//
// HTTP routes (all JSON; reads need the wall token when one is set, as /api/snapshot does):
//   GET  /api/party/summary?area=<code>        → PartySummary   (district when area is absent; poll ~30 s)
//   GET  /api/party/orgs?area=<code>           → PartyOrg[]     (every organisation whose area is under <code>)
//   GET  /api/party/projects?area=&step=&limit= → ProjectSummary[] (newest first; limit ≤ 200, default 50)
//   GET  /api/party/projects/:id               → ProjectDetail
//   POST /api/party/projects                   → ProjectDetail  (operator token; body NewProjectBody)
//   POST /api/party/projects/:id/actions       → ProjectDetail  (operator token; body ProjectActionBody)
//   POST /api/import/party?format=csv|geojson  → { imported: Record<PartyOrgLevel, number> } (integration key, scope import)
// Errors: { error: { code, message, field? } } — 400 names the field, 401 no operator, 403 role may not,
// 404 no such project / case / branch, 409 not from the current step (error.currentStep) or a case already
// escalated (case_already_escalated), 422 import rejected.
//
// Changes after the first commit are noted here, newest last.
//   12-03 POST /api/party/projects: 409 case_already_escalated (field caseId) when the case already has a project.
import type { EpochMs, Ratio } from './domain'

// ── Organisations ────────────────────────────────────────────────────────────────────────────────

/**
 * The five-level chain: 街道"大工委" → 社区"大党委" → 网格党总支 → 小区党支部 → 楼栋党小组.
 * A 大工委 stands on a street, a 大党委 on a community, a 党总支 on a grid; 小区党支部 and 楼栋党小组
 * stand on a grid too and name their 小区 / 楼栋 in `place`.
 */
export type PartyOrgLevel = 'streetWorkCommittee' | 'communityCommittee' | 'gridGeneralBranch' | 'estateBranch' | 'buildingGroup'

export const PARTY_ORG_LEVELS: readonly PartyOrgLevel[] = ['streetWorkCommittee', 'communityCommittee', 'gridGeneralBranch', 'estateBranch', 'buildingGroup']

/** 三支队伍: members employed in the area's units (在职), living in its 小区 (小区), of units stationed there (驻区). */
export interface PartyMemberCounts {
  employed: number
  resident: number
  stationed: number
}

export interface PartyOrg {
  /** Unique; by convention the area code + a suffix, e.g. 350111100012003-B02. */
  code: string
  name: string
  level: PartyOrgLevel
  /** The organisation above it in the chain; null for a 大工委. */
  parentCode: string | null
  /** The street (大工委), community (大党委) or grid (the three lower levels) it stands on. */
  areaCode: string
  /** The 小区 (estateBranch) or 楼栋 (buildingGroup) it covers; null above. */
  place: string | null
  /** 书记 (组长 for a 楼栋党小组). */
  secretary: string
  members: PartyMemberCounts
  /** 党员先锋岗 held in it. */
  vanguardPosts: number
  /** "双报到" members: members of other organisations who reported to this one (to the community and the grid). */
  doubleReported: number
}

// ── 党员领办 projects ────────────────────────────────────────────────────────────────────────────

/**
 * The loop 支部派单 → 党员领办 → 组团兑现 → 群众评议, walked as the 问议定办评 steps of a 说事 item:
 *   assigned  支部派单 (问: the item raised, the branch hands it out)
 *   claimed   党员领办 (members take it on)
 *   discussed 党员领办 (议: talked through with residents at 说事会)
 *   decided   党员领办 (定: what will be done is fixed)
 *   delivered 组团兑现 (办: the team has done it)
 *   rated     群众评议 (评: residents have rated it; the project is closed)
 */
export type ProjectStep = 'assigned' | 'claimed' | 'discussed' | 'decided' | 'delivered' | 'rated'

export const PROJECT_LOOP: readonly ProjectStep[] = ['assigned', 'claimed', 'discussed', 'decided', 'delivered', 'rated']

/** The four stages the wall draws (a project's step belongs to exactly one). */
export type ProjectStage = 'branchAssigns' | 'membersLead' | 'teamDelivers' | 'residentsRate'

export const PROJECT_STAGE_OF: Readonly<Record<ProjectStep, ProjectStage>> = {
  assigned: 'branchAssigns', claimed: 'membersLead', discussed: 'membersLead', decided: 'membersLead', delivered: 'teamDelivers', rated: 'residentsRate',
}

/** 问 / 议 / 定 / 办 / 评 of the 说事 item, by the step that completes it. */
export type ShuoshiStage = 'ask' | 'discuss' | 'decide' | 'do' | 'rate'

export const SHUOSHI_STAGE_OF: Readonly<Record<ProjectStep, ShuoshiStage | null>> = {
  assigned: 'ask', claimed: null, discussed: 'discuss', decided: 'decide', delivered: 'do', rated: 'rate',
}

/** claim: assigned→claimed; discuss: claimed→discussed; decide: discussed→decided; deliver: decided→delivered; rate: delivered→rated. */
export type ProjectAction = 'claim' | 'discuss' | 'decide' | 'deliver' | 'rate'

/** The residents' rating (群众评议), the same four levels 12345 centres use (evaluation.ts). */
export type SatisfactionLevel = 'satisfied' | 'basicallySatisfied' | 'neutral' | 'dissatisfied'

/** 满意 1, 基本满意 0.8, 一般 0.6, 不满意 0: the weights real centres publish. */
export const SATISFACTION_WEIGHTS: Readonly<Record<SatisfactionLevel, number>> = {
  satisfied: 1, basicallySatisfied: 0.8, neutral: 0.6, dissatisfied: 0,
}

export interface ProjectSummary {
  /** 项目号, e.g. XM20261202001. */
  id: string
  title: string
  /** Raised from a case too big for one grid (escalated), or on the branch's own initiative. */
  origin: 'case' | 'own'
  /** The case it was escalated from (origin case), else null. */
  caseId: string | null
  /** The PartyOrg (a 网格党总支 / 小区党支部 / …) that handed it out. */
  branchCode: string
  branchName: string
  /** The grid of the branch (for scope filtering). */
  gridCode: string
  /** 领办党员: names; empty until claimed. */
  leadMembers: string[]
  step: ProjectStep
  createdAt: EpochMs
  stepAt: EpochMs
  deadlineAt: EpochMs
  /** Not rated by the deadline (a delivered-but-unrated project past it is overdue too). */
  overdue: boolean
  /** Set once rated. */
  rating: SatisfactionLevel | null
}

export interface ProjectTransition {
  projectId: string
  /** The step entered; `assigned` is the creation line. */
  step: ProjectStep
  action: ProjectAction | 'assign'
  at: EpochMs
  actor: string
  note: string | null
}

export interface ProjectDetail extends ProjectSummary {
  description: string
  history: ProjectTransition[]
  /** When each 问议定办评 stage was completed (null: not yet). */
  shuoshi: Record<ShuoshiStage, EpochMs | null>
  allowedActions: ProjectAction[]
}

/** POST /api/party/projects. Roles: party (党建办 / 支部书记) or supervision (escalating a case). */
export interface NewProjectBody {
  title: string
  description?: string
  /** A PartyOrg code of level gridGeneralBranch, estateBranch or buildingGroup. */
  branchCode: string
  /** Optional: the case escalated (must exist). */
  caseId?: string | null
  /** Epoch ms or an ISO 8601 date-time; after now. */
  deadlineAt: EpochMs | string
  note?: string
}

/** POST /api/party/projects/:id/actions. */
export interface ProjectActionBody {
  action: ProjectAction
  /** Required for claim: 1–10 names. */
  leadMembers?: string[]
  /** Required for rate. */
  rating?: SatisfactionLevel
  note?: string
}

/** Who may do which action (operators' roles, server/http/access.ts). */
export const PROJECT_ROLE_ACTIONS = {
  assign: ['party', 'supervision'],
  claim: ['party'],
  discuss: ['party'],
  decide: ['party'],
  deliver: ['party', 'department'],
  rate: ['supervision'],
} as const satisfies Record<ProjectAction | 'assign', readonly string[]>

// ── The board's figures ──────────────────────────────────────────────────────────────────────────

export interface PartySummary {
  at: EpochMs
  /** The area asked for (the district's code when none). */
  areaCode: string
  /** Organisations under the area, by level. */
  orgs: Record<PartyOrgLevel, number>
  /** Members of the 党总支, 小区党支部 and 楼栋党小组 under the area (the lower levels hold the members; no double count). */
  members: PartyMemberCounts & { total: number }
  vanguardPosts: number
  doubleReported: number
  /** Grids under the area with at least one party organisation standing on them, of all grids (一网格一支部). */
  gridsWithBranch: Ratio
  /** Projects of branches under the area, created this year (CST), by step. */
  projectsByStep: Record<ProjectStep, number>
  projectsByStage: Record<ProjectStage, number>
  /** 办结率 = 已评议 / (已评议 + 逾期未评议), this year. */
  closureRate: Ratio
  /** 群众满意率 = Σ weight(rating) / rated, this year; numerator is the weighted sum (may be fractional). */
  satisfactionRate: Ratio
  /** Newest first, at most 10. */
  recent: ProjectSummary[]
}
