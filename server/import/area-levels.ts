// The four levels of the hierarchy and the ways files spell them. Chinese files name the level of
// the administrative unit: 县 and 区 are districts, 街道 / 镇 / 乡 the township level (our streets),
// 社区 and 村 the community level (居委会 / 村委会).
import type { AreaLevel } from '../contract/domain'

const SPELLINGS: Record<string, AreaLevel> = {
  district: 'district', 区: 'district', 县: 'district', 区县: 'district',
  street: 'street', 街道: 'street', 镇: 'street', 乡: 'street', 乡镇: 'street',
  community: 'community', 社区: 'community', 村: 'community',
  grid: 'grid', 网格: 'grid',
}

export const ACCEPTED_LEVELS = 'district, street, community or grid (区 / 县, 街道 / 镇 / 乡, 社区 / 村, 网格)'

/** The parent level each level must hang under; the district is the root. */
export const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
}

export const LEVEL_ORDER: readonly AreaLevel[] = ['grid', 'community', 'street', 'district']

export function levelOf(raw: string): AreaLevel | undefined {
  return SPELLINGS[raw.trim().toLowerCase()]
}
