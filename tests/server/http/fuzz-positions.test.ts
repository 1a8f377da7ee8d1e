// Generated bad input (fast-check) against the position entry points and the reads built on them,
// on one real server with a real wall.db: OsmAnd / Traccar (query, form, JSON), the batch API, an
// inspector's day and the two replays. Every answer must be below 500, a 4xx must be JSON in the
// `{ error: { code, message } }` shape, a refused request must leave every table's row count as
// it was, and the server must still answer /api/health after each property. FUZZ_RUNS=10 hunts longer.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import { readDistrict, type DistrictView } from '../../helpers/district-over-http'
import {
  badIdSegment, badJsonValue, brokenJsonText, encodedEntries, mutateEntries, mutateJson, toJsonText,
  wrongContentType, wrongEncoding, type Entries,
} from '../../helpers/fuzz-inputs'
import { clientAddress, expectServing, FuzzLedger, fuzzTimeout, probe, runs, type ErrorShape, type FuzzTarget } from '../../helpers/fuzz-probe'
import type { RawRequest } from '../../helpers/raw-http'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { openTableCounter } from '../../helpers/table-counts'

const KEY = 'fuzz-positions-key'
const WALL = 'fuzz-wall-token'
const JSON_TYPE = { 'content-type': 'application/json' }
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' }

/** How a request is spoiled besides its fields: the body's type or encoding, or its text. */
function spoiledJsonBody(valid: unknown, mutated: fc.Arbitrary<unknown>): fc.Arbitrary<{ headers: Record<string, string>; body: string }> {
  const text = toJsonText(valid)
  return fc.oneof(
    { weight: 8, arbitrary: mutated.map((doc) => ({ headers: JSON_TYPE, body: toJsonText(doc) })) },
    { weight: 2, arbitrary: brokenJsonText(text).map((body) => ({ headers: JSON_TYPE, body })) },
    { weight: 1, arbitrary: badJsonValue.map((doc) => ({ headers: JSON_TYPE, body: toJsonText(doc) })) },
    { weight: 1, arbitrary: wrongContentType.map((type) => ({ headers: { 'content-type': type }, body: text })) },
    { weight: 1, arbitrary: wrongEncoding.map((encoding) => ({ headers: { ...JSON_TYPE, 'content-encoding': encoding }, body: text })) },
  )
}

describe('position, inspector and replay entry points under generated bad input', () => {
  let server: TestServer
  let target: FuzzTarget
  let district: DistrictView
  const ledger = new FuzzLedger()
  const now = () => Date.now()

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: loadConfig({ INTEGRATION_KEYS: KEY, WALL_TOKEN: WALL }).access })
    target = { url: server.url, counter: openTableCounter(server.dataDir), ledger }
    district = await readDistrict(server.url, WALL)
  })

  afterAll(async () => {
    console.log(`fuzz-positions (FUZZ_RUNS=${process.env.FUZZ_RUNS ?? 1}):\n${ledger.table()}`)
    target?.counter.close()
    await server?.stop()
  })

  const check = (entry: string, request: RawRequest, shape: ErrorShape = 'api') => probe(target, entry, shape, { ...request, headers: { ...clientAddress(), ...request.headers } })

  /**
   * The i-th phone's valid OsmAnd parameters: lat/lon, or Traccar's deviceid + location=lat,lon.
   * Each run takes the next phone, so the per-device rate limit (a phone reports every few seconds) is not what answers.
   */
  function osmandEntries(i: number, longMax?: number): fc.Arbitrary<Entries> {
    const [lng, lat] = district.gridCenters[i % district.gridCenters.length]
    const device = district.deviceIds[i % district.deviceIds.length]
    const t = String(Math.floor(now() / 1000) - 60)
    return fc.oneof(
      mutateEntries([['id', device], ['lat', String(lat)], ['lon', String(lng)], ['timestamp', t], ['speed', '1.2'], ['bearing', '90'], ['accuracy', '5'], ['batt', '80'], ['hdop', '1.1']], longMax),
      mutateEntries([['deviceid', device], ['location', `${lat},${lng}`], ['timestamp', new Date(Number(t) * 1000).toISOString()], ['heading', '45'], ['crs', 'gcj02']], longMax),
    )
  }
  let nextPhone = 0
  const phone = () => nextPhone++

  it('OsmAnd query string: GET and POST', { timeout: fuzzTimeout(60_000) }, async () => {
    const query = encodedEntries(fc.constant(null).chain(() => osmandEntries(phone())))
    await fc.assert(fc.asyncProperty(query, fc.constantFrom('GET', 'POST'), async (q, method) => {
      await check('GET/POST /api/ingest/osmand (query)', { method, path: `/api/ingest/osmand?${q}` })
    }), { numRuns: runs(150) })
    await expectServing(server.url)
  })

  it('OsmAnd form body', { timeout: fuzzTimeout(60_000) }, async () => {
    const body = encodedEntries(fc.constant(null).chain(() => osmandEntries(phone(), 20_000)))
    const type = fc.oneof({ weight: 5, arbitrary: fc.constant(FORM_TYPE) }, { weight: 1, arbitrary: wrongContentType.map((t) => ({ 'content-type': t })) })
    await fc.assert(fc.asyncProperty(body, type, async (text, headers) => {
      await check('POST /api/ingest/osmand (form)', { method: 'POST', path: '/api/ingest/osmand', headers, body: text })
    }), { numRuns: runs(100) })
    await expectServing(server.url)
  })

  it('Traccar Client JSON body', { timeout: fuzzTimeout(60_000) }, async () => {
    const valid = (i: number) => {
      const [lng, lat] = district.gridCenters[i % district.gridCenters.length]
      return {
        device_id: district.deviceIds[i % district.deviceIds.length],
        location: {
          timestamp: new Date(now() - 60_000).toISOString(),
          coords: { latitude: lat, longitude: lng, speed: 1.3, heading: 180, accuracy: 5, altitude: 12 },
          battery: { level: 0.8, is_charging: false }, is_moving: true, odometer: 1200, event: 'motionchange', activity: { type: 'walking' },
        },
      }
    }
    const request = fc.constant(null).chain(() => {
      const doc = valid(phone())
      return spoiledJsonBody(doc, mutateJson(doc))
    })
    await fc.assert(fc.asyncProperty(request, async ({ headers, body }) => {
      await check('POST /api/ingest/osmand (Traccar JSON)', { method: 'POST', path: '/api/ingest/osmand', headers, body })
    }), { numRuns: runs(150) })
    await expectServing(server.url)
  })

  it('batch API', { timeout: fuzzTimeout(60_000) }, async () => {
    const [[lng, lat], [lng2, lat2]] = district.gridCenters
    const at = now() - 30_000
    const valid = {
      positions: [
        { deviceId: district.deviceIds[3], lat, lng, at, heading: 90, speed: 1.1, accuracy: 4, battery: 0.7, crs: 'wgs84' },
        { deviceId: district.deviceIds[4], lat: lat2, lon: lng2, timestamp: Math.floor(at / 1000) },
        { inspectorId: district.inspectorIds[5], lat, lng: lng2, at: new Date(at).toISOString() },
      ],
    }
    const body = fc.oneof(
      { weight: 6, arbitrary: spoiledJsonBody(valid, mutateJson(valid)) },
      { weight: 1, arbitrary: mutateJson(valid.positions).map((doc) => ({ headers: JSON_TYPE, body: toJsonText(doc) })) },
    )
    const auth = fc.oneof(
      { weight: 8, arbitrary: fc.constant({ headers: { authorization: `Bearer ${KEY}` }, query: '' }) },
      { weight: 1, arbitrary: fc.constant({ headers: {}, query: `?api_key=${KEY}` }) },
      { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer ' }, { authorization: `Basic ${KEY}` }, { authorization: `Bearer ${KEY}x` }, { authorization: `bearer ${KEY}` })
        .map((headers) => ({ headers, query: '' })) },
    )
    await fc.assert(fc.asyncProperty(body, auth, async (b, a) => {
      await check('POST /api/ingest/positions', { method: 'POST', path: `/api/ingest/positions${a.query}`, headers: { ...b.headers, ...a.headers }, body: b.body }, 'batch')
    }), { numRuns: runs(150) })
    await expectServing(server.url)
  })

  const withWallToken = { headers: { authorization: `Bearer ${WALL}` } as Record<string, string>, query: [] as Entries }
  /** The wall token as a header, as ?token=, wrong, or missing. */
  const wallAuth = fc.oneof(
    { weight: 6, arbitrary: fc.constant(withWallToken) },
    { weight: 1, arbitrary: fc.constant({ headers: {}, query: [['token', WALL]] as Entries }) },
    { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer wrong' }).map((headers) => ({ headers, query: [] as Entries })) },
  )

  it('inspector detail', { timeout: fuzzTimeout(60_000) }, async () => {
    const ids = district.inspectorIds.map(String)
    const id = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...ids) }, { weight: 3, arbitrary: badIdSegment(ids) })
    const junk = encodedEntries(mutateEntries([['date', '2026-11-25']]))
    await fc.assert(fc.asyncProperty(id, wallAuth, junk, async (segment, auth, query) => {
      const q = [query, ...auth.query.map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('&')
      await check('GET /api/inspectors/{id}', { method: 'GET', path: `/api/inspectors/${segment}?${q}`, headers: auth.headers })
    }), { numRuns: runs(100), examples: [['1%', withWallToken, ''], ['%E0%A4%A', withWallToken, ''], ['', withWallToken, '']] })
    await expectServing(server.url)
  })

  /** A replay's valid from/to (epoch ms or ISO-8601), spoiled. */
  function rangeQuery(): fc.Arbitrary<string> {
    const to = now()
    const from = to - 2 * 3600_000
    return encodedEntries(fc.oneof(
      mutateEntries([['from', String(from)], ['to', String(to)]]),
      mutateEntries([['from', new Date(from).toISOString()], ['to', new Date(to).toISOString()]]),
      mutateEntries([['from', String(Math.floor(from / 1000))]]),
    ))
  }

  it('replay of an inspector', { timeout: fuzzTimeout(60_000) }, async () => {
    const ids = district.inspectorIds.map(String)
    const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids.slice(0, 6)) }, { weight: 1, arbitrary: badIdSegment(ids) })
    await fc.assert(fc.asyncProperty(id, rangeQuery(), wallAuth, async (segment, query, auth) => {
      const q = [query, ...auth.query.map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('&')
      await check('GET /api/inspectors/{id}/track', { method: 'GET', path: `/api/inspectors/${segment}/track?${q}`, headers: auth.headers })
    }), { numRuns: runs(100), examples: [['%ZZ', '', withWallToken], ['', '', withWallToken]] })
    await expectServing(server.url)
  })

  it('replay of an area', { timeout: fuzzTimeout(60_000) }, async () => {
    const codes = district.areaCodes
    const code = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: badIdSegment(codes) })
    await fc.assert(fc.asyncProperty(code, rangeQuery(), wallAuth, async (segment, query, auth) => {
      const q = [query, ...auth.query.map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('&')
      await check('GET /api/grids/{code}/track', { method: 'GET', path: `/api/grids/${segment}/track?${q}`, headers: auth.headers })
    }), { numRuns: runs(100), examples: [['350111%', '', withWallToken]] })
    await expectServing(server.url)
  })
})
