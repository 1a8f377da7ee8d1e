// DATA_DIR/holidays.json: the district's 法定节假日 and 调休 working days, for years the built-in list
// lacks (the next year, once the State Council publishes it) or to correct or extend one (a local day
// off). Each year given replaces the built-in year whole:
//   { "2027": { "holidays": ["2027-01-01", …], "workdays": ["2027-01-03", …] } }
// `holidays` are days off (weekends inside a holiday may be listed or not); `workdays` are Saturdays
// or Sundays worked in exchange. A file with any mistake stops the server, naming the line and date,
// rather than counting every deadline wrongly for a year.
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config'
import { cstDayKey } from './china-time'
import { OFFICIAL_HOLIDAYS, type HolidayYear } from './official-holidays'
import { officeCalendar, type WorkingCalendar } from './working-calendar'

export const HOLIDAYS_FILE = 'holidays.json'
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The calendar for a server: the built-in years, with the file's years in their place. */
export function loadWorkingCalendar(dataDir: string, now: number): WorkingCalendar {
  const file = path.join(dataDir, HOLIDAYS_FILE)
  const calendar = fs.existsSync(file) ? parseHolidayFile(fs.readFileSync(file, 'utf8'), file) : officeCalendar(OFFICIAL_HOLIDAYS)
  const year = cstDayKey(now).slice(0, 4)
  if (!calendar.holidayYears.includes(year)) {
    console.warn(`working calendar: no 法定节假日 for ${year} (known: ${calendar.holidayYears.join(', ')}); deadlines count plain weekdays until ${file} lists ${year}`)
  }
  return calendar
}

/** Parses a holidays file's text; throws a ConfigError naming `name`, the line and the date at fault. */
export function parseHolidayFile(text: string, name: string): WorkingCalendar {
  const fail = (line: number | null, problem: string) => new ConfigError(`${name}${line ? ` line ${line}` : ''}: ${problem}`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw fail(syntaxErrorLine(text), `not valid JSON (${(error as Error).message.split('\n')[0]})`)
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) throw fail(null, 'must be an object of years, e.g. { "2027": { "holidays": [...], "workdays": [...] } }')
  const years: Record<string, HolidayYear> = { ...OFFICIAL_HOLIDAYS }
  for (const [year, value] of Object.entries(parsed as Record<string, unknown>)) {
    const line = lineOf(text, `"${year}"`)
    if (!/^\d{4}$/.test(year)) throw fail(line, `"${year}" is not a year (yyyy)`)
    if (value == null || typeof value !== 'object' || Array.isArray(value)) throw fail(line, `"${year}" must be { "holidays": [...], "workdays": [...] }`)
    const unknown = Object.keys(value).find((k) => k !== 'holidays' && k !== 'workdays')
    if (unknown != null) throw fail(line, `"${year}": unknown key "${unknown}" (holidays, workdays)`)
    const { holidays = [], workdays = [] } = value as Record<string, unknown>
    const dates = (list: unknown, key: string): string[] => {
      if (!Array.isArray(list) || list.some((d) => typeof d !== 'string')) throw fail(line, `"${year}".${key} must be a list of dates "yyyy-MM-dd"`)
      for (const date of list as string[]) {
        const problem = dateProblem(date, year)
        if (problem) throw fail(lineOf(text, `"${date}"`), `"${date}" ${problem}`)
      }
      return list as string[]
    }
    const entry = { holidays: dates(holidays, 'holidays'), workdays: dates(workdays, 'workdays') }
    for (const date of entry.workdays) {
      if (entry.holidays.includes(date)) throw fail(lineOf(text, `"${date}"`), `"${date}" is both a holiday and a workday`)
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      if (weekday !== 0 && weekday !== 6) throw fail(lineOf(text, `"${date}"`), `"${date}" is a ${WEEKDAY_NAMES[weekday]}: a workday must be a Saturday or Sunday (调休上班)`)
    }
    years[year] = entry
  }
  return officeCalendar(years)
}

function dateProblem(date: string, year: string): string | null {
  const at = Date.parse(`${date}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== date) return 'is not a date (yyyy-MM-dd)'
  if (!date.startsWith(`${year}-`)) return `is not in ${year}`
  return null
}

/** 1-based line of the first occurrence of `needle` (the file's own line, for the operator to fix). */
function lineOf(text: string, needle: string): number | null {
  const index = text.indexOf(needle)
  return index < 0 ? null : lineAt(text, index)
}

/**
 * The line a JSON syntax error is on: the first line whose text so far fails other than by ending
 * early (V8 names a position for only some errors). Holiday files are a few dozen lines.
 */
function syntaxErrorLine(text: string): number | null {
  const lines = text.split('\n')
  for (let n = 1; n <= lines.length; n++) {
    const prefix = lines.slice(0, n).join('\n')
    try {
      JSON.parse(prefix)
    } catch (error) {
      const message = (error as Error).message
      const position = /position (\d+)/.exec(message)
      const endedEarly = /end of JSON input/.test(message) || (position != null && Number(position[1]) >= prefix.trimEnd().length)
      if (!endedEarly) return n
    }
  }
  return null
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
