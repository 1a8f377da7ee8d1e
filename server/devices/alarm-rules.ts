// The rules that turn a device's state into an alarm, and an alarm into a case: which category, and
// the words the case's story shows. Pure: the state in, the alarm wanted (or none) out.
import type { AlarmRule, DeviceInfo } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import type { DeviceState } from './device-state'

export interface WantedAlarm {
  rule: AlarmRule
  /** When the condition began (the alarm reading's time; for care, when the silence passed the limit). */
  since: EpochMs
  text: string
}

/** Each rule's 小类: 烟感 → 火情隐患, 井盖位移 → 井盖位移, 积水 → 道路积水, 关怀 → 独居老人关怀 (categories.ts). */
export const RULE_CATEGORY: Record<AlarmRule, string> = { smoke: 'E0504', manhole: 'C0105', flood: 'E0501', care: 'E0602' }

export const RULE_NAME: Record<AlarmRule, string> = {
  smoke: '烟感报警即立案',
  manhole: '井盖位移告警即立案',
  flood: '积水告警即立案',
  care: '独居老人水表超时无用水',
}

export function wantedAlarm(info: DeviceInfo, state: DeviceState | undefined, now: EpochMs, careSilenceMs: number): WantedAlarm | null {
  if (!state) return null
  switch (info.kind) {
    case 'smoke':
      return state.alarm ? { rule: 'smoke', since: state.lastAt, text: `烟感报警${measured(state.value, ' %/m', '烟雾浓度 ')}` } : null
    case 'manhole':
      return state.alarm ? { rule: 'manhole', since: state.lastAt, text: `井盖位移${measured(state.value, '°', '倾斜 ')}` } : null
    case 'flood':
      return state.alarm ? { rule: 'flood', since: state.lastAt, text: `积水${measured(state.value, ' cm', '水深 ')}` } : null
    case 'waterMeter': {
      if (!info.elderAlone || state.movedAt == null || now - state.movedAt < careSilenceMs) return null
      const hours = Math.floor((now - state.movedAt) / 3_600_000)
      return { rule: 'care', since: state.movedAt + careSilenceMs, text: `独居老人家中水表已 ${hours} 小时无用水（超过 ${careSilenceMs / 3_600_000} 小时即上门查看）` }
    }
    default:
      return null
  }
}

function measured(value: number | null, unit: string, label: string): string {
  return value == null ? '' : `，${label}${Math.round(value * 10) / 10}${unit}`
}
