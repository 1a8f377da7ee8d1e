// The one line an import ends with: `imported 61 grids, 14 communities, 2 streets, 1 district`.
import type { AreaLevel, AreaProfile } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import { LEVEL_ORDER } from './area-levels'
import type { ProfileKey } from './stat-columns'

const NAMES: Record<AreaLevel, [string, string]> = {
  grid: ['grid', 'grids'],
  community: ['community', 'communities'],
  street: ['street', 'streets'],
  district: ['district', 'districts'],
}

export function countByLevel(features: readonly AreaFeature[]): Record<AreaLevel, number> {
  const counts: Record<AreaLevel, number> = { grid: 0, community: 0, street: 0, district: 0 }
  for (const f of features) counts[f.properties.level]++
  return counts
}

export function areasSummary(features: readonly AreaFeature[]): string {
  const counts = countByLevel(features)
  const parts = LEVEL_ORDER.filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${NAMES[level][counts[level] === 1 ? 0 : 1]}`)
  return `imported ${parts.join(', ')}`
}

export function statisticsSummary(profiles: ReadonlyMap<string, AreaProfile>, columns: readonly ProfileKey[]): string {
  const areas = `${profiles.size} ${profiles.size === 1 ? 'area' : 'areas'}`
  return `imported statistics of ${areas} (${columns.length > 0 ? columns.join(', ') : 'no figures'})`
}
