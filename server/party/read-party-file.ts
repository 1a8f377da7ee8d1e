// A party organisations file in: CSV (one row per organisation, English or Chinese headers) or
// GeoJSON (one feature per organisation, the same names as properties; the geometry is optional and
// not kept: an organisation is placed by its area). Out: the organisations, or every problem.
import { parse } from 'csv-parse/sync'
import type { PartyOrg } from '../contract/party'
import type { AreaTree } from '../domain/area-tree'
import type { ImportError } from '../import/import-errors'
import { levelOf, validatePartyOrgs, type LocatedOrg } from './party-org-rules'

export type PartyFileFormat = 'csv' | 'geojson'

/** The columns (properties), with the Chinese headers a sheet may use instead. */
export const PARTY_COLUMNS = {
  code: '组织编码', name: '组织名称', level: '层级', parent_code: '上级组织编码', area_code: '所在区域编码', place: '小区楼栋',
  secretary: '书记', members_employed: '在职党员', members_resident: '小区党员', members_stationed: '驻区党员',
  vanguard_posts: '党员先锋岗', double_reported: '双报到党员',
} as const

type Column = keyof typeof PARTY_COLUMNS
const COLUMNS = Object.keys(PARTY_COLUMNS) as Column[]
const REQUIRED: readonly Column[] = ['code', 'name', 'level', 'area_code', 'secretary']
/** More than any one organisation holds (Fuzhou's grids hold 187,000 members in all): a typo or a sum, not a count. */
const MAX_COUNT = 100_000

const columnOf = (header: string): Column | undefined =>
  COLUMNS.find((c) => c === header.trim().toLowerCase() || PARTY_COLUMNS[c] === header.trim())

export type PartyFileResult = { orgs: PartyOrg[]; errors?: undefined } | { errors: ImportError[] }

export function readPartyFile(text: string, format: PartyFileFormat, tree: AreaTree): PartyFileResult {
  if (text.includes('\uFFFD')) return { errors: [{ problem: 'the file is not UTF-8 (Excel\'s "CSV" is GBK: save as "CSV UTF-8")' }] }
  const read = format === 'csv' ? readCsv(text) : readGeoJson(text)
  if (!read.entries) return { errors: read.errors }
  if (read.entries.length === 0) return { errors: [{ problem: 'the file has no organisations' }] }
  const errors = [...read.errors, ...validatePartyOrgs(read.entries, tree)]
  return errors.length > 0 ? { errors } : { orgs: read.entries.map((e) => e.org) }
}

type Read = { entries: LocatedOrg[]; errors: ImportError[] } | { errors: ImportError[]; entries?: undefined }

function readCsv(text: string): Read {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records
  } catch (e) {
    const line = (e as { lines?: number }).lines
    return { errors: [{ ...(line ? { line } : {}), problem: `the file is not valid CSV: ${(e as Error).message}` }] }
  }
  const [header, ...rows] = records
  if (!header) return { errors: [{ problem: 'the file is empty: expected a header row and one row per organisation' }] }
  const columns = header.record.map(columnOf)
  const unknown = header.record.filter((_, i) => !columns[i])
  const missing = REQUIRED.filter((c) => !columns.includes(c))
  // Two headers for one column (secretary and 书记): which one holds the value is anyone's guess.
  const twice = COLUMNS.filter((c) => columns.filter((k) => k === c).length > 1)
  const headerErrors: ImportError[] = [
    ...unknown.map((h) => ({ line: 1, field: h, problem: `unknown column "${h}"; the columns are ${COLUMNS.join(', ')} (or ${Object.values(PARTY_COLUMNS).join('、')})` })),
    ...twice.map((c) => ({ line: 1, field: c, problem: `the ${c} column (${PARTY_COLUMNS[c]}) appears more than once` })),
    ...missing.map((c) => ({ line: 1, field: c, problem: `there is no ${c} column` })),
  ]
  if (headerErrors.length > 0) return { errors: headerErrors }
  const errors: ImportError[] = []
  // csv-parse's info.lines is the line a record ends on; rows here are one line each or the cell count check names them.
  const entries = rows.map(({ record, info }) => {
    const line = info.lines
    const cells: Partial<Record<Column, string>> = {}
    if (record.length !== columns.length) errors.push({ line, problem: `has ${record.length} cells; the header has ${columns.length}` })
    columns.forEach((c, i) => { cells[c!] = record[i] ?? '' })
    return { ...toOrg(cells, (field, problem) => errors.push({ line, field, problem })), where: { line } }
  })
  return { entries, errors }
}

function readGeoJson(text: string): Read {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { errors: [{ problem: `the body is not JSON: ${(e as Error).message}` }] }
  }
  const features = (doc as { type?: unknown; features?: unknown })?.type === 'FeatureCollection' ? (doc as { features: unknown }).features : null
  if (!Array.isArray(features)) return { errors: [{ field: 'type', problem: 'expected a GeoJSON FeatureCollection' }] }
  const errors: ImportError[] = []
  const entries = features.map((f: unknown, feature) => {
    const props = (f as { properties?: unknown })?.properties
    const cells: Partial<Record<Column, string>> = {}
    if (props == null || typeof props !== 'object') errors.push({ feature, field: 'properties', problem: 'the feature has no properties' })
    else {
      for (const [key, value] of Object.entries(props)) {
        const c = columnOf(key)
        if (c) cells[c] = value == null ? '' : String(value)
      }
    }
    return { ...toOrg(cells, (field, problem) => errors.push({ feature, field, problem })), where: { feature } }
  })
  return { entries, errors }
}

function toOrg(cells: Partial<Record<Column, string>>, report: (field: string, problem: string) => void): Omit<LocatedOrg, 'where'> {
  const text = (c: Column) => (cells[c] ?? '').trim()
  const count = (c: Column) => {
    const raw = text(c)
    if (raw === '') return 0
    if (!/^\d+$/.test(raw)) report(c, `"${raw}" is not a whole number ≥ 0`)
    else if (Number(raw) > MAX_COUNT) report(c, `${raw} is more than ${MAX_COUNT}: not a count of one organisation`)
    return /^\d+$/.test(raw) && Number(raw) <= MAX_COUNT ? Number(raw) : 0
  }
  const level = levelOf(text('level'))
  if (!level) report('level', `unknown level "${text('level')}"; use streetWorkCommittee, communityCommittee, gridGeneralBranch, estateBranch, buildingGroup (or 街道大工委 … 楼栋党小组)`)
  const org: PartyOrg = {
    code: text('code'), name: text('name'), level: level ?? 'buildingGroup', parentCode: text('parent_code') || null,
    areaCode: text('area_code'), place: text('place') || null, secretary: text('secretary'),
    members: { employed: count('members_employed'), resident: count('members_resident'), stationed: count('members_stationed') },
    vanguardPosts: count('vanguard_posts'), doubleReported: count('double_reported'),
  }
  return level ? { org } : { org, unknownLevel: true }
}
