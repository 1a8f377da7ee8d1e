// The 党建 board's accents: party red and gold for the organisation, one colour per project stage
// (the wall's blues and greens, so a stage never reads as "overdue" red).
import type { ProjectStage } from '../../server/contract/party'

export const PARTY_RED = '#f43f5e'
export const PARTY_GOLD = '#fcd34d'

export const STAGE_COLORS: Record<ProjectStage, string> = {
  branchAssigns: '#38bdf8',
  membersLead: '#fcd34d',
  teamDelivers: '#fb923c',
  residentsRate: '#4ade80',
}
