// POST /api/import/party against the real server and its SQLite file: a good CSV (English or Chinese
// headers) or GeoJSON goes in whole and replaces the organisations; a bad file is rejected whole with
// every problem naming its CSV line or GeoJSON feature, and the organisations before it stay, row for row.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportError } from '../../../server/import/import-errors'
import type { PartyOrg, PartySummary } from '../../../server/contract/party'
import type { AccessConfig } from '../../../server/http/access'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openPartyTables } from './party-tables'

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const access: AccessConfig = {
  wallToken: 'wall-secret',
  integrationKeys: [{ key: 'k-import', scopes: ['import'] }, { key: 'k-positions', scopes: ['positions'] }],
  operators: [],
}

/** The CSV with one cell changed: `line` is the file's line (the header is 1), `column` its header name. */
function withCell(csv: string, line: number, column: string, value: string): string {
  const lines = csv.split('\n')
  const header = lines[0].split(',')
  const cells = lines[line - 1].split(',')
  cells[header.indexOf(column)] = value
  lines[line - 1] = cells.join(',')
  return lines.join('\n')
}

interface Rejection { status: number; code: string; message: string; errors: ImportError[]; field?: string }

describe('POST /api/import/party', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-party-import-'))
  let server: TestServer
  let tables: ReturnType<typeof openPartyTables>

  const start = async () => {
    server = await startTestServer({ simulator: false, dataDir, access })
    tables = openPartyTables(dataDir)
  }
  const stop = async () => {
    tables?.close()
    await server?.stop()
  }
  const send = (body: string, format = 'csv', key: string | null = 'k-import') => fetch(`${server.url}/api/import/party?format=${format}`, {
    method: 'POST', body, headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/geo+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  })
  const orgsOverHttp = async (area = '') =>
    (await (await fetch(`${server.url}/api/party/orgs${area ? `?area=${area}` : ''}`, { headers: { authorization: 'Bearer wall-secret' } })).json()) as PartyOrg[]
  /** A rejected file: the organisations (memory, the API and every stored row) are as they were. */
  const rejected = async (body: string, format = 'csv', status = 422): Promise<Rejection> => {
    const stored = tables.read()
    const listed = await orgsOverHttp()
    const res = await send(body, format)
    const answer = await res.json() as { error: Omit<Rejection, 'status'> }
    expect(res.status, answer.error.message).toBe(status)
    expect(tables.read()).toEqual(stored)
    expect(await orgsOverHttp()).toEqual(listed)
    return { status: res.status, ...answer.error }
  }
  const csv = fixture('party-orgs.csv')

  beforeAll(start)
  afterAll(async () => {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('wants an integration key with the import scope', async () => {
    const before = tables.read()
    expect((await send(csv, 'csv', null)).status).toBe(401)
    expect((await send(csv, 'csv', 'wall-secret')).status).toBe(401)
    const res = await send(csv, 'csv', 'k-positions')
    expect(res.status).toBe(403)
    expect((await res.json()).error.message).toContain('"import"')
    expect(tables.read()).toEqual(before)
  })

  it('imports a good CSV whole, replacing the demo’s organisations, in the file’s order', async () => {
    expect(tables.orgs().length).toBeGreaterThan(100)   // the demo district's, generated on first start
    const res = await send(csv)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ imported: { streetWorkCommittee: 1, communityCommittee: 1, gridGeneralBranch: 2, estateBranch: 1, buildingGroup: 2 } })
    const rows = tables.orgs()
    expect(rows.map((r) => r.code)).toEqual(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]))
    expect(rows[3]).toMatchObject({
      code: '350111102001001-B01', name: '福馨花园党支部', level: 'estateBranch', parent_code: '350111102001001-DZZ', area_code: '350111102001001',
      place: '福馨花园', secretary: '张美英', members_employed: 5, members_resident: 2, members_stationed: 1, vanguard_posts: 1, double_reported: 6,
    })
    expect(rows[0]).toMatchObject({ parent_code: null, place: null })
    const listed = await orgsOverHttp()
    expect(listed).toHaveLength(7)
    expect(listed[4]).toEqual({
      code: '350111102001001-B01-G01', name: '福馨花园1号楼党小组', level: 'buildingGroup', parentCode: '350111102001001-B01', areaCode: '350111102001001',
      place: '福馨花园1号楼', secretary: '李国荣', members: { employed: 0, resident: 7, stationed: 0 }, vanguardPosts: 1, doubleReported: 2,
    })
    expect((await orgsOverHttp('350111102001002')).map((o) => o.code)).toEqual(['350111102001002-DZZ'])
  })

  it('gives the board the imported figures (members of the three lower levels only, grids with a branch n / d)', async () => {
    const summary = await (await fetch(`${server.url}/api/party/summary?area=350111102001`, { headers: { authorization: 'Bearer wall-secret' } })).json() as PartySummary
    expect(summary.orgs).toEqual({ streetWorkCommittee: 0, communityCommittee: 1, gridGeneralBranch: 2, estateBranch: 1, buildingGroup: 2 })
    // 在职 6 + 5 + 0 + 0 + 4 = 15; 小区 0 + 2 + 7 + 6 + 0 = 15; 驻区 2 + 1 + 0 + 0 + 1 = 4; total 34.
    expect(summary.members).toEqual({ employed: 15, resident: 15, stationed: 4, total: 34 })
    expect(summary.vanguardPosts).toBe(2 + 1 + 1 + 0 + 1)
    expect(summary.doubleReported).toBe(4 + 6 + 2 + 1 + 3)
    // 登云社区 has five grids; two of them (第1, 第2网格) have an organisation.
    expect(summary.gridsWithBranch).toEqual({ numerator: 2, denominator: 5 })
  })

  it('imports a CSV with Chinese headers and levels, and a GeoJSON file (geometry not kept)', async () => {
    let res = await send(fixture('party-orgs-zh.csv'))
    expect(res.status).toBe(200)
    expect((await res.json()).imported).toEqual({ streetWorkCommittee: 1, communityCommittee: 1, gridGeneralBranch: 1, estateBranch: 1, buildingGroup: 1 })
    expect(tables.orgs().map((r) => [r.code, r.level])).toContainEqual(['350111100001001-B01', 'estateBranch'])
    res = await send(fixture('party-orgs.geojson'), 'geojson')
    expect(res.status).toBe(200)
    expect((await res.json()).imported).toEqual({ streetWorkCommittee: 1, communityCommittee: 1, gridGeneralBranch: 1, estateBranch: 1, buildingGroup: 1 })
    const listed = await orgsOverHttp()
    expect(listed.map((o) => o.code)).toEqual(['350111102-DGW', '350111102001-DDW', '350111102001003-DZZ', '350111102001003-B01', '350111102001003-B01-G01'])
    expect(listed[3]).toMatchObject({ place: '锦绣家园', members: { employed: 2, resident: 3, stationed: 0 }, doubleReported: 5 })
    // Back to the English CSV: the state every rejection below must leave alone.
    expect((await send(csv)).status).toBe(200)
  })

  it.each([
    ['a bad level', withCell(csv, 4, 'level', 'gridBranch'), { line: 4, field: 'level', problem: 'unknown level "gridBranch"' }],
    ['an unknown area', withCell(csv, 3, 'area_code', '350111102099'), { line: 3, field: 'area_code', problem: 'unknown area code 350111102099' }],
    ['a missing secretary', withCell(csv, 5, 'secretary', ''), { line: 5, field: 'secretary', problem: 'the secretary (书记) is empty' }],
    ['a negative count', withCell(csv, 6, 'members_resident', '-3'), { line: 6, field: 'members_resident', problem: '"-3" is not a whole number ≥ 0' }],
    ['a fractional count', withCell(csv, 4, 'vanguard_posts', '1.5'), { line: 4, field: 'vanguard_posts', problem: '"1.5" is not a whole number' }],
    ['a word for a count', withCell(csv, 8, 'double_reported', '三'), { line: 8, field: 'double_reported', problem: 'is not a whole number' }],
    ['a parent not in the file', withCell(csv, 8, 'parent_code', '350111102001-XXX'), { line: 8, field: 'parent_code', problem: 'parent 350111102001-XXX is not in the file' }],
    ['a parent of the wrong level', withCell(csv, 6, 'parent_code', '350111102001001-DZZ'), { line: 6, field: 'parent_code', problem: 'the parent of a 楼栋党小组 is a 小区党支部' }],
    ['a parent on a 大工委', withCell(csv, 2, 'parent_code', '350111102001-DDW'), { line: 2, field: 'parent_code', problem: 'top of the chain' }],
    ['a 党总支 on a community', withCell(csv, 8, 'area_code', '350111102001'), { line: 8, field: 'area_code', problem: 'stands on a grid' }],
    ['a 党总支 outside its 大党委’s community', withCell(csv, 8, 'area_code', '350111100001001'), { line: 8, field: 'area_code', problem: 'is not within 350111102001' }],
    ['a 支部 on another grid than its 总支', withCell(csv, 5, 'area_code', '350111102001002'), { line: 5, field: 'area_code', problem: 'is not within 350111102001001' }],
    ['a 小区党支部 without its 小区', withCell(csv, 5, 'place', ''), { line: 5, field: 'place', problem: 'names its 小区 in place' }],
    ['a code used twice', withCell(csv, 7, 'code', '350111102001001-B01-G01'), { line: 7, field: 'code', problem: 'is already used at line 6' }],
    ['an empty name', withCell(csv, 3, 'name', ''), { line: 3, field: 'name', problem: 'the name is empty' }],
  ])('rejects a file with %s whole, naming the line and column', async (_what, body, expected) => {
    const { code, errors, message } = await rejected(body)
    expect(code).toBe('invalid_import')
    const { problem, ...where } = expected
    const hit = errors.find((e) => e.line === where.line && e.field === where.field)
    expect(hit, JSON.stringify(errors)).toBeDefined()
    expect(hit!.problem).toContain(problem)
    expect(message).toMatch(/^the file was not imported: \d+ problems?; line \d+/)
  })

  it('reports a bad level once, not again as a wrong place or parent on its line and its children’s', async () => {
    const { errors } = await rejected(withCell(csv, 4, 'level', 'gridBranch'))
    expect(errors).toEqual([expect.objectContaining({ line: 4, field: 'level' })])
  })

  it('rejects a count no one organisation holds (a typo or a sum)', async () => {
    const { errors } = await rejected(withCell(csv, 4, 'members_employed', '99999999999999999999'))
    expect(errors).toEqual([expect.objectContaining({ line: 4, field: 'members_employed', problem: expect.stringContaining('more than 100000') })])
  })

  it('lists every problem of a file with several, each on its own line', async () => {
    let body = withCell(csv, 3, 'area_code', '999')
    body = withCell(body, 5, 'secretary', '')
    body = withCell(body, 7, 'members_resident', '-1')
    const { errors, message } = await rejected(body)
    expect(errors.map((e) => [e.line, e.field])).toEqual(expect.arrayContaining([[3, 'area_code'], [5, 'secretary'], [7, 'members_resident']]))
    expect(message).toContain(`${errors.length} problems`)
  })

  it('names the physical line when blank lines sit between rows', async () => {
    const lines = withCell(csv, 6, 'members_employed', '-2').split('\n')
    lines.splice(2, 0, '', '')   // two blank lines after line 2: the bad row moves from line 6 to line 8
    const { errors } = await rejected(lines.join('\n'))
    expect(errors).toEqual([expect.objectContaining({ line: 8, field: 'members_employed' })])
  })

  it('rejects a bad header, a short row, a GBK file and an empty file, naming what is wrong', async () => {
    const header = csv.split('\n')[0]
    let r = await rejected(csv.replace(header, header.replace('secretary', 'leader')))
    expect(r.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 1, field: 'leader', problem: expect.stringContaining('unknown column "leader"') }),
      expect.objectContaining({ line: 1, field: 'secretary', problem: 'there is no secretary column' }),
    ]))
    // 书记 and secretary: one column under two headers.
    r = await rejected(csv.replace(header, `${header.replace('secretary', '书记')},secretary`))
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 1, field: 'secretary', problem: expect.stringContaining('appears more than once') })]))
    r = await rejected(csv.replace(/\n(350111102001001-DZZ,[^\n]*),2,4\n/, '\n$1\n'))
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 4, problem: 'has 10 cells; the header has 12' })]))
    r = await rejected(csv.replace('福馨花园党支部', '\uFFFD\uFFFD'))
    expect(r.errors[0].problem).toContain('UTF-8')
    r = await rejected(`${header}\n`)
    expect(r.errors[0].problem).toBe('the file has no organisations')
    r = await rejected('code,name\n"unclosed,quote\n')
    expect(r.errors[0].problem).toContain('not valid CSV')
  })

  it('rejects a bad GeoJSON file whole, naming the feature (0-based, as in the array)', async () => {
    const doc = JSON.parse(fixture('party-orgs.geojson')) as { features: { properties: Record<string, unknown> }[] }
    const broken = (feature: number, props: Record<string, unknown>) => {
      const copy = structuredClone(doc)
      Object.assign(copy.features[feature].properties, props)
      return JSON.stringify(copy)
    }
    let r = await rejected(broken(2, { level: 'branch' }), 'geojson')
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ feature: 2, field: 'level' })]))
    expect(r.message).toContain('feature 2')
    r = await rejected(broken(4, { members_resident: -8 }), 'geojson')
    expect(r.errors).toEqual([expect.objectContaining({ feature: 4, field: 'members_resident', problem: '"-8" is not a whole number ≥ 0' })])
    r = await rejected(broken(1, { area_code: 'nowhere' }), 'geojson')
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ feature: 1, field: 'area_code', problem: expect.stringContaining('unknown area code nowhere') })]))
    r = await rejected(broken(3, { secretary: null }), 'geojson')
    expect(r.errors).toEqual([expect.objectContaining({ feature: 3, field: 'secretary' })])
    const noProps = structuredClone(doc) as { features: unknown[] }
    noProps.features[0] = { type: 'Feature', geometry: null }
    r = await rejected(JSON.stringify(noProps), 'geojson')
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ feature: 0, field: 'properties' })]))
    r = await rejected('{"type": "Feature"}', 'geojson')
    expect(r.errors).toEqual([{ field: 'type', problem: 'expected a GeoJSON FeatureCollection' }])
    r = await rejected('{"type": ', 'geojson')
    expect(r.errors[0].problem).toContain('not JSON')
  })

  it('answers 400 naming the field to a bad format or an empty body, changing nothing', async () => {
    let r = await rejected(csv, 'xlsx', 400)
    expect(r.field).toBe('format')
    r = await rejected('', 'csv', 400)
    expect(r.field).toBe('body')
  })

  it('keeps the imported organisations through a restart (the demo’s are not generated over them)', async () => {
    const stored = tables.read()
    await stop()
    await start()
    expect(tables.read()).toEqual(stored)
    expect((await orgsOverHttp()).map((o) => o.code)).toEqual(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]))
  })
})
