// 人、地、物、情、事、组织: the six elements every grid record covers (Luoyuan's 智慧社区), as the 人文社区
// board shows them for one community. Pure: each element's figures from the sources it is read from.
import type { CommunityBoard } from '../../server/contract/devices'
import type { AreaProfile, WallStats } from '../../server/contract/domain'
import type { HotlineFigures } from '../../server/contract/evaluation'
import type { PartySummary } from '../../server/contract/party'

export type ElementKey = 'people' | 'land' | 'things' | 'feelings' | 'affairs' | 'organisations'
export type SourceKey = 'profile' | 'areas' | 'devices' | 'cases' | 'hotline' | 'party'

export interface ElementFigure {
  /** i18n key under community.element. */
  label: string
  /** null: its source has not answered yet ('—'). */
  value: number | null
  /** Decimals to show (area in km²). */
  digits?: number
}

export interface HumaneElement {
  key: ElementKey
  source: SourceKey
  figures: ElementFigure[]
}

export interface HumaneSources {
  profile: AreaProfile | null
  gridCount: number | null
  areaKm2: number | null
  board: CommunityBoard | null
  /** The community's scoped statistics (ScopeDetail.stats). */
  stats: WallStats | null
  /** Open 部件 cases in the community (from the wall's open cases). */
  openComponentCases: number | null
  openDisputes: number | null
  hotline: HotlineFigures | null
  party: PartySummary | null
}

const sumValues = (record: Record<string, number>): number => Object.values(record).reduce((a, b) => a + b, 0)

export function buildHumaneElements(s: HumaneSources): HumaneElement[] {
  const deviceCount = s.board ? Object.values(s.board.devices).reduce((a, c) => a + (c ? c.online + c.stale + c.offline : 0), 0) : null
  return [
    { key: 'people', source: 'profile', figures: [
      { label: 'residents', value: s.profile?.residents ?? null },
      { label: 'households', value: s.profile?.households ?? null },
      { label: 'elders', value: s.profile?.elders ?? null },
    ] },
    { key: 'land', source: 'areas', figures: [
      { label: 'grids', value: s.gridCount },
      { label: 'areaKm2', value: s.areaKm2, digits: 2 },
      { label: 'gridWorkers', value: s.profile?.gridWorkers ?? null },
    ] },
    { key: 'things', source: 'devices', figures: [
      { label: 'devices', value: deviceCount },
      { label: 'cameras', value: s.board ? s.board.cameras.length : null },
      { label: 'components', value: s.openComponentCases },
    ] },
    { key: 'feelings', source: 'hotline', figures: [
      { label: 'openCases', value: s.stats?.openTotal ?? null },
      { label: 'overdue', value: s.stats?.overdueTotal ?? null },
      { label: 'hotline', value: s.hotline?.inProgress ?? null },
    ] },
    { key: 'affairs', source: 'cases', figures: [
      { label: 'reportedToday', value: s.stats?.funnel.reported ?? null },
      { label: 'closedToday', value: s.stats?.funnel.closed ?? null },
      { label: 'disputes', value: s.openDisputes },
    ] },
    { key: 'organisations', source: 'party', figures: [
      { label: 'orgs', value: s.party ? sumValues(s.party.orgs) : null },
      { label: 'members', value: s.party?.members.total ?? null },
      { label: 'branches', value: s.party?.gridsWithBranch.numerator ?? null },
    ] },
  ]
}
