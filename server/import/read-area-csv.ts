// readAreaStatisticsCsv: a statistics sheet (one row per area code) in, each area's AreaProfile
// out, or every problem with its line and column. Cells left empty, and columns the sheet does not
// have, keep the area's current value (0 when it has none), so a sheet of one column updates one figure.
import { parse } from 'csv-parse/sync'
import type { AreaProfile } from '../contract/domain'
import type { ImportError } from './import-errors'
import { ACCEPTED_HEADERS, columnOf, parseCount, PROFILE_KEYS, type ProfileKey, type StatColumn } from './stat-columns'

export interface StatisticsOptions {
  /** The codes of the areas in the current hierarchy; a row for any other code is an error. */
  knownCodes: ReadonlySet<string>
  /** The areas' current statistics, for the values the sheet leaves out. */
  current?: ReadonlyMap<string, AreaProfile>
}

export type StatisticsValidation =
  | { profiles: Map<string, AreaProfile>; columns: ProfileKey[]; errors?: undefined }
  | { errors: ImportError[] }

interface Column {
  key: StatColumn
  /** As the sheet spells it, for the error messages. */
  header: string
}

interface Row {
  line: number
  cells: string[]
}

export function readAreaStatisticsCsv(text: string, options: StatisticsOptions): StatisticsValidation {
  if (text.includes('\uFFFD')) return { errors: [{ problem: 'the file is not UTF-8 (Excel\'s "CSV" is GBK: save as "CSV UTF-8")' }] }
  const rows = readRows(text)
  if ('errors' in rows) return rows
  const [header, ...data] = rows
  if (!header || data.length === 0) return { errors: [{ problem: 'the file has no rows: expected a header row and one row per area' }] }
  const columns = readHeader(header)
  if ('errors' in columns) return columns
  const errors: ImportError[] = []
  const profiles = new Map<string, AreaProfile>()
  const seen = new Map<string, number>()
  for (const row of data) readRow(row, columns, options, { errors, profiles, seen })
  if (errors.length > 0) return { errors }
  return { profiles, columns: columns.map((c) => c.key).filter((k): k is ProfileKey => k !== 'code') }
}

/** The records with the line each starts on (a quoted cell may span lines). */
function readRows(text: string): Row[] | { errors: ImportError[] } {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as
      { record: string[]; info: { lines: number; empty_lines: number } }[]
    let lastLine = 0, lastEmpty = 0
    return records.map(({ record, info }) => {
      const line = lastLine + 1 + info.empty_lines - lastEmpty
      lastLine = info.lines
      lastEmpty = info.empty_lines
      return { line, cells: record }
    })
  } catch (e) {
    const line = (e as { lines?: number }).lines
    return { errors: [{ ...(line ? { line } : {}), problem: `the file is not valid CSV: ${(e as Error).message}` }] }
  }
}

function readHeader({ line, cells }: Row): Column[] | { errors: ImportError[] } {
  const errors: ImportError[] = []
  const keys = cells.map((cell) => {
    const key = columnOf(cell)
    if (!key) errors.push({ line, field: cell, problem: `unknown column "${cell}"; the columns are ${ACCEPTED_HEADERS}` })
    return key
  })
  keys.forEach((key, i) => {
    if (key && keys.indexOf(key) < i) errors.push({ line, field: cells[i], problem: `a second ${key} column` })
  })
  if (!keys.includes('code')) errors.push({ line, field: 'code', problem: 'there is no code column' })
  return errors.length > 0 ? { errors } : keys.map((key, i) => ({ key: key!, header: cells[i] }))
}

function readRow({ line, cells }: Row, columns: Column[], { knownCodes, current }: StatisticsOptions,
  out: { errors: ImportError[]; profiles: Map<string, AreaProfile>; seen: Map<string, number> }): void {
  const report = (problem: string, field?: string) => {
    out.errors.push({ line, ...(field ? { field } : {}), problem })
  }
  if (cells.length !== columns.length) return report(`has ${cells.length} cells; the header has ${columns.length}`)
  const code = cells[columns.findIndex((c) => c.key === 'code')]
  if (code === '') return report('the code is empty', 'code')
  const badCode = !knownCodes.has(code) ? `unknown area code ${code}: it is not in the area hierarchy`
    : out.seen.has(code) ? `code ${code} is already on line ${out.seen.get(code)}` : undefined
  if (badCode) report(badCode, 'code')
  out.seen.set(code, out.seen.get(code) ?? line)
  const profile: AreaProfile = { ...(current?.get(code) ?? emptyProfile()) }
  columns.forEach(({ key, header }, i) => {
    if (key === 'code' || cells[i] === '') return
    const count = parseCount(cells[i])
    if (count.problem != null) report(count.problem, header)
    else profile[key] = count.value
  })
  if (!badCode) out.profiles.set(code, profile)
}

function emptyProfile(): AreaProfile {
  return Object.fromEntries(PROFILE_KEYS.map((k) => [k, 0])) as unknown as AreaProfile
}
