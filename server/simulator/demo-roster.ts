// The demo district's grid workers: one per grid, two in the busiest grids (Yongtai runs 49 workers
// for 34 grids). Names are generated, device ids look like the phones' IMEI-style ids.
import type { AreaInfo, InspectorInfo } from '../contract/domain'
import { createRng, pick } from './random'

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '许', '何', '郭', '罗', '高', '叶', '邱', '江', '卓']
const GIVEN = ['建华', '丽娟', '志强', '秀英', '文斌', '晓燕', '国平', '美玲', '伟', '芳', '俊杰', '雪梅', '立新', '海燕', '明辉', '淑珍', '永福', '春兰', '德华', '玉珠', '少鸿', '榕生', '闽江', '雅琴']

export function demoRoster(grids: readonly AreaInfo[], weightOf: (grid: AreaInfo) => number, seed: number): InspectorInfo[] {
  const rng = createRng(seed)
  const byWeight = [...grids].sort((a, b) => weightOf(b) - weightOf(a))
  const doubled = new Set(byWeight.slice(0, Math.round(grids.length * 0.2)).map((g) => g.code))
  const roster: InspectorInfo[] = []
  const usedNames = new Set<string>()
  for (const grid of grids) {
    const count = doubled.has(grid.code) ? 2 : 1
    for (let i = 0; i < count; i++) {
      let name = ''
      do name = pick(rng, SURNAMES) + pick(rng, GIVEN)
      while (usedNames.has(name))
      usedNames.add(name)
      const id = roster.length + 1
      roster.push({ id, deviceId: `8613${String(500000000 + id * 7919).padStart(9, '0')}`, name, gridCode: grid.code })
    }
  }
  return roster
}
