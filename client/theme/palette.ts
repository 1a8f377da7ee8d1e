// One palette for map and panels, so a step or a status has the same colour everywhere on the wall.
import type { CaseStep, DeadlineState, InspectorStatus } from '../../server/contract/domain'

export const STEP_COLORS: Record<CaseStep, string> = {
  reported: '#7dd3fc',
  accepted: '#38bdf8',
  filed: '#a78bfa',
  dispatched: '#fb923c',
  handled: '#34d399',
  verified: '#2dd4bf',
  closed: '#94a3b8',
  cancelled: '#64748b',
}

export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  none: '#94a3b8',
  ontime: '#4ade80',
  dueSoon: '#facc15',
  overdue: '#ef4444',
}

export const STATUS_COLORS: Record<InspectorStatus, string> = {
  online: '#22d3ee',
  stale: '#a3a3a3',
  offline: '#52525b',
}

export const THEME = {
  background: '#040d1c',
  panel: 'rgba(8, 28, 56, 0.78)',
  border: '#1e5a8a',
  accent: '#35d0ff',
  text: '#e6f4ff',
  textDim: '#8fb3d1',
  /** Open-case load per grid, low → high. */
  load: ['rgba(53, 208, 255, 0.06)', 'rgba(250, 204, 21, 0.28)', 'rgba(249, 115, 22, 0.38)', 'rgba(239, 68, 68, 0.5)'],
}

/** Big figures use tabular digits so counters do not jitter as they change. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
