// The columns of an area statistics CSV and the headers that name them: the English field names of
// AreaProfile, or the Chinese headers of the 网格 / 社区 statistics sheets. Headers are matched
// ignoring case, spaces, `_` / `-` and a trailing unit in brackets (常住人口（人）).
import type { AreaProfile } from '../contract/domain'

export type ProfileKey = keyof AreaProfile
export type StatColumn = ProfileKey | 'code'

export const PROFILE_KEYS: readonly ProfileKey[] = [
  'residents', 'households', 'partyMembers', 'partyBranches', 'gridWorkers', 'volunteers', 'elders', 'servicePoints',
]

const CHINESE: Record<string, StatColumn> = {
  编码: 'code', 代码: 'code', 区划代码: 'code', 网格编码: 'code',
  常住人口: 'residents', 户数: 'households', 党员: 'partyMembers', 党组织: 'partyBranches', 网格员: 'gridWorkers',
  志愿者: 'volunteers', '60岁以上老人': 'elders', 老人: 'elders', 党群服务站: 'servicePoints',
}

const BY_HEADER = new Map<string, StatColumn>([
  ...(['code', ...PROFILE_KEYS] as StatColumn[]).map((key) => [normalise(key), key] as const),
  ...Object.entries(CHINESE).map(([header, key]) => [normalise(header), key] as const),
])

export const ACCEPTED_HEADERS = `code, ${PROFILE_KEYS.join(', ')} (or ${Object.keys(CHINESE).join(', ')})`

export function columnOf(header: string): StatColumn | undefined {
  return BY_HEADER.get(normalise(header))
}

function normalise(header: string): string {
  return header.replace(/[(（][^)）]*[)）]\s*$/, '').replace(/[\s_-]/g, '').toLowerCase()
}

/** A count as spreadsheets write it: `1234`, `1,234` or `1234.0`; a message when it is not one. */
export function parseCount(cell: string): { value: number; problem?: undefined } | { problem: string } {
  const plain = /^\d{1,3}(,\d{3})+$/.test(cell) ? cell.replace(/,/g, '') : cell.replace(/\.0*$/, '')
  if (/^\d+$/.test(plain) && Number.isSafeInteger(Number(plain))) return { value: Number(plain) }
  if (/^-\s*\d/.test(cell)) return { problem: `is negative (${cell}); counts are 0 or more` }
  return { problem: `is not a whole number: "${cell}"` }
}
