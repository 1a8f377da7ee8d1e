import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AreaProfile } from '../../../server/contract/domain'
import { formatImportError } from '../../../server/import/import-errors'
import { readAreaStatisticsCsv } from '../../../server/import/read-area-csv'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8')
const knownCodes = new Set(['350111', '350111100', '350111100012', '350111100012001', '350111100012002'])
const zero: AreaProfile = { residents: 0, households: 0, partyMembers: 0, partyBranches: 0, gridWorkers: 0, volunteers: 0, elders: 0, servicePoints: 0 }

function accepted(text: string, current?: ReadonlyMap<string, AreaProfile>) {
  const result = readAreaStatisticsCsv(text, { knownCodes, current })
  if (result.errors) throw new Error(result.errors.map(formatImportError).join('\n'))
  return result
}

function problems(text: string): string[] {
  const result = readAreaStatisticsCsv(text, { knownCodes })
  if (!result.errors) throw new Error('expected the file to be rejected')
  return result.errors.map(formatImportError)
}

describe('readAreaStatisticsCsv', () => {
  it('reads every column of a valid sheet, quoted thousands included', () => {
    const { profiles, columns } = accepted(fixture('stats-valid.csv'))
    expect(columns).toEqual(['residents', 'households', 'partyMembers', 'partyBranches', 'gridWorkers', 'volunteers', 'elders', 'servicePoints'])
    expect(profiles.get('350111100012001')).toEqual({
      residents: 1234, households: 512, partyMembers: 48, partyBranches: 2, gridWorkers: 3, volunteers: 20, elders: 260, servicePoints: 1,
    })
    expect([...profiles.keys()]).toEqual(['350111100012001', '350111100012002', '350111100012'])
  })

  it('reads Chinese headers (with a unit) from a UTF-8 file with a BOM and CRLF line ends', () => {
    const { profiles, columns } = accepted(fixture('stats-bom-chinese.csv'))
    expect(columns).toEqual(['residents', 'households', 'partyMembers', 'elders'])
    expect(profiles.get('350111100012001')).toEqual({ ...zero, residents: 1500, households: 600, partyMembers: 50, elders: 300 })
  })

  it('keeps the current value of a column the sheet lacks or a cell it leaves empty', () => {
    const current = new Map([['350111100012002', { ...zero, households: 390, volunteers: 12 }]])
    const { profiles } = accepted(fixture('stats-bom-chinese.csv'), current)
    expect(profiles.get('350111100012002')).toEqual({ ...zero, residents: 1100, households: 390, partyMembers: 40, elders: 210, volunteers: 12 })
  })

  it('names the line and column of a bad number', () => {
    expect(problems(fixture('stats-bad-number.csv'))).toEqual(['line 3, column residents: is not a whole number: "12.5"'])
  })

  it('rejects a code that is not in the hierarchy', () => {
    expect(problems(fixture('stats-unknown-code.csv'))).toEqual(['line 3, column code: unknown area code 350111999999001: it is not in the area hierarchy'])
  })

  it('rejects negative counts, repeated codes and short rows, each on its own line', () => {
    const text = 'code,志愿者\n350111100012001,-3\n\n350111100012001,4\n350111100012002\n'
    expect(problems(text)).toEqual([
      'line 2, column 志愿者: is negative (-3); counts are 0 or more',
      'line 4, column code: code 350111100012001 is already on line 2',
      'line 5: has 1 cells; the header has 2',
    ])
  })

  it('counts lines from where a row starts when a quoted cell spans lines', () => {
    expect(problems('code,"resi\ndents"\n350111100012001,x\n')).toEqual(['line 3, column resi\ndents: is not a whole number: "x"'])
  })

  it('lists the accepted columns for an unknown one, and wants a code column', () => {
    const [unknown, noCode] = problems('区划,人口数\n350111,1\n')
    expect(unknown).toMatch(/^line 1, column 区划: unknown column "区划"; the columns are code, residents, .*60岁以上老人, 老人, 党群服务站\)$/)
    expect(problems('residents\n1\n')).toContain('line 1, column code: there is no code column')
    expect(noCode).toBe('line 1, column 人口数: unknown column "人口数"; the columns are ' + unknown.split('the columns are ')[1])
  })

  it('rejects a file Excel saved as GBK, broken quotes and an empty file', () => {
    expect(problems(new TextDecoder().decode(new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x2c, 0xb3, 0xa3, 0xd7, 0xa1, 0x0a]))))
      .toEqual(['the file is not UTF-8 (Excel\'s "CSV" is GBK: save as "CSV UTF-8")'])
    expect(problems('code,residents\n"350111,1\n')[0]).toMatch(/^line 2: the file is not valid CSV: Quote Not Closed/)
    expect(problems('code,residents\n')).toEqual(['the file has no rows: expected a header row and one row per area'])
  })
})
