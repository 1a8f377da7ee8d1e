// The 部件 / 事件 catalogue with each subclass's 处置时限 (GB/T 30428.2, CJ/T 214). A selection of
// the subclasses cities use most; limits follow published local rules (e.g. 暴露垃圾 1 工作日,
// 道路不洁 5 工作时, 违法搭建 15 工作日).
import type { CaseCategory, CaseKind, WorkingLimit } from '../contract/domain'

const h = (amount: number): WorkingLimit => ({ amount, unit: 'workHour' })
const d = (amount: number): WorkingLimit => ({ amount, unit: 'workDay' })

/**
 * One major class (大类) and its subclasses (小类), each with its code written out: C/E (部件/事件)
 * + the 2-digit 大类 number + the 2-digit 小类 number. Codes are stored with every case and are the
 * Open311 service_codes citizens' apps hold, so they are fixed here, never derived from a position
 * in a list: a subclass added between two others takes a new number, and no case is renumbered.
 * A subclass that is no longer offered stays in the list (historic cases still name it).
 */
function major(kind: CaseKind, code: string, majorName: string, items: [code: string, name: string, limit: WorkingLimit][]): CaseCategory[] {
  return items.map(([subCode, name, handleLimit]) => {
    if (!subCode.startsWith(code) || !/^[CE]\d{4}$/.test(subCode)) throw new Error(`category ${subCode} (${name}) must be ${code} + two digits`)
    return { code: subCode, kind, major: majorName, name, handleLimit }
  })
}

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  ...major('component', 'C01', '公用设施', [['C0101', '井盖破损', h(4)], ['C0102', '路灯不亮', d(2)], ['C0103', '电力设施破损', d(2)], ['C0104', '健身设施损坏', d(3)], ['C0105', '井盖位移', h(2)]]),
  ...major('component', 'C02', '道路交通', [['C0201', '道路破损', d(3)], ['C0202', '护栏损坏', d(2)], ['C0203', '交通标志牌损坏', d(3)], ['C0204', '公交站亭破损', d(3)]]),
  ...major('component', 'C03', '市容环境', [['C0301', '果皮箱破损', d(1)], ['C0302', '公厕设施损坏', d(1)], ['C0303', '广告牌匾破损', d(3)]]),
  ...major('component', 'C04', '园林绿化', [['C0401', '行道树倒伏', h(4)], ['C0402', '绿地设施损坏', d(3)]]),
  ...major('component', 'C05', '房屋土地', [['C0501', '危房隐患', d(5)]]),
  ...major('component', 'C06', '其他设施', [['C0601', '消防设施缺失', d(2)]]),
  ...major('event', 'E01', '市容环境', [['E0101', '暴露垃圾', d(1)], ['E0102', '道路不洁', h(5)], ['E0103', '积存渣土', d(4)], ['E0104', '违法搭建', d(15)], ['E0105', '绿地脏乱', d(1)], ['E0106', '乱堆物料', d(1)]]),
  ...major('event', 'E02', '宣传广告', [['E0201', '非法小广告', h(4)], ['E0202', '违规户外广告', d(5)]]),
  ...major('event', 'E03', '施工管理', [['E0301', '施工占道', d(1)], ['E0302', '工地扬尘', h(4)], ['E0303', '施工废弃料', d(2)]]),
  ...major('event', 'E04', '街面秩序', [['E0401', '占道经营', h(2)], ['E0402', '无照经营', d(3)], ['E0403', '乱停放非机动车', h(2)], ['E0404', '店外经营', h(2)]]),
  ...major('event', 'E05', '突发事件', [['E0501', '道路积水', h(2)], ['E0502', '管道破裂', h(4)], ['E0503', '路面塌陷', h(4)], ['E0504', '火情隐患', h(1)]]),
  ...major('event', 'E06', '其他事件', [['E0601', '噪声扰民', d(1)], ['E0602', '独居老人关怀', h(2)]]),
  // 矛盾纠纷 (the community screen's 平安社区 disputes): mediated by the community's 调委会 within days, not hours.
  ...major('event', 'E07', '矛盾纠纷', [['E0701', '邻里纠纷', d(5)], ['E0702', '物业纠纷', d(5)], ['E0703', '家庭纠纷', d(3)]]),
]

/** Subclasses only a device's alarm rule files (server/devices/alarm-rules.ts): the simulator's people never pick them. */
export const DEVICE_CATEGORY_CODES: ReadonlySet<string> = new Set(['C0105', 'E0504', 'E0602'])

const byCode = new Map(CASE_CATEGORIES.map((c) => [c.code, c]))
if (byCode.size !== CASE_CATEGORIES.length) throw new Error('two categories share a code')

export function findCategory(code: string): CaseCategory | undefined {
  return byCode.get(code)
}
