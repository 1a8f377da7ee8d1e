// Open311 GeoReport v2 in both formats, over real HTTP on a real server (simulator off, real SQLite):
// every endpoint in XML and JSON, the spec's example shapes, XML read the way FixMyStreet reads it
// (tests/helpers/fms-xml.ts: XML::Simple with its ForceArray and GroupTags), discovery, tokens, keys
// and jurisdiction_id. Each test names its source: the GeoReport v2 spec (wiki.open311.org, source
// github:open311/open311.github.io GeoReport/v2/index.md, Service_Discovery.md) or FixMyStreet
// (github:mysociety/fixmystreet, perllib/…).
import { connect, type AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'
import { CASE_CATEGORIES } from '../../../server/domain/categories'
import type { AccessConfig } from '../../../server/http/access'
import { OPEN311_CHANGESET } from '../../../server/http/open311/discovery'
import { sendList } from '../../../server/http/open311/format'
import { createOpen311Router } from '../../../server/http/open311/open311-router'
import { fmsErrorText, readLikeFixMyStreet, type FmsValue } from '../../helpers/fms-xml'
import { sendRaw } from '../../helpers/raw-http'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const CASES_KEY = 'fms-cases-key'
const POSITIONS_KEY = 'phones-positions-key'
const JURISDICTION = 'fuzhou-jinan.example.cn'
const CONTACT = '晋安区网格化服务管理中心 0591-00000000 / Jin’an grid centre'
const access: AccessConfig = {
  wallToken: null, operators: [], open311PublicWrites: false,
  integrationKeys: [{ key: CASES_KEY, scopes: ['cases'] }, { key: POSITIONS_KEY, scopes: ['positions'] }],
}
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const XML_TYPE = 'text/xml; charset=utf-8'
const JSON_TYPE = 'application/json; charset=utf-8'
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
// DateTime::Format::W3CDTF 0.06's pattern, which FMS parses every date with (notes §2.6).
const W3CDTF = /^(\d\d\d\d)(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(Z|[+-]\d\d:\d\d(?::\d\d)?)?)?)?)?$/

type Item = Record<string, FmsValue>

const SAMPLE = {
  update_id: 7, status: 'open', media_url: ['https://example.org/1.jpg', 'https://example.org/2.jpg'],
  media_urls: ['https://example.org/1.jpg'], description: null, fixed: false, skipped: undefined,
}

describe('Open311 GeoReport v2 in XML and JSON', () => {
  let server: TestServer
  let base: string
  let readKeyed: ReturnType<express.Express['listen']>
  let readKeyedBase: string
  let formatBase: string
  let lng: number
  let lat: number
  const ids: string[] = []

  const xml = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init)
    const text = await response.text()
    return { status: response.status, type: response.headers.get('content-type'), text, ...readLikeFixMyStreet(text) }
  }
  const json = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init)
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() as unknown }
  }
  const caseCount = () => [...server.wall.district.cases.all()].length

  /** The body FixMyStreet posts (perllib/Open311.pm:142-225), urlencoded as HTTP::Request::Common writes it (notes §1.3). */
  const fmsReportBody = (extra = '') => `attribute%5Blandmark%5D=&description=title%3A+%E4%BA%95%E7%9B%96%0D%0A%0D%0Adetail%3A+%E4%BA%95%E7%9B%96%E7%BC%BA%E5%A4%B1%0D%0A`
    + `&first_name=Test&last_name=User&media_url=http%3A%2F%2Fexample.com%2Fp%2F1.full.jpeg&service_code=C0101&long=${lng}&lat=${lat}`
    + `&api_key=${CASES_KEY}&jurisdiction_id=${JURISDICTION}&email=test%40example.com&attribute%5Bseverity%5D=%E7%B4%A7%E6%80%A5${extra}`

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access, open311: { jurisdiction: JURISDICTION, contact: CONTACT, readsNeedKey: false } })
    base = `${server.url}/open311/v2`
    ;[lng, lat] = server.wall.district.tree.allGrids()[0].center
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${base}/requests.xml`, { method: 'POST', headers: FORM, body: fmsReportBody() })
      ids.push(String((readLikeFixMyStreet(await response.text()).content.request as Item[])[0].service_request_id))
    }
    // The same district behind OPEN311_READ=key.
    const app = express()
    app.use('/open311/v2', createOpen311Router({ district: server.wall.district, access, settings: { jurisdiction: null, contact: CONTACT, readsNeedKey: true } }))
    readKeyed = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => readKeyed.once('listening', resolve))
    readKeyedBase = `http://127.0.0.1:${(readKeyed.address() as AddressInfo).port}/open311/v2`
    // The format layer alone, answering a fixed item, so its rules are seen whatever the endpoints hold.
    app.get('/format.:ext', (req, res) => sendList(res, req.params.ext === 'xml' ? 'xml' : 'json', 'service_request_updates', 'request_update', [SAMPLE]))
    formatBase = `http://127.0.0.1:${(readKeyed.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => readKeyed?.close(resolve))
    await server?.stop()
  })

  describe('formats', () => {
    it('lists the services as <services><service>…, read as FMS reads it, with no key although keys are configured', async () => {
      // GeoReport v2 spec, GET Service List example (index.md:137-168); FMS get_service_list sends
      // only jurisdiction_id (Open311.pm:53-63, :613-616) and reads $obj->{service} (PopulateServiceList.pm:78).
      const answer = await xml(`/services.xml?jurisdiction_id=${JURISDICTION}`)
      expect(answer.status).toBe(200)
      expect(answer.type).toBe(XML_TYPE)
      expect(answer.text.startsWith(DECLARATION)).toBe(true)
      expect(answer.root).toBe('services')
      const services = answer.content.service as Item[]
      expect(services).toHaveLength(CASE_CATEGORIES.length)
      expect(services.find((s) => s.service_code === 'E0101')).toEqual({
        service_code: 'E0101', service_name: '暴露垃圾', description: '事件 · 市容环境 · 处置时限 1 工作日',
        // <group> is one of FMS's ForceArray names: a single group is read as a list of one (PopulateServiceList.pm:369-371).
        metadata: 'true', type: 'realtime', keywords: '事件,市容环境,暴露垃圾', group: ['事件 · 市容环境'],
      })
    })

    it('lists the services as a JSON array with a boolean metadata', async () => {
      // GeoReport v2 spec, GET Service List JSON example (index.md:171-200).
      const answer = await json('/services.json')
      expect(answer.type).toBe(JSON_TYPE)
      expect(answer.body).toHaveLength(CASE_CATEGORIES.length)
      expect((answer.body as { metadata: unknown }[])[0].metadata).toBe(true)
    })

    it('defines a service as <service_definition> with <attributes><attribute> and <values><value>, empty fields empty', async () => {
      // GeoReport v2 spec, GET Service Definition example (index.md:263-289); FMS needs attributes to
      // be a list (PopulateServiceList.pm:239-246) and compares required as the string 'true' (Report/New.pm:1412).
      const answer = await xml('/services/E0101.xml')
      expect(answer.status).toBe(200)
      expect(answer.type).toBe(XML_TYPE)
      expect(answer.root).toBe('service_definition')
      expect(answer.content.service_code).toBe('E0101')
      const [severity, landmark] = answer.content.attributes as Item[]
      expect(severity).toEqual({
        variable: 'true', code: 'severity', datatype: 'singlevaluelist', required: 'false', order: '1',
        datatype_description: null, description: '紧急程度',
        values: [{ key: '一般', name: '一般' }, { key: '紧急', name: '紧急' }],
      })
      expect(landmark).toMatchObject({ code: 'landmark', datatype: 'string', order: '2' })
      expect(answer.text).toMatch(/<datatype_description\/>/)
    })

    it('defines a service as a JSON object, datatype_description null', async () => {
      // GeoReport v2 spec, GET Service Definition JSON example (index.md:292-316): an object, not an array.
      const answer = await json('/services/E0101.json')
      expect(answer.body).toMatchObject({ service_code: 'E0101', attributes: [
        { code: 'severity', variable: true, required: false, order: 1, datatype_description: null, values: [{ key: '一般', name: '一般' }, { key: '紧急', name: '紧急' }] },
        { code: 'landmark', datatype: 'string' },
      ] })
    })

    it('answers FixMyStreet\'s POST requests.xml with <service_requests><request><service_request_id>, no token', async () => {
      // FMS t/open311.t:90 (the answer it accepts) and Open311.pm:104-109 (a scalar service_request_id in
      // the first <request>); the body as FMS posts it, api_key in the form (Open311.pm:615-616).
      const before = caseCount()
      const answer = await xml('/requests.xml', { method: 'POST', headers: FORM, body: fmsReportBody() })
      expect(answer.status).toBe(200)
      expect(answer.type).toBe(XML_TYPE)
      expect(answer.root).toBe('service_requests')
      const [request] = answer.content.request as Item[]
      expect(request.service_request_id).toMatch(/^\d{12}$/)
      expect(server.wall.district.cases.get(String(request.service_request_id))?.categoryCode).toBe('C0101')
      expect(caseCount()).toBe(before + 1)
      // GeoReport v2 spec, POST Service Request response: token "should not be returned if service_request_id is returned".
      expect(request).not.toHaveProperty('token')
      expect(request.service_notice).toContain('4 工作时')
      // The spec's example writes the missing account_id as <account_id/> (index.md:398-409).
      expect(request.account_id).toBeNull()
      expect(answer.text).toMatch(/<account_id\/>/)
    })

    it('answers POST requests.json with a one-element array, account_id null', async () => {
      // GeoReport v2 spec, POST Service Request JSON example (index.md:412-419).
      const answer = await json('/requests.json', { method: 'POST', headers: FORM, body: fmsReportBody() })
      expect(answer.status).toBe(200)
      expect(answer.type).toBe(JSON_TYPE)
      expect(answer.body).toEqual([{ service_request_id: expect.stringMatching(/^\d{12}$/), service_notice: expect.any(String), account_id: null }])
    })

    it('answers GET requests.xml?service_request_id=a%2Cb (FMS GetUpdates) with one <request> each, dates FMS parses', async () => {
      // FMS t/open311/getupdates.t:110, :195 (the query, comma encoded); GetServiceRequests.pm:143-184
      // (service_request_id, lat, long and a W3CDTF updated_datetime in each request).
      const answer = await xml(`/requests.xml?jurisdiction_id=${JURISDICTION}&service_request_id=${ids.join('%2C')}`)
      expect(answer.status).toBe(200)
      expect(answer.root).toBe('service_requests')
      const requests = answer.content.request as Item[]
      expect(requests.map((r) => r.service_request_id)).toEqual(ids)
      for (const request of requests) {
        expect(request).toMatchObject({ status: 'open', service_code: 'C0101', service_name: '井盖破损', lat: String(lat), long: String(lng) })
        expect(request.updated_datetime).toMatch(W3CDTF)
        expect(request.requested_datetime).toMatch(W3CDTF)
        // GeoReport v2 spec, GET Service Requests example: an empty field is an empty element (index.md:565-607).
        expect(request).toHaveProperty('expected_datetime', null)
      }
    })

    it('answers a query that finds nothing with an empty <service_requests>, and JSON []', async () => {
      // open311-adapter t/open311/endpoint.t:429-433 (the empty list); FMS then finds no {request}.
      const answer = await xml('/requests.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')
      expect(answer.status).toBe(200)
      expect(answer.root).toBe('service_requests')
      expect(answer.content.request).toBeUndefined()
      expect((await json('/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).body).toEqual([])
    })

    it('answers GET requests/{id}.xml with a list of one <request>, and JSON a one-element array', async () => {
      // GeoReport v2 spec, GET Service Request examples (index.md:718-766): still a list.
      const answer = await xml(`/requests/${ids[0]}.xml`)
      expect(answer.status).toBe(200)
      expect(answer.root).toBe('service_requests')
      expect((answer.content.request as Item[]).map((r) => r.service_request_id)).toEqual([ids[0]])
      const asJson = await json(`/requests/${ids[0]}.json`)
      expect(asJson.body).toMatchObject([{ service_request_id: ids[0], lat, long: lng }])
    })

    it('keeps the XML well-formed whatever a description holds: markup escaped, characters XML 1.0 cannot carry replaced', async () => {
      // XML 1.0 §2.2 (Char): U+0001 cannot appear even as &#1;, and FMS counts unparseable XML as a failure (Open311.pm:727-729).
      const body = JSON.stringify({ service_code: 'E0101', lat, long: lng, description: 'a <b>&amp;</b> "q"\u0001 end', api_key: CASES_KEY })
      const posted = await json('/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(posted.status).toBe(200)
      const id = (posted.body as { service_request_id: string }[])[0].service_request_id
      const answer = await xml(`/requests/${id}.xml`)
      expect((answer.content.request as Item[])[0].description).toBe('a <b>&amp;</b> "q"\uFFFD end')
    })

    it('refuses another extension with 404 naming the path', async () => {
      const answer = await json('/services.html')
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual([{ code: 404, description: 'path: no GeoReport v2 endpoint GET /services.html' }])
      const definition = await json('/services/E0101.csv')
      expect(definition.body).toEqual([{ code: 404, description: 'path: append .xml or .json to E0101.csv' }])
    })
  })

  describe('the format layer', () => {
    it('nests lists as FMS reads them, writes null as an empty element and leaves undefined out, as JSON does', async () => {
      // FMS reads several media_url nested in a media_url (Open311.pm:411-418, t/open311/getservicerequestupdates.t:744-746);
      // SuppressEmpty => undef reads an empty element as undef (:106-117), the spec's <account_id/> (index.md:398-409).
      const text = await (await fetch(`${formatBase}/format.xml`)).text()
      expect(readLikeFixMyStreet(text)).toEqual({ root: 'service_request_updates', content: { request_update: [{
        update_id: '7', status: 'open', media_url: { media_url: ['https://example.org/1.jpg', 'https://example.org/2.jpg'] },
        // media_url is not among FMS's ForceArray names: one element is read as a plain value.
        media_urls: { media_url: 'https://example.org/1.jpg' }, description: null, fixed: 'false',
      }] } })
      expect(text).not.toContain('skipped')
      expect(await (await fetch(`${formatBase}/format.json`)).json()).toEqual([{
        update_id: 7, status: 'open', media_url: ['https://example.org/1.jpg', 'https://example.org/2.jpg'],
        media_urls: ['https://example.org/1.jpg'], description: null, fixed: false,
      }])
    })
  })

  describe('errors', () => {
    it('answers an .xml path with <errors><error><code/><description/></error></errors>, which FMS reads as "code: description"', async () => {
      // GeoReport v2 spec, Errors (index.md:796-806); FMS _process_error (Open311.pm:703-719, t/open311.t:20-26).
      const unknown = await xml('/services/X9999.xml')
      expect(unknown.status).toBe(404)
      expect(unknown.type).toBe(XML_TYPE)
      expect(unknown.root).toBe('errors')
      expect(unknown.content).toEqual({ error: [{ code: '404', description: 'service_code: unknown service X9999' }] })
      expect(fmsErrorText(unknown.text)).toBe('404: service_code: unknown service X9999\n')
      expect(fmsErrorText((await xml('/requests/000000000000.xml')).text)).toBe('404: service_request_id: no request 000000000000\n')
      expect((await xml('/nowhere.xml')).status).toBe(404)
    })

    it('answers the same error on a .json path as the JSON array', async () => {
      // GeoReport v2 spec, Errors JSON example (index.md:809-818).
      const unknown = await json('/services/X9999.json')
      expect(unknown.type).toBe(JSON_TYPE)
      expect(unknown.body).toEqual([{ code: 404, description: 'service_code: unknown service X9999' }])
    })

    it('answers 403 naming api_key for a write without a key or with a key lacking the scope, and writes nothing', async () => {
      // GeoReport v2 spec, Errors: "403 for errors because of wrong or missing api_key" (index.md:785).
      const before = caseCount()
      const body = fmsReportBody().replace(`api_key=${CASES_KEY}`, 'api_key=')
      const missing = await xml('/requests.xml', { method: 'POST', headers: FORM, body })
      expect(missing.status).toBe(403)
      expect(fmsErrorText(missing.text)).toMatch(/^403: api_key: reports need a valid api_key with the scope "cases"/)
      const scopeless = await xml('/requests.xml', { method: 'POST', headers: FORM, body: body.replace('api_key=', `api_key=${POSITIONS_KEY}`) })
      expect(scopeless.status).toBe(403)
      expect(fmsErrorText(scopeless.text)).toMatch(/^403: api_key: this integration key lacks the scope "cases"/)
      expect(caseCount()).toBe(before)
    })

    it('answers 400 naming the field for bad input, in XML, also when the body cannot be read', async () => {
      // GeoReport v2 spec, Errors: "400 for any other error" (index.md:785); POST errors "400 - service_code … was not provided" (index.md:371-377).
      const noCode = await xml('/requests.xml', { method: 'POST', headers: FORM, body: fmsReportBody().replace('service_code=C0101', 'service_code=') })
      expect(noCode.status).toBe(400)
      expect(fmsErrorText(noCode.text)).toBe('400: service_code: required\n')
      const broken = await xml('/requests.xml', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service_code":' })
      expect(broken.status).toBe(400)
      expect(fmsErrorText(broken.text)).toBe('400: body: not valid JSON\n')
    })

    it('answers a multipart POST (FMS with upload_files) with a 415 it can read', async () => {
      // FMS posts multipart/form-data with upload_files or always_upload_photos (Open311.pm:633-659); notes §5.1.
      const form = new FormData()
      form.set('service_code', 'C0101')
      const answer = await xml('/requests.xml', { method: 'POST', body: form })
      expect(answer.status).toBe(415)
      expect(fmsErrorText(answer.text)).toMatch(/^415: body: send application\/x-www-form-urlencoded/)
    })

    it('answers an .xml path with invalid percent-encoding with an XML 400', async () => {
      const answer = await sendRaw(server.url, { method: 'GET', path: '/open311/v2/services/%E0%A4%A.xml' })
      expect(answer.status).toBe(400)
      expect(answer.contentType).toBe(XML_TYPE)
      expect(fmsErrorText(answer.text)).toBe('400: path: invalid percent-encoding\n')
    })
  })

  describe('discovery', () => {
    it('describes the endpoint in discovery.xml with every field the spec requires', async () => {
      // Service_Discovery.md:25-52 ("must end in /discovery.<format>", "All fields are required") and its XML example (:58-94).
      const answer = await xml('/discovery.xml')
      expect(answer.status).toBe(200)
      expect(answer.type).toBe(XML_TYPE)
      expect(answer.root).toBe('discovery')
      expect(answer.content).toEqual({
        changeset: OPEN311_CHANGESET, contact: CONTACT, key_service: expect.stringContaining('cases'),
        // endpoints/formats are not among FMS's GroupTags, so XML::Simple keeps their containers (one endpoint: a hash).
        endpoints: { endpoint: {
          specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: OPEN311_CHANGESET,
          type: 'production', formats: { format: ['text/xml', 'application/json'] },
        } },
      })
    })

    it('describes it in discovery.json as an object with lists', async () => {
      // Service_Discovery.md JSON example (:98-133).
      const answer = await json('/discovery.json')
      expect(answer.body).toEqual({
        changeset: OPEN311_CHANGESET, contact: CONTACT, key_service: expect.any(String),
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: OPEN311_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
      })
    })

    it('names the URL the client used behind the reverse proxy (X-Forwarded-Proto/Host, trusted from loopback)', async () => {
      // server/app.ts: trust proxy 'loopback'; the proxy's own URL is the one a client can use.
      const answer = await json('/discovery.json', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'wall.example.cn' } })
      expect((answer.body as { endpoints: { url: string }[] }).endpoints[0].url).toBe('https://wall.example.cn/open311/v2')
    })

    it('answers discovery without a Host header (HTTP/1.0) with a 400 naming host, not a URL of "undefined"', async () => {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.end('GET /open311/v2/discovery.json HTTP/1.0\r\n\r\n'))
        let text = ''
        socket.on('data', (chunk) => { text += String(chunk) })
        socket.on('end', () => resolve(text))
        socket.on('error', reject)
      })
      expect(raw).toMatch(/^HTTP\/1\.1 400/)
      expect(raw).toContain('"host: not a host name this endpoint can be named by: (none)"')
    })

    it('describes the endpoint with the default contact when OPEN311_CONTACT is not set', () => {
      expect(loadConfig({}).open311.contact).toMatch(/系统管理员.*system administrator/)
      expect(loadConfig({ OPEN311_CONTACT: CONTACT }).open311.contact).toBe(CONTACT)
    })
  })

  describe('tokens', () => {
    it('answers tokens/{token}.xml and .json with 404 naming the token: ids are answered at once, no token is issued', async () => {
      // GeoReport v2 spec, GET service_request_id from a token: "404 - … token not found" (index.md:452-458);
      // FMS polls tokens only when a POST answered with no service_request_id (Open311.pm:110-129).
      const answer = await xml(`/tokens/12345.xml?jurisdiction_id=${JURISDICTION}`)
      expect(answer.status).toBe(404)
      expect(fmsErrorText(answer.text)).toMatch(/^404: token: no token 12345/)
      const asJson = await json('/tokens/12345.json')
      expect(asJson.status).toBe(404)
      expect((asJson.body as { description: string }[])[0].description).toMatch(/^token: /)
    })
  })

  describe('keys', () => {
    it('answers every read without a key although keys are configured, as FMS sends none on GETs', async () => {
      // FMS adds api_key to POST bodies only (Open311.pm:615-616); the spec's reads say "Requires API Key: No" (index.md:96, :214, :432, :499, :662).
      for (const path of ['/services.xml', '/services/E0101.xml', '/requests.xml', `/requests/${ids[0]}.xml`, '/discovery.xml', '/services.json', '/requests.json']) {
        expect((await fetch(`${base}${path}`)).status, path).toBe(200)
      }
    })

    it('with OPEN311_READ=key, answers a read without a cases key with 403 naming api_key, and with one with 200', async () => {
      const paths = ['/services.xml', '/services/E0101.xml', '/requests.xml', `/requests/${ids[0]}.xml`, '/discovery.xml', '/requests.json']
      for (const path of paths) {
        const without = await fetch(`${readKeyedBase}${path}`)
        expect(without.status, path).toBe(403)
        const text = await without.text()
        expect(path.endsWith('.json') ? (JSON.parse(text) as { description: string }[])[0].description : fmsErrorText(text), path).toMatch(/^(403: )?api_key: reads need a valid api_key with the scope "cases"/)
        expect((await fetch(`${readKeyedBase}${path}${path.includes('?') ? '&' : '?'}api_key=${POSITIONS_KEY}`)).status, path).toBe(403)
        expect((await fetch(`${readKeyedBase}${path}?api_key=${CASES_KEY}`)).status, path).toBe(200)
        expect((await fetch(`${readKeyedBase}${path}`, { headers: { authorization: `Bearer ${CASES_KEY}` } })).status, path).toBe(200)
      }
      // A token's answer is read too: 403 before the 404.
      expect((await fetch(`${readKeyedBase}/tokens/1.xml`)).status).toBe(403)
      expect((await fetch(`${readKeyedBase}/tokens/1.xml?api_key=${CASES_KEY}`)).status).toBe(404)
    })

    it('reads OPEN311_READ as open (the default) or key, and stops at start on anything else', () => {
      expect(loadConfig({}).open311.readsNeedKey).toBe(false)
      expect(loadConfig({ OPEN311_READ: 'key' }).open311.readsNeedKey).toBe(true)
      expect(() => loadConfig({ OPEN311_READ: 'yes' })).toThrow(ConfigError)
    })
  })

  describe('jurisdiction_id', () => {
    it('accepts the configured jurisdiction (any case), an empty one and none', async () => {
      // FMS sends jurisdiction_id on every call once configured (Open311.pm:613-614); the spec's "Optional Arguments": an empty one is none (index.md:81-83).
      for (const query of [`?jurisdiction_id=${JURISDICTION}`, `?jurisdiction_id=${JURISDICTION.toUpperCase()}`, '?jurisdiction_id=', '']) {
        expect((await fetch(`${base}/services.xml${query}`)).status, query).toBe(200)
      }
    })

    it('refuses another jurisdiction with 404 naming jurisdiction_id, in the query or the form, and writes nothing', async () => {
      // GeoReport v2 spec: "404 - jurisdiction_id provided was not found" (GET Service List, index.md:120-126; POST, :371-377).
      const other = await xml('/services.xml?jurisdiction_id=sfgov.org')
      expect(other.status).toBe(404)
      expect(fmsErrorText(other.text)).toBe(`404: jurisdiction_id: sfgov.org is not served here (this endpoint serves ${JURISDICTION})\n`)
      expect((await xml('/requests.xml?jurisdiction_id=sfgov.org')).status).toBe(404)
      expect((await xml('/tokens/1.xml?jurisdiction_id=sfgov.org')).status).toBe(404)
      const before = caseCount()
      const posted = await xml('/requests.xml', { method: 'POST', headers: FORM, body: fmsReportBody().replace(`jurisdiction_id=${JURISDICTION}`, 'jurisdiction_id=sfgov.org') })
      expect(posted.status).toBe(404)
      expect(fmsErrorText(posted.text)).toMatch(/^404: jurisdiction_id: sfgov.org/)
      expect(caseCount()).toBe(before)
      const twice = await json(`/services.json?jurisdiction_id=${JURISDICTION}&jurisdiction_id=${JURISDICTION}`)
      expect(twice.status).toBe(400)
    })

    it('accepts any jurisdiction when OPEN311_JURISDICTION is not set', async () => {
      // GeoReport v2 spec, Definitions: a single-jurisdiction server "can ignore this parameter" (index.md:77-79).
      expect(loadConfig({}).open311.jurisdiction).toBeNull()
      expect((await fetch(`${readKeyedBase}/services.xml?jurisdiction_id=sfgov.org&api_key=${CASES_KEY}`)).status).toBe(200)
    })
  })
})
