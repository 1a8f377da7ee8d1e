// English names of the 部件/事件 catalogue. The server speaks Chinese (the standard's own terms);
// an English wall translates them here, by name, and keeps the Chinese for anything unknown.
import type { CaseCategory } from '../../server/contract/domain'

const NAMES: Record<string, string> = {
  井盖破损: 'Broken manhole cover', 路灯不亮: 'Street light out', 电力设施破损: 'Damaged power fixture', 健身设施损坏: 'Broken fitness equipment',
  道路破损: 'Damaged road', 护栏损坏: 'Damaged railing', 交通标志牌损坏: 'Damaged traffic sign', 公交站亭破损: 'Damaged bus shelter',
  果皮箱破损: 'Broken litter bin', 公厕设施损坏: 'Damaged public toilet', 广告牌匾破损: 'Damaged signboard', 行道树倒伏: 'Fallen street tree',
  绿地设施损坏: 'Damaged green-space fixture', 危房隐患: 'Unsafe building', 消防设施缺失: 'Missing fire equipment',
  暴露垃圾: 'Exposed garbage', 道路不洁: 'Dirty road', 积存渣土: 'Piled construction soil', 违法搭建: 'Illegal structure',
  绿地脏乱: 'Littered green space', 乱堆物料: 'Materials piled in public', 非法小广告: 'Illegal flyers', 违规户外广告: 'Illegal outdoor advert',
  施工占道: 'Construction blocking road', 工地扬尘: 'Construction dust', 施工废弃料: 'Construction waste', 占道经营: 'Street vending on the road',
  无照经营: 'Unlicensed business', 乱停放非机动车: 'Badly parked bikes', 店外经营: 'Trading outside the shop', 道路积水: 'Flooded road',
  管道破裂: 'Burst pipe', 路面塌陷: 'Road subsidence', 噪声扰民: 'Noise nuisance',
  邻里纠纷: 'Neighbour dispute', 物业纠纷: 'Property-management dispute', 家庭纠纷: 'Family dispute',
}

const MAJORS: Record<string, string> = {
  公用设施: 'Public utilities', 道路交通: 'Roads & traffic', 市容环境: 'Cityscape', 园林绿化: 'Landscaping', 房屋土地: 'Buildings & land',
  其他设施: 'Other facilities', 宣传广告: 'Advertising', 施工管理: 'Construction', 街面秩序: 'Street order', 突发事件: 'Emergencies', 其他事件: 'Other events',
  矛盾纠纷: 'Disputes',
}

export function majorName(major: string, locale: string): string {
  return locale === 'en' ? MAJORS[major] ?? major : major
}

export function localizeCategory(c: CaseCategory, locale: string): CaseCategory {
  return locale === 'en' ? { ...c, name: NAMES[c.name] ?? c.name, major: MAJORS[c.major] ?? c.major } : c
}
