// Generated bad input (fast-check) against the import entry points of one real server with a real
// wall.db: POST /api/import/areas (GeoJSON, ?crs=, ?map=) and POST /api/import/statistics (CSV).
// Most inputs are the valid test fixtures with one thing spoiled, so the validators are reached.
// Every answer must be below 500, a 4xx must be JSON in the `{ error: { code, message } }` shape, a
// refused file must leave every table as it was (counts, and the rows of areas and statistics),
// and the server must still answer /api/health after each property. FUZZ_RUNS=10 hunts longer.
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import {
  applyJsonMutation, badJsonValue, brokenJsonText, encodedEntries, jsonMutation, longText, mutateEntries, toJsonText,
  sometimes, trickyText, wrongContentType, wrongEncoding,
} from '../../helpers/fuzz-inputs'
import { clientAddress, expectServing, FuzzLedger, fuzzTimeout, probe, runs, type FuzzTarget } from '../../helpers/fuzz-probe'
import { sendRaw, type RawRequest } from '../../helpers/raw-http'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openTableCounter } from '../../helpers/table-counts'

const KEY = 'fuzz-import-key'
/** A key without the import scope: a 403. */
const POSITIONS_KEY = 'fuzz-positions-only'
const AREAS = fs.readFileSync('tests/fixtures/import/valid-hierarchy.geojson', 'utf8')
const STATISTICS = fs.readFileSync('tests/fixtures/import/stats-valid.csv', 'utf8')

/** The key as a header (mostly), as api_key, without the import scope, wrong, or missing. */
const importKey = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ headers: { authorization: `Bearer ${KEY}` } as Record<string, string>, query: '' }) },
  { weight: 1, arbitrary: fc.constant({ headers: {}, query: `api_key=${KEY}` }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: `Bearer ${POSITIONS_KEY}` }, { authorization: 'Bearer wrong' })
    .map((headers) => ({ headers, query: '' })) },
)

/** A cell as CSV writes it: quoted when it holds a comma, a quote or a line break. */
const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)

type CsvMutation = 'cell' | 'dropCell' | 'addColumn' | 'repeatRow' | 'dropRow' | 'quote' | 'header' | 'long'

/** The statistics sheet with one thing spoiled, written back as CSV text (or bytes). */
const csvText: fc.Arbitrary<string | Buffer> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      how: fc.constantFrom<CsvMutation>('cell', 'cell', 'cell', 'dropCell', 'addColumn', 'repeatRow', 'dropRow', 'quote', 'header', 'long'),
      row: fc.nat(), column: fc.nat(), bad: trickyText, long: longText(1000, 200_000),
      newline: fc.constantFrom('\n', '\r\n', '\r', '\n\n'), bom: fc.boolean(),
    }).map(({ how, row, column, bad, long, newline, bom }) => {
      const rows = (parse(STATISTICS) as string[][]).map((cells) => cells.map(csvCell))
      const r = how === 'header' ? 0 : 1 + (row % (rows.length - 1))
      const c = column % rows[r].length
      switch (how) {
        case 'cell': rows[r][c] = csvCell(bad); break
        case 'dropCell': rows[r].splice(c, 1); break
        case 'addColumn': rows.forEach((cells, i) => cells.push(i === 0 ? bad : '1')); break
        case 'repeatRow': rows.push([...rows[r]]); break
        case 'dropRow': rows.splice(r, 1); break
        case 'quote': rows[r][c] = `"${rows[r][c]}`; break
        case 'header': rows[0][c] = bad; break
        case 'long': rows[r][c] = long; break
      }
      return `${bom ? '\uFEFF' : ''}${rows.map((cells) => cells.join(',')).join(newline)}`
    }),
  },
  // Excel's "CSV" is GBK, not UTF-8: bytes that do not decode.
  { weight: 1, arbitrary: fc.constant(Buffer.concat([Buffer.from('code,'), Buffer.from([0xb3, 0xa3, 0xd7, 0xa1, 0xc8, 0xcb, 0xbf, 0xda]), Buffer.from('\n350111100012001,1\n')])) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('', ',', '\n\n', '"', 'code', 'code\n', '\uFEFF', 'a,b\n1,2,3,4')) },
)

describe('import entry points under generated bad input', () => {
  let server: TestServer
  let target: FuzzTarget
  const ledger = new FuzzLedger()

  const check = (entry: string, request: RawRequest) => probe(target, entry, 'api', { ...request, headers: { ...clientAddress(), ...request.headers } })

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: loadConfig({ INTEGRATION_KEYS: `${KEY},${POSITIONS_KEY}:positions` }).access })
    target = { url: server.url, counter: openTableCounter(server.dataDir), ledger }
    // The fixture's hierarchy, so the statistics fixture names known areas.
    const imported = await sendRaw(server.url, { method: 'POST', path: '/api/import/areas', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: AREAS })
    expect(imported.status, imported.text).toBe(200)
  })

  afterAll(async () => {
    console.log(`fuzz-import (FUZZ_RUNS=${process.env.FUZZ_RUNS ?? 1}):\n${ledger.table()}`)
    target?.counter.close()
    await server?.stop()
  })

  it('statistics CSV', { timeout: fuzzTimeout(60_000) }, async () => {
    const type = fc.oneof({ weight: 4, arbitrary: fc.constant('text/csv') }, { weight: 1, arbitrary: wrongContentType })
    const extra = sometimes(wrongEncoding, 12)
    await fc.assert(fc.asyncProperty(csvText, type, extra, importKey, async (body, contentType, encoding, key) => {
      await check('POST /api/import/statistics', {
        method: 'POST', path: `/api/import/statistics?${key.query}`, body,
        headers: { 'content-type': contentType, ...(encoding ? { 'content-encoding': encoding } : {}), ...key.headers },
      })
    }), { numRuns: runs(120) })
    await expectServing(server.url)
  })

  it('areas GeoJSON', { timeout: fuzzTimeout(60_000) }, async () => {
    const valid = JSON.parse(AREAS) as unknown
    const body = fc.oneof(
      { weight: 10, arbitrary: jsonMutation.map((m) => ({ headers: { 'content-type': 'application/json' } as Record<string, string>, body: toJsonText(applyJsonMutation(valid, m)) })) },
      // DataV's bare array of features.
      { weight: 2, arbitrary: jsonMutation.map((m) => ({ headers: { 'content-type': 'application/json' } as Record<string, string>, body: toJsonText(applyJsonMutation((valid as { features: unknown[] }).features, m)) })) },
      { weight: 2, arbitrary: brokenJsonText(AREAS).map((text) => ({ headers: { 'content-type': 'application/json' } as Record<string, string>, body: text })) },
      { weight: 1, arbitrary: badJsonValue.map((doc) => ({ headers: { 'content-type': 'application/json' } as Record<string, string>, body: toJsonText(doc) })) },
      { weight: 1, arbitrary: wrongContentType.map((type) => ({ headers: { 'content-type': type } as Record<string, string>, body: AREAS })) },
      { weight: 1, arbitrary: wrongEncoding.map((encoding) => ({ headers: { 'content-type': 'application/json', 'content-encoding': encoding } as Record<string, string>, body: AREAS })) },
    )
    const query = fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: encodedEntries(mutateEntries([['crs', 'gcj02']])) },
      { weight: 1, arbitrary: encodedEntries(mutateEntries([['map', 'code=code,name=name,parentCode=parentCode|parent']])) },
    )
    // Fewer runs than elsewhere: each file is validated in a worker thread, ~0.3 s a request here.
    await fc.assert(fc.asyncProperty(body, query, importKey, async (b, q, key) => {
      await check('POST /api/import/areas', { method: 'POST', path: `/api/import/areas?${[q, key.query].filter(Boolean).join('&')}`, headers: { ...b.headers, ...key.headers }, body: b.body })
    }), { numRuns: runs(60) })
    await expectServing(server.url)
  })
})
