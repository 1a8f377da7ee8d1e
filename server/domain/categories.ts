// The 部件 / 事件 catalogue with each subclass's 处置时限 (GB/T 30428.2, CJ/T 214). A selection of
// the subclasses cities use most; limits follow published local rules (e.g. 暴露垃圾 1 工作日,
// 道路不洁 5 工作时, 违法搭建 15 工作日).
import type { CaseCategory, CaseKind, WorkingLimit } from '../contract/domain'

const h = (amount: number): WorkingLimit => ({ amount, unit: 'workHour' })
const d = (amount: number): WorkingLimit => ({ amount, unit: 'workDay' })

function group(kind: CaseKind, prefix: string, major: string, items: [string, WorkingLimit][]): CaseCategory[] {
  return items.map(([name, handleLimit], i) => ({
    code: `${prefix}${String(i + 1).padStart(2, '0')}`,
    kind,
    major,
    name,
    handleLimit,
  }))
}

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  ...group('component', 'C01', '公用设施', [['井盖破损', h(4)], ['路灯不亮', d(2)], ['电力设施破损', d(2)], ['健身设施损坏', d(3)]]),
  ...group('component', 'C02', '道路交通', [['道路破损', d(3)], ['护栏损坏', d(2)], ['交通标志牌损坏', d(3)], ['公交站亭破损', d(3)]]),
  ...group('component', 'C03', '市容环境', [['果皮箱破损', d(1)], ['公厕设施损坏', d(1)], ['广告牌匾破损', d(3)]]),
  ...group('component', 'C04', '园林绿化', [['行道树倒伏', h(4)], ['绿地设施损坏', d(3)]]),
  ...group('component', 'C05', '房屋土地', [['危房隐患', d(5)]]),
  ...group('component', 'C06', '其他设施', [['消防设施缺失', d(2)]]),
  ...group('event', 'E01', '市容环境', [['暴露垃圾', d(1)], ['道路不洁', h(5)], ['积存渣土', d(4)], ['违法搭建', d(15)], ['绿地脏乱', d(1)], ['乱堆物料', d(1)]]),
  ...group('event', 'E02', '宣传广告', [['非法小广告', h(4)], ['违规户外广告', d(5)]]),
  ...group('event', 'E03', '施工管理', [['施工占道', d(1)], ['工地扬尘', h(4)], ['施工废弃料', d(2)]]),
  ...group('event', 'E04', '街面秩序', [['占道经营', h(2)], ['无照经营', d(3)], ['乱停放非机动车', h(2)], ['店外经营', h(2)]]),
  ...group('event', 'E05', '突发事件', [['道路积水', h(2)], ['管道破裂', h(4)], ['路面塌陷', h(4)]]),
  ...group('event', 'E06', '其他事件', [['噪声扰民', d(1)]]),
]

const byCode = new Map(CASE_CATEGORIES.map((c) => [c.code, c]))

export function findCategory(code: string): CaseCategory | undefined {
  return byCode.get(code)
}
