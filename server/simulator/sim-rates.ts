// The simulator's figures, taken from the seed documents (PRODUCT.md): Fu'an's 9 inspectors file
// ~50 reports a day (≈5.5 each); 10,692 of 11,531 reports were filed (≈7% cancelled); 处置率 94%;
// Beijing Daxing's monthly mix puts 市容环境 at 65%, 街面秩序 at 24%.
import type { CaseSource } from '../contract/domain'

/**
 * Reports an on-duty inspector makes per day of duty. Below Fu'an's 5.5: our inspectors each cover one
 * dense grid, and at 5.5 the demo map drowned in pins.
 */
export const INSPECTOR_REPORTS_PER_DAY = 3
/** Reports from other sources, as a share of all reports. */
export const OTHER_SOURCES: readonly { source: CaseSource; share: number }[] = [
  { source: 'hotline', share: 0.12 },
  { source: 'video', share: 0.08 },
  { source: 'citizen', share: 0.06 },
]
export const CANCEL_SHARE = 0.07
export const SEND_BACK_SHARE = 0.06
/** Share of cases whose handling overruns its 处置时限. */
export const LATE_HANDLING_SHARE = 0.08

/** Median minutes each supervision-centre step takes, with its log-normal spread. */
export const STEP_MINUTES = {
  accept: { median: 6, spread: 0.7 },
  file: { median: 12, spread: 0.7 },
  dispatch: { median: 15, spread: 0.7 },
  verify: { median: 45, spread: 0.6 },
  close: { median: 20, spread: 0.6 },
}

/** Major-class weights for generated reports (事件 dominate, as in every city's statistics). */
export const MAJOR_WEIGHTS: Record<string, number> = {
  'event/市容环境': 45, 'event/街面秩序': 22, 'event/宣传广告': 6, 'event/施工管理': 4, 'event/突发事件': 2, 'event/其他事件': 2,
  // Disputes grid workers bring in from their rounds (邻里 / 物业 / 家庭): a few a week per community.
  'event/矛盾纠纷': 3,
  'component/公用设施': 7, 'component/道路交通': 5, 'component/市容环境': 3, 'component/园林绿化': 2, 'component/房屋土地': 1, 'component/其他设施': 1,
}

/** Relative report rate by hour of day (CST): quiet at night, peaks mid-morning and mid-afternoon. */
export const HOURLY_ACTIVITY = [
  0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 1.8, 1.8, 1.5, 1.0, 1.1, 1.5, 1.7, 1.7, 1.4, 1.0, 0.8, 0.7, 0.5, 0.35, 0.2,
]
const meanActivity = HOURLY_ACTIVITY.reduce((a, b) => a + b, 0) / 24
export const activityAt = (hour: number): number => HOURLY_ACTIVITY[hour] / meanActivity

/** Inspectors are on rounds 07:00–23:00; a third also cover the night. */
export const DAY_SHIFT_HOURS: [number, number] = [7, 23]
export const NIGHT_SHIFT_SHARE = 0.34
/** Share of inspectors off today (leave, a dead phone): their last fix is from earlier, so they show offline. */
export const ABSENT_SHARE = 0.04

export const WALK_SPEED_MPS = { min: 0.9, max: 1.5 }
/** A phone reports every 5–10 s while its inspector is on duty. */
export const FIX_INTERVAL_S = { min: 5, max: 10 }
/** Chance per on-duty minute that a phone loses signal, and for how long. */
export const SIGNAL_LOSS_PER_MINUTE = 0.002
export const SIGNAL_LOSS_MINUTES = { median: 6, spread: 0.6 }

/** Descriptions the simulator writes, by subclass name (generic fallback otherwise). */
export const DESCRIPTIONS: Record<string, string[]> = {
  暴露垃圾: ['路边堆放生活垃圾约2平方米', '绿化带内有暴露垃圾'],
  道路不洁: ['人行道有油污、纸屑', '路面泥土污染约10米'],
  占道经营: ['流动摊贩占用人行道经营水果', '早餐摊占道经营'],
  乱停放非机动车: ['共享单车堆放阻碍通行', '电动车乱停放占用盲道'],
  非法小广告: ['电线杆上张贴小广告', '墙面喷涂办证小广告'],
  井盖破损: ['雨水井盖破损，存在安全隐患', '污水井盖缺失'],
  路灯不亮: ['路灯夜间不亮', '连续三盏路灯损坏'],
  违法搭建: ['楼顶新建彩钢瓦棚', '小区绿地内违章搭建'],
  道路积水: ['低洼路段积水约20厘米', '下水道堵塞路面积水'],
  邻里纠纷: ['楼上楼下漏水引发邻里争执', '公共走道堆物占道，邻居多次争吵'],
  物业纠纷: ['业主与物业就停车费收取发生纠纷', '电梯长期故障，业主拒交物业费'],
  家庭纠纷: ['老人赡养问题引发家庭矛盾', '夫妻争吵，邻居反映需调解'],
}
