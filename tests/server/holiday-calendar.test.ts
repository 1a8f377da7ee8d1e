// DATA_DIR/holidays.json: the district's own 法定节假日 and 调休 list, read at start by a real server
// and used by every deadline; a file with a mistake stops the server, naming the line and the date.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../server/config'
import { parseHolidayFile } from '../../server/domain/holiday-calendar'
import { OFFICIAL_HOLIDAYS } from '../../server/domain/official-holidays'
import { isWorkingDay } from '../../server/domain/working-calendar'
import { actOnCase, reportCase } from '../../server/ingest/case-ingest'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)

describe('DATA_DIR/holidays.json', () => {
  let server: TestServer | undefined
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-holidays-'))
  const writeFile = (text: string) => fs.writeFileSync(path.join(dataDir, 'holidays.json'), text)
  afterEach(async () => {
    await server?.stop()
    server = undefined
    fs.rmSync(path.join(dataDir, 'holidays.json'), { force: true })
  })

  /** A 1-working-day case (暴露垃圾) dispatched at `at` on the server's district; its 处置 deadline. */
  async function dispatchedAt(s: TestServer, at: number): Promise<number> {
    const [lng, lat] = s.wall.district.tree.allGrids()[0].center
    const record = reportCase(s.wall.district, { categoryCode: 'E0101', source: 'inspector', lng, lat, description: '', actor: 'test', at })
    for (const action of ['accept', 'file', 'dispatch'] as const) actOnCase(s.wall.district, record.id, action, { actor: 'test', at })
    return (await s.wall.store.loadCases(0)).find((c) => c.id === record.id)!.dueAt!
  }

  it('is used by every deadline: a local holiday moves the due time past it', async () => {
    // The official 2026 list plus a local day off on Thursday 2026-12-03.
    const local = { ...OFFICIAL_HOLIDAYS['2026'], holidays: [...OFFICIAL_HOLIDAYS['2026'].holidays, '2026-12-03'] }
    writeFile(JSON.stringify({ 2026: local }, null, 2))
    server = await startTestServer({ simulator: false, dataDir })
    expect(await dispatchedAt(server, cst('2026-12-02T10:00:00'))).toBe(cst('2026-12-04T10:00:00'))
    // The rest of the year is still the official one.
    expect(await dispatchedAt(server, cst('2026-09-30T10:00:00'))).toBe(cst('2026-10-08T10:00:00'))
  })

  it('uses the built-in official dates when there is no file', async () => {
    server = await startTestServer({ simulator: false, dataDir })
    expect(await dispatchedAt(server, cst('2026-12-02T10:00:00'))).toBe(cst('2026-12-03T10:00:00'))
    expect(await dispatchedAt(server, cst('2026-09-30T10:00:00'))).toBe(cst('2026-10-08T10:00:00'))
  })

  it('refuses a bad file at start, naming the line and the date', async () => {
    writeFile('{\n  "2026": {\n    "holidays": ["2026-01-01",\n      "2026-02-30"],\n    "workdays": []\n  }\n}\n')
    const start = startTestServer({ simulator: false, dataDir })
    await expect(start).rejects.toThrow(ConfigError)
    await expect(start).rejects.toThrow(/holidays\.json line 4: "2026-02-30" is not a date/)
  })
})

describe('the holidays.json format', () => {
  const problemOf = (text: string) => {
    try {
      parseHolidayFile(text, 'holidays.json')
      return null
    } catch (error) {
      return (error as Error).message
    }
  }

  it('reads holidays and 调休 workdays per year; a year listed replaces the built-in one', () => {
    const calendar = parseHolidayFile('{ "2027": { "holidays": ["2027-01-01"], "workdays": ["2027-01-03"] }, "2026": { "holidays": [] } }', 'holidays.json')
    expect(isWorkingDay(calendar, cst('2027-01-01T10:00:00'))).toBe(false)
    expect(isWorkingDay(calendar, cst('2027-01-03T10:00:00'))).toBe(true) // a Sunday
    expect(isWorkingDay(calendar, cst('2026-10-01T10:00:00'))).toBe(true) // 2026 given, without 国庆
    expect(isWorkingDay(calendar, cst('2025-10-01T10:00:00'))).toBe(false) // 2025 still built in
  })

  it.each([
    ['{ "2026": { "holidays": ["2026-13-01"] } }', /line 1: "2026-13-01" is not a date/],
    ['{ "2026": { "holidays": ["2025-10-01"] } }', /line 1: "2025-10-01" is not in 2026/],
    ['{ "2026": { "holidays": ["2026-10-01"], "workdays": ["2026-10-01"] } }', /"2026-10-01" is both a holiday and a workday/],
    ['{ "2026": { "workdays": ["2026-10-09"] } }', /"2026-10-09" is a Friday: a workday must be a Saturday or Sunday/],
    ['{ "2026": { "holidays": "2026-10-01" } }', /"2026"\.holidays must be a list of dates/],
    ['{ "2026": { "holiday": [] } }', /"2026": unknown key "holiday"/],
    ['{ "26": { "holidays": [] } }', /"26" is not a year/],
    ['[]', /must be an object of years/],
    ['{\n  "2026": {\n    "holidays": ["2026-01-01",]\n  }\n}', /holidays\.json line 3: not valid JSON/],
  ])('refuses %s', (text, message) => {
    expect(problemOf(text)).toMatch(message)
  })
})
