// Inputs the entry-point fuzzing found answering 500, kept as exact requests so they stay fixed:
// a time past the last one a JS Date holds (the refusal's message formatted it with toISOString,
// a RangeError), and a body whose Content-Encoding says gzip but which is not (body-parser's zlib
// error carries a 4xx status and no `type`, which three routers' error handlers looked for).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'regression-key'
const SUP = 'sup-token'

describe('inputs that used to answer 500', () => {
  let server: TestServer
  let deviceId: string
  let caseId: string

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: loadConfig({ INTEGRATION_KEYS: KEY, OPERATOR_TOKENS: `${SUP}:supervision:监督` }).access })
    const district = server.wall.district
    deviceId = district.inspectors.allInfos()[0].deviceId
    const [lng, lat] = district.tree.allGrids()[0].center
    const report = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${KEY}` },
      body: `service_code=E0101&lat=${lat}&long=${lng}`,
    })
    caseId = (await report.json())[0].service_request_id
  })
  afterAll(() => server?.stop())

  it('refuses a time beyond any date with a 400 naming it', async () => {
    const osmand = await fetch(`${server.url}/api/ingest/osmand?id=${deviceId}&lat=26.083&lon=119.331&timestamp=99999999999999999`)
    expect(osmand.status).toBe(400)
    expect((await osmand.json()).error.field).toBe('timestamp')
    const batch = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ positions: [{ deviceId, lat: 26.083, lng: 119.331, at: 1e30 }, { deviceId, lat: 26.083, lng: 119.331, at: -1e30 }] }),
    })
    expect(batch.status).toBe(400)
    expect((await batch.json()).rejected.map((r: { field: string }) => r.field)).toEqual(['at', 'at'])
  })

  it.each([
    ['a workflow action', () => `/api/cases/${caseId}/actions`, SUP, 'application/json', '{"action":"accept"}'],
    ['an Open311 report', () => '/open311/v2/requests.json', KEY, 'application/x-www-form-urlencoded', 'service_code=E0101&lat=26.08&long=119.35'],
    ['a statistics import', () => '/api/import/statistics', KEY, 'text/csv', 'code,常住人口\n350111,1\n'],
    ['an areas import', () => '/api/import/areas', KEY, 'application/json', '{"type":"FeatureCollection","features":[]}'],
  ])('refuses %s whose body is not what its Content-Encoding says with a 400', async (_name, path, token, type, body) => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await fetch(`${server.url}${path()}`, {
        method: 'POST', headers: { 'content-type': type, 'content-encoding': encoding, authorization: `Bearer ${token}` }, body,
      })
      expect(response.status, encoding).toBe(400)
      expect(response.headers.get('content-type'), encoding).toContain('json')
    }
    expect(server.wall.district.cases.get(caseId)!.step).toBe('reported')
  })
})
