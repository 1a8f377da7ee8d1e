// Generated bad input (fast-check) against the case entry points of one real server with a real
// wall.db: Open311 GeoReport v2 (services, service definitions, posting requests as form and JSON,
// querying them, in JSON and XML), the workflow actions and the case reads. Every answer must be below
// 500, a 4xx must be in its API's error shape (Open311: `[{ code, description }]`, its XML form on an
// .xml path, where every answer must be well-formed XML), a refused request must
// leave every table's row count as it was, and the server must still answer /api/health after each
// property. Service codes come from GET services.json, never written here. FUZZ_RUNS=10 hunts longer.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import type { CaseAction } from '../../../server/contract/domain'
import { readDistrict, type DistrictView } from '../../helpers/district-over-http'
import {
  applyJsonMutation, badIdSegment, badJsonValue, brokenJsonText, encodedEntries, encodeEntries, jsonMutation, mutateEntries,
  toJsonText, trickyText, wrongContentType, wrongEncoding, type Entries,
} from '../../helpers/fuzz-inputs'
import { clientAddress, expectServing, FuzzLedger, fuzzTimeout, probe, runs, type ErrorShape, type FuzzTarget } from '../../helpers/fuzz-probe'
import { sendRaw, type RawRequest } from '../../helpers/raw-http'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openTableCounter } from '../../helpers/table-counts'

const KEY = 'fuzz-cases-key'
/** A key without the cases scope: Open311 writes with it are a 403. */
const POSITIONS_KEY = 'fuzz-positions-only'
const WALL = 'fuzz-wall-token'
const OPERATORS = { supervision: 'fuzz-sup', dispatch: 'fuzz-dis', department: 'fuzz-dep' }
const TOKEN_OF: Record<CaseAction, string> = {
  accept: OPERATORS.supervision, file: OPERATORS.supervision, cancel: OPERATORS.supervision, verify: OPERATORS.supervision,
  sendBack: OPERATORS.supervision, close: OPERATORS.supervision, dispatch: OPERATORS.dispatch, handle: OPERATORS.department,
}
const ACTIONS = Object.keys(TOKEN_OF) as CaseAction[]
const JSON_TYPE = { 'content-type': 'application/json' }
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' }

/** The valid body of each action. */
function actionBody(action: CaseAction): Record<string, string> {
  if (action === 'dispatch') return { action, department: '区环卫中心', note: '请尽快处置' }
  if (action === 'handle') return { action, note: '已清运', photoUrl: 'https://example.org/after.jpg' }
  return { action, note: '已核实' }
}

/** A JSON body spoiled beyond its fields: the text broken, another document, the wrong type or encoding. */
const bodyEnvelope = fc.oneof(
  { weight: 8, arbitrary: fc.constant('json' as const) },
  { weight: 1, arbitrary: fc.constant('broken' as const) },
  { weight: 1, arbitrary: fc.constant('other' as const) },
  { weight: 1, arbitrary: fc.constant('type' as const) },
  { weight: 1, arbitrary: fc.constant('encoding' as const) },
)

function envelope(kind: 'json' | 'broken' | 'other' | 'type' | 'encoding', doc: unknown, extra: { broken: string; other: unknown; type: string; encoding: string }) {
  const text = toJsonText(doc)
  switch (kind) {
    case 'json': return { headers: JSON_TYPE, body: text }
    case 'broken': return { headers: JSON_TYPE, body: extra.broken }
    case 'other': return { headers: JSON_TYPE, body: toJsonText(extra.other) }
    case 'type': return { headers: { 'content-type': extra.type }, body: text }
    case 'encoding': return { headers: { ...JSON_TYPE, 'content-encoding': extra.encoding }, body: text }
  }
}

const envelopeExtras = fc.record({ broken: brokenJsonText('{"action":"accept","note":"x"}'), other: badJsonValue, type: wrongContentType, encoding: wrongEncoding })

describe('Open311, workflow and case entry points under generated bad input', () => {
  let server: TestServer
  let target: FuzzTarget
  let district: DistrictView
  let serviceCodes: string[]
  const caseIds: string[] = []
  const ledger = new FuzzLedger()

  const check = (entry: string, shape: ErrorShape, request: RawRequest) => probe(target, entry, shape, { ...request, headers: { ...clientAddress(), ...request.headers } })

  /** A valid citizen report's fields, at the centre of the i-th grid. */
  function reportEntries(i: number): Entries {
    const [lng, lat] = district.gridCenters[i % district.gridCenters.length]
    return [
      ['service_code', serviceCodes[i % serviceCodes.length]], ['lat', String(lat)], ['long', String(lng)],
      ['description', '路边堆放垃圾'], ['attribute[severity]', '紧急'], ['attribute[landmark]', '公交站旁'],
      ['first_name', '小明'], ['last_name', '王'], ['email', 'wang@example.org'], ['phone', '13812341234'],
      ['address_string', '福州市晋安区岳峰镇'], ['media_url', 'https://example.org/photo.jpg'], ['device_id', 'app-1'], ['account_id', 'acct-1'],
    ]
  }

  beforeAll(async () => {
    const access = loadConfig({
      INTEGRATION_KEYS: `${KEY},${POSITIONS_KEY}:positions`, WALL_TOKEN: WALL,
      OPERATOR_TOKENS: `${OPERATORS.supervision}:supervision:王监督,${OPERATORS.dispatch}:dispatch:李派遣,${OPERATORS.department}:department:区环卫中心`,
    }).access
    server = await startTestServer({ simulator: false, access })
    target = { url: server.url, counter: openTableCounter(server.dataDir), ledger }
    district = await readDistrict(server.url, WALL)
    serviceCodes = (await (await fetch(`${server.url}/open311/v2/services.json`)).json() as { service_code: string }[]).map((s) => s.service_code)
    // Cases to act on, reported as a citizen's app would.
    for (let i = 0; i < 12; i++) {
      const response = await sendRaw(server.url, {
        method: 'POST', path: '/open311/v2/requests.json', headers: { ...FORM_TYPE, authorization: `Bearer ${KEY}` }, body: encodeEntries(reportEntries(i)),
      })
      expect(response.status, response.text).toBe(200)
      caseIds.push((JSON.parse(response.text) as { service_request_id: string }[])[0].service_request_id)
    }
  })

  afterAll(async () => {
    console.log(`fuzz-cases (FUZZ_RUNS=${process.env.FUZZ_RUNS ?? 1}):\n${ledger.table()}`)
    target?.counter.close()
    await server?.stop()
  })

  /** The integration key as a header, as api_key, a key without the cases scope, wrong, or missing. */
  const open311Key = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ headers: { authorization: `Bearer ${KEY}` } as Record<string, string>, query: '' }) },
    { weight: 1, arbitrary: fc.constant({ headers: {}, query: `api_key=${KEY}` }) },
    { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: `Bearer ${POSITIONS_KEY}` }, { authorization: 'Bearer wrong' }, { authorization: `Basic ${KEY}` })
      .map((headers) => ({ headers, query: '' })) },
  )

  /** Both formats, chosen by the extension; FixMyStreet asks only for .xml (perllib/Open311.pm:25). */
  const format = fc.constantFrom('json', 'xml')

  it('Open311 service list and service definitions', { timeout: fuzzTimeout(60_000) }, async () => {
    const method = fc.oneof({ weight: 5, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH') })
    const query = encodedEntries(mutateEntries([['jurisdiction_id', 'fuzhou.gov.cn'], ['locale', 'zh-CN']]))
    await fc.assert(fc.asyncProperty(method, query, format, async (m, q, ext) => {
      await check('GET /open311/v2/services.{json,xml}', 'open311', { method: m, path: `/open311/v2/services.${ext}?${q}` })
    }), { numRuns: runs(60) })
    const file = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...serviceCodes), format).map(([c, ext]) => `${c}.${ext}`) },
      { weight: 3, arbitrary: fc.tuple(badIdSegment(serviceCodes), fc.constantFrom('.json', '.json', '.xml', '', '.JSON', '.json.json')).map(([c, ext]) => c + ext) },
    )
    await fc.assert(fc.asyncProperty(file, query, async (f, q) => {
      await check('GET /open311/v2/services/{code}.{json,xml}', 'open311', { method: 'GET', path: `/open311/v2/services/${f}?${q}` })
    }), { numRuns: runs(100), examples: [['%ZZ.json', ''], ['.json', ''], ['', '']] })
    await expectServing(server.url)
  })

  it('Open311 POST requests.json, form-encoded', { timeout: fuzzTimeout(60_000) }, async () => {
    const body = encodedEntries(fc.nat().chain((i) => mutateEntries(reportEntries(i), 60_000)))
    const type = fc.oneof({ weight: 6, arbitrary: fc.constant(FORM_TYPE) }, { weight: 1, arbitrary: wrongContentType.map((t) => ({ 'content-type': t })) })
    await fc.assert(fc.asyncProperty(body, type, open311Key, format, async (b, headers, key, ext) => {
      await check('POST /open311/v2/requests.{json,xml} (form)', 'open311', { method: 'POST', path: `/open311/v2/requests.${ext}?${key.query}`, headers: { ...headers, ...key.headers }, body: b })
    }), { numRuns: runs(120) })
    await expectServing(server.url)
  })

  it('Open311 POST requests.json, JSON', { timeout: fuzzTimeout(60_000) }, async () => {
    const valid = (i: number) => {
      const doc: Record<string, unknown> = Object.fromEntries(reportEntries(i).filter(([k]) => !k.startsWith('attribute[')))
      doc.lat = Number(doc.lat)
      doc.long = Number(doc.long)
      doc.attribute = { severity: '一般', landmark: '学校门口' }
      return doc
    }
    const extras = fc.record({ broken: brokenJsonText(toJsonText(valid(0))), other: badJsonValue, type: wrongContentType, encoding: wrongEncoding })
    await fc.assert(fc.asyncProperty(fc.nat(), jsonMutation, bodyEnvelope, extras, open311Key, async (i, mutation, kind, extra, key) => {
      const { headers, body } = envelope(kind, applyJsonMutation(valid(i), mutation), extra)
      await check('POST /open311/v2/requests.json (JSON)', 'open311', { method: 'POST', path: `/open311/v2/requests.json?${key.query}`, headers: { ...headers, ...key.headers }, body })
    }), { numRuns: runs(120) })
    await expectServing(server.url)
  })

  it('Open311 GET requests.json with query parameters', { timeout: fuzzTimeout(60_000) }, async () => {
    const today = new Date().toISOString().slice(0, 10)
    const query = encodedEntries(fc.oneof(
      mutateEntries([['service_code', `${serviceCodes[0]},${serviceCodes[1]}`], ['status', 'open,closed'], ['start_date', '2026-11-01'], ['end_date', `${today}T23:59:59+08:00`]]),
      mutateEntries([['service_request_id', caseIds.slice(0, 3).join(',')]]),
      mutateEntries([['start_date', new Date(Date.now() - 86_400_000).toISOString()]]),
    ))
    await fc.assert(fc.asyncProperty(query, open311Key, format, async (q, key, ext) => {
      await check('GET /open311/v2/requests.{json,xml}', 'open311', { method: 'GET', path: `/open311/v2/requests.${ext}?${[q, key.query].filter(Boolean).join('&')}`, headers: key.headers })
    }), { numRuns: runs(120) })
    await expectServing(server.url)
  })

  it('Open311 GET requests/{id}.json', { timeout: fuzzTimeout(60_000) }, async () => {
    const file = fc.oneof(
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...caseIds), format).map(([id, ext]) => `${id}.${ext}`) },
      { weight: 3, arbitrary: fc.tuple(badIdSegment(caseIds), fc.constantFrom('.json', '.json', '.xml', '')).map(([c, ext]) => c + ext) },
    )
    await fc.assert(fc.asyncProperty(file, open311Key, async (f, key) => {
      await check('GET /open311/v2/requests/{id}.{json,xml}', 'open311', { method: 'GET', path: `/open311/v2/requests/${f}?${key.query}`, headers: key.headers })
    }), { numRuns: runs(80), examples: [['%E0%A4%A.json', { headers: { authorization: `Bearer ${KEY}` }, query: '' }]] })
    await expectServing(server.url)
  })

  /** An operator token: the action's role (mostly), another role, the wall token, wrong, or missing. */
  const operatorToken = fc.oneof(
    { weight: 6, arbitrary: fc.constant('right') },
    { weight: 1, arbitrary: fc.constantFrom(OPERATORS.supervision, OPERATORS.dispatch, OPERATORS.department, WALL, 'wrong', '') },
  )

  it('workflow actions', { timeout: fuzzTimeout(60_000) }, async () => {
    const id = fc.oneof({ weight: 6, arbitrary: fc.nat().map((i) => ({ index: i })) }, { weight: 1, arbitrary: badIdSegment(caseIds).map((segment) => ({ segment })) })
    // Three requests in four spoiled; the rest valid, so cases move on and later actions meet other steps.
    const mutation = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: jsonMutation })
    await fc.assert(fc.asyncProperty(id, fc.nat(), mutation, bodyEnvelope, envelopeExtras, operatorToken, async (which, pick, spoil, kind, extra, token) => {
      const caseId = 'index' in which ? caseIds[which.index % caseIds.length] : null
      // What the case allows now (it moves as valid actions land), so an unspoiled request succeeds.
      const allowed = caseId == null ? [] : (JSON.parse((await sendRaw(server.url, { method: 'GET', path: `/api/cases/${caseId}`, headers: { authorization: `Bearer ${WALL}` } })).text) as { allowedActions: CaseAction[] }).allowedActions
      const action = allowed.length > 0 ? allowed[pick % allowed.length] : ACTIONS[pick % ACTIONS.length]
      const doc = spoil ? applyJsonMutation(actionBody(action), spoil) : actionBody(action)
      const { headers, body } = envelope(kind, doc, extra)
      const bearer = token === 'right' ? TOKEN_OF[action] : token
      await check('POST /api/cases/{id}/actions', 'api', {
        method: 'POST', path: `/api/cases/${caseId ?? ('segment' in which ? which.segment : '')}/actions`, headers: { ...headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body,
      })
    }), { numRuns: runs(150) })
    await expectServing(server.url)
  })

  it('case detail and the reporter contact', { timeout: fuzzTimeout(60_000) }, async () => {
    const id = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...caseIds) }, { weight: 3, arbitrary: badIdSegment(caseIds) })
    const token = fc.oneof({ weight: 4, arbitrary: fc.constant(WALL) }, { weight: 1, arbitrary: fc.constantFrom(OPERATORS.supervision, OPERATORS.dispatch, 'wrong', '') })
    const junk = encodedEntries(mutateEntries([['lang', 'en']]))
    await fc.assert(fc.asyncProperty(id, token, junk, async (segment, bearer, q) => {
      await check('GET /api/cases/{id}', 'api', { method: 'GET', path: `/api/cases/${segment}?${q}`, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} })
    }), { numRuns: runs(100), examples: [['%ZZ', WALL, ''], ['', WALL, '']] })
    const reader = fc.oneof({ weight: 4, arbitrary: fc.constant(OPERATORS.supervision) }, { weight: 1, arbitrary: fc.constantFrom(OPERATORS.dispatch, WALL, 'wrong', '') })
    await fc.assert(fc.asyncProperty(id, reader, trickyText, async (segment, bearer, _unused) => {
      await check('GET /api/cases/{id}/reporter', 'api', { method: 'GET', path: `/api/cases/${segment}/reporter`, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} })
    }), { numRuns: runs(60) })
    await expectServing(server.url)
  })
})
