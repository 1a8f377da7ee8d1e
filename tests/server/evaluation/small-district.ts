// A hand-sized area tree for the evaluation tests: district D → streets S1, S2 → communities C1, C2 →
// grids G1 (under C1), G2 (under C2). Squares, so nothing depends on real geometry.
import type { AreaFeature } from '../../../server/domain/area-tree'
import { AreaTree } from '../../../server/domain/area-tree'
import type { AreaLevel } from '../../../server/contract/domain'

function square(code: string, name: string, level: AreaLevel, parentCode: string | null, x: number): AreaFeature {
  const ring = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code, name, level, parentCode } }
}

export const smallTree = () => new AreaTree([
  square('D', '示范区', 'district', null, 0),
  square('S1', '东街道', 'street', 'D', 0), square('S2', '西街道', 'street', 'D', 1),
  square('C1', '甲社区', 'community', 'S1', 0), square('C2', '乙社区', 'community', 'S2', 1),
  square('G1', '甲一网格', 'grid', 'C1', 0), square('G2', '乙一网格', 'grid', 'C2', 1),
])
