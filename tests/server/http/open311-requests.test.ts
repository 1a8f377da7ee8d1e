// Open311 service requests as real clients send them, and read back from the store: FixMyStreet's
// POST body byte for byte (percent-encoded brackets, CRLF, repeated keys, empty and unknown
// attributes, `deviceid`), the GeoReport v2 spec's own POST example, and GET requests that find a
// closed request long after memory forgot it. A real server (simulator off) on a real wall.db.
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../server/contract/detail'
import { KEEP_CLOSED_MS } from '../../../server/boot/open-district'
import { DAY_MS } from '../../../server/domain/china-time'
import type { AccessConfig } from '../../../server/http/access'
import { actOnCase, reportCase } from '../../../server/ingest/case-ingest'
import { readLikeFixMyStreet } from '../../helpers/fms-xml'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

// Writes opened on purpose (OPEN311_PUBLIC_WRITES), so FixMyStreet's api_key is carried but not needed here.
const access: AccessConfig = { wallToken: null, integrationKeys: [], operators: [], open311PublicWrites: true }
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

interface ServiceRequest {
  service_request_id: string
  status: string
  status_notes: string
  service_code: string
  description: string
  address: string | null
  requested_datetime: string
  media_url: string | null
  media_urls?: string[]
}

/** 2026-11-25T01:40:00Z: an instant as FixMyStreet writes it (DateTime::Format::W3CDTF on DateTime->now, UTC). */
const w3cUtc = (at: number) => new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z')
/** As URI's query_form encodes a value: ':' as %3A, '+' as %2B, ',' as %2C (URI/_query.pm:55). */
const uriEncode = (value: string) => encodeURIComponent(value)

describe('Open311 requests as clients send them', () => {
  let server: TestServer
  let base: string
  let lng: number
  let lat: number

  const post = (body: string) => fetch(`${base}/requests.json`, { method: 'POST', headers: FORM, body })
  const errorOf = async (response: Response) => ((await response.json()) as { code: number; description: string }[])[0]
  const created = async (response: Response) => {
    expect(response.status).toBe(200)
    return ((await response.json()) as { service_request_id: string }[])[0].service_request_id
  }
  const detailOf = async (id: string) => (await (await fetch(`${server.url}/api/cases/${id}`)).json()) as CaseDetail
  const storedRow = (id: string) => {
    const db = new Database(path.join(server.dataDir, 'wall.db'), { readonly: true })
    try {
      return db.prepare('SELECT description, media_url, media_urls, attributes, address FROM cases WHERE id = ?').get(id) as Record<string, string | null>
    } finally {
      db.close()
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access })
    base = `${server.url}/open311/v2`
    ;[lng, lat] = server.wall.district.tree.allGrids()[0].center
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('takes FixMyStreet\'s POST body as it is on the wire, and keeps every attribute and photo with the case', async () => {
    // FixMyStreet perllib/Open311.pm:142-225 through HTTP::Request::Common 6.44 / URI 5.17, the exact
    // bytes of the notes §1.3 (brackets %5B%5D, '+' for spaces, CRLF %0D%0A, a multivaluelist as a
    // repeated key, an empty attribute, random order). Only service_code (0101 → our E0101) and
    // lat/long (Beijing → a grid of this district) are ours. Added the same way: a second photo with
    // multi_photos (Open311.pm:196-202), attribute[uprn] (Open311.pm:219-222) and deviceid
    // (Open311.pm:204-206, t/open311.t:973).
    const body = 'attribute%5Blandmark%5D=&attribute%5Bmulti%5D=a&attribute%5Bmulti%5D=b'
      + '&description=title%3A+a+problem%0D%0A%0D%0Adetail%3A+%E4%BA%95%E7%9B%96%E7%BC%BA%E5%A4%B1%0D%0A%0D%0Aurl%3A+http%3A%2F%2Fexample.com%2Freport%2F1%0D%0A%0D%0ASubmitted+via+FixMyStreet%0D%0A'
      + '&first_name=Test&last_name=User&media_url=http%3A%2F%2Fexample.com%2Fp%2F1.full.jpeg&service_code=E0101'
      + `&long=${lng}&lat=${lat}&api_key=KEY&jurisdiction_id=example.org&email=test%40example.com`
      + '&attribute%5Bseverity%5D=%E7%B4%A7%E6%80%A5'
      + '&media_url=http%3A%2F%2Fexample.com%2Fp%2F2.full.jpeg&attribute%5Buprn%5D=100023336956&deviceid=fms-42'
    const id = await created(await post(body))

    const record = server.wall.district.cases.get(id)!
    // FixMyStreet's own test compares after s/\r\n/\n/g (t/open311.t:106): the case keeps LF only.
    expect(record.description).toBe('【紧急】title: a problem\n\ndetail: 井盖缺失\n\nurl: http://example.com/report/1\n\nSubmitted via FixMyStreet')
    expect(record.attributes).toEqual({ multi: ['a', 'b'], severity: '紧急', uprn: '100023336956' })
    expect(record.mediaUrls).toEqual(['http://example.com/p/1.full.jpeg', 'http://example.com/p/2.full.jpeg'])
    expect(record.mediaUrl).toBe('http://example.com/p/1.full.jpeg')
    expect((await server.wall.store.reporterContact(id))).toMatchObject({ firstName: 'Test', lastName: 'User', email: 'test@example.com', deviceId: 'fms-42' })

    const row = storedRow(id)
    expect(JSON.parse(row.attributes!)).toEqual({ multi: ['a', 'b'], severity: '紧急', uprn: '100023336956' })
    expect(JSON.parse(row.media_urls!)).toEqual(['http://example.com/p/1.full.jpeg', 'http://example.com/p/2.full.jpeg'])
    expect(row.description).not.toContain('\r')

    const detail = await detailOf(id)
    expect(detail.attributes).toEqual({ multi: ['a', 'b'], severity: '紧急', uprn: '100023336956' })
    expect(detail.mediaUrls).toEqual(['http://example.com/p/1.full.jpeg', 'http://example.com/p/2.full.jpeg'])
    expect(JSON.stringify(detail)).not.toContain('test@example.com')

    const [answer] = (await (await fetch(`${base}/requests/${id}.json`)).json()) as ServiceRequest[]
    expect(answer.media_url).toBe('http://example.com/p/1.full.jpeg')
    expect(answer.media_urls).toEqual(['http://example.com/p/1.full.jpeg', 'http://example.com/p/2.full.jpeg'])
    expect(answer).not.toHaveProperty('attributes')
    // The same in XML as FixMyStreet reads it (perllib/Open311.pm:721-745): media_url one URL, the
    // first photo (GetServiceRequests.pm:292 hands it to add_media); every photo under media_urls.
    const { content } = readLikeFixMyStreet(await (await fetch(`${base}/requests/${id}.xml`)).text())
    const [request] = content.request as Record<string, unknown>[]
    expect(request.media_url).toBe('http://example.com/p/1.full.jpeg')
    expect(request.media_urls).toEqual({ media_url: ['http://example.com/p/1.full.jpeg', 'http://example.com/p/2.full.jpeg'] })
  })

  it('takes the spec\'s POST example: literal brackets, device_id, unknown attributes kept, the address answered back', async () => {
    // GeoReport v2 spec, POST Service Request example (GeoReport/v2/index.md:381-387), verbatim but
    // for service_code (001 → E0101) and lat/long (San Francisco → this district).
    const body = `api_key=xyz&jurisdiction_id=city.gov&service_code=E0101&lat=${lat}&long=${lng}&address_string=1234+5th+street`
      + '&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111'
      + '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg'
      + '&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001'
    const id = await created(await post(body))
    const record = server.wall.district.cases.get(id)!
    expect(record.attributes).toEqual({ WHISPAWN: '123456', WHISDORN: 'COISL001' })
    expect(record.mediaUrls).toEqual(['http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg'])
    expect((await server.wall.store.reporterContact(id))).toMatchObject({ deviceId: 'tt222111', accountId: '123456', phone: '111111111' })

    // GeoReport v2 spec, GET Service Request example (index.md:718-741): address_string comes back as `address`.
    const [answer] = (await (await fetch(`${base}/requests/${id}.json`)).json()) as ServiceRequest[]
    expect(answer).toMatchObject({
      service_request_id: id, status: 'open', service_code: 'E0101', address: '1234 5th street',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
    })
    expect(storedRow(id).address).toBe('1234 5th street')
  })

  it('reads the spec\'s multivaluelist form attribute[code][]=v as a list', async () => {
    // GeoReport v2 spec, POST Service Request, `attribute` (index.md:339):
    // attribute[code1][]=value1&attribute[code1][]=value2&attribute[code1][]=value3
    const id = await created(await post(`service_code=E0101&lat=${lat}&long=${lng}`
      + '&attribute[code1][]=value1&attribute[code1][]=value2&attribute[code1][]=value3&attribute[landmark][]=%E5%85%AC%E4%BA%A4%E7%AB%99'))
    expect(server.wall.district.cases.get(id)!.attributes).toEqual({ code1: ['value1', 'value2', 'value3'], landmark: '公交站' })
  })

  it('stores no attributes and no photos as null and an empty list', async () => {
    const id = await created(await post(`service_code=E0101&lat=${lat}&long=${lng}&attribute%5Blandmark%5D=&media_url=`))
    const record = server.wall.district.cases.get(id)!
    expect(record.attributes).toBeNull()
    expect(record.mediaUrls).toEqual([])
    expect(record.mediaUrl).toBeNull()
  })

  const refusals: [string, string, string][] = [
    ['a defined attribute with a value it does not list', 'attribute%5Bseverity%5D=x', 'attribute[severity]: must be one of 一般, 紧急'],
    ['two values for a single-value attribute', 'attribute[severity][]=%E4%B8%80%E8%88%AC&attribute[severity][]=%E7%B4%A7%E6%80%A5', 'attribute[severity]: must be a single value'],
    ['a nested attribute', 'attribute[a][b]=1', 'attribute[a]: must be text, or a list of texts'],
    ['attribute given as text', 'attribute=x', 'attribute: must be attribute[code]=value pairs'],
    ['a second photo that is not http(s)', 'media_url=https%3A%2F%2Fexample.org%2F1.jpg&media_url=javascript%3Aalert(1)', 'media_url: must be an http(s) URL (photo 2 of 2)'],
    ['more than 20 photos', Array.from({ length: 21 }, (_, i) => `media_url=https%3A%2F%2Fexample.org%2F${i}.jpg`).join('&'), 'media_url: at most 20 photos'],
    ['a list of more than 50 values', Array.from({ length: 51 }, (_, i) => `attribute%5Bm%5D=${i}`).join('&'), 'attribute[m]: at most 50 values'],
    ['more than 50 attributes', Array.from({ length: 51 }, (_, i) => `attribute%5Bc${i}%5D=1`).join('&'), 'attribute: at most 50 attributes'],
  ]

  it.each(refusals)('refuses %s with a 400 naming the field, and stores nothing', async (_name, extra, description) => {
    const before = [...server.wall.district.cases.all()].length
    const response = await post(`service_code=E0101&lat=${lat}&long=${lng}&${extra}`)
    expect(response.status).toBe(400)
    expect((await errorOf(response)).description).toBe(description)
    expect([...server.wall.district.cases.all()].length).toBe(before)
  })

  describe('GET requests from the store', () => {
    let oldId: string
    let reportedAt: number

    beforeAll(() => {
      // A citizen's report closed nine days ago: the app forgets closed cases after KEEP_CLOSED_MS (8 days).
      const { district } = server.wall
      reportedAt = district.clock.now() - 9 * DAY_MS
      const record = reportCase(district, {
        categoryCode: 'C0101', source: 'citizen', lng, lat, description: '井盖缺失（九天前）', actor: '市民', at: reportedAt,
        mediaUrl: 'https://example.org/old.jpg',
      })
      oldId = record.id
      let at = reportedAt
      for (const action of ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'] as const) {
        at += 10 * 60_000
        actOnCase(district, oldId, action, { actor: '测试', at, department: action === 'dispatch' ? '城管局' : undefined })
      }
      district.cases.pruneClosedBefore(district.clock.now() - KEEP_CLOSED_MS)
    })

    it('finds a 9-day-old closed request by id, though memory has forgotten it', async () => {
      expect(server.wall.district.cases.get(oldId)).toBeUndefined()
      const response = await fetch(`${base}/requests/${oldId}.json`)
      expect(response.status).toBe(200)
      const [request] = (await response.json()) as ServiceRequest[]
      expect(request).toMatchObject({ service_request_id: oldId, status: 'closed', status_notes: '已结案', service_code: 'C0101', media_url: 'https://example.org/old.jpg' })
      // FixMyStreet Open311::GetUpdates: service_request_id=638344%2C638345, the comma encoded (t/open311/getupdates.t:195).
      const listed = (await (await fetch(`${base}/requests.json?jurisdiction_id=mysociety&service_request_id=${oldId}%2C000000000000`)).json()) as ServiceRequest[]
      expect(listed.map((r) => r.service_request_id)).toEqual([oldId])
      // FixMyStreet's own call: requests.xml, no key (Open311.pm:318-337, :615-616); it needs
      // service_request_id, lat, long and updated_datetime (GetServiceRequests.pm:143-184).
      const xml = await fetch(`${base}/requests.xml?jurisdiction_id=mysociety&service_request_id=${oldId}`)
      expect(xml.status).toBe(200)
      const [fromXml] = readLikeFixMyStreet(await xml.text()).content.request as Record<string, string>[]
      expect(fromXml).toMatchObject({ service_request_id: oldId, status: 'closed', lat: String(lat), long: String(lng) })
      expect(fromXml.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    })

    it('finds it by a date window as FixMyStreet writes one (UTC Z, colons %3A), and by status and service', async () => {
      // FixMyStreet GetServiceRequests.pm:90-98: W3CDTF of DateTime->now (UTC), through URI query_form.
      const window = `start_date=${uriEncode(w3cUtc(reportedAt - DAY_MS))}&end_date=${uriEncode(w3cUtc(reportedAt + DAY_MS))}`
      expect(window).toContain('%3A')
      const ids = async (query: string) => ((await (await fetch(`${base}/requests.json?${query}`)).json()) as ServiceRequest[]).map((r) => r.service_request_id)
      expect(await ids(window)).toEqual([oldId])
      expect(await ids(`${window}&status=closed`)).toEqual([oldId])
      expect(await ids(`${window}&status=open`)).toEqual([])
      expect(await ids(`${window}&service_code=${encodeURIComponent(' E0101 , C0101 ')}&status=${encodeURIComponent('open, closed')}`)).toEqual([oldId])
      expect(await ids(`${window}&service_code=E0101`)).toEqual([])
      // An offset instead of Z, '+' encoded as URI does (%2B08%3A00), is the same instant.
      const cst = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
      expect(await ids(`start_date=${uriEncode(cst(reportedAt - 60_000))}&end_date=${uriEncode(cst(reportedAt + 60_000))}`)).toEqual([oldId])
      // Without a window it is in the default one (the last 90 days), among the newest first.
      const all = (await (await fetch(`${base}/requests.json`)).json()) as ServiceRequest[]
      expect(all.map((r) => r.service_request_id)).toContain(oldId)
      expect(all.map((r) => r.requested_datetime)).toEqual(all.map((r) => r.requested_datetime).sort().reverse())
    })

    const filterErrors: [string, string, string][] = [
      ['a status that is not open or closed', 'status=open,pending', 'status: must be open or closed, got pending'],
      ['an unknown service_code in a list', 'service_code=E0101,X9', 'service_code: unknown service X9'],
      ['a time without a time zone', 'start_date=2026-11-01T00:00:00', 'start_date: must be a W3C date-time with a time zone (Z or ±hh:mm), e.g. 2026-11-01T00:00:00Z'],
      ['a date that is not one', 'end_date=2026-02-30T00:00:00Z', 'end_date: must be a W3C date-time with a time zone (Z or ±hh:mm), e.g. 2026-11-01T00:00:00Z'],
      ['a window of more than 90 days', 'start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z', 'end_date: must be at most 90 days after start_date'],
      ['an end before the start', 'start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', 'end_date: must not be before start_date'],
      ['a date given twice', 'start_date=2026-02-01T00:00:00Z&start_date=2026-01-01T00:00:00Z', 'start_date: must be given once'],
      ['more than 1000 ids', `service_request_id=${Array.from({ length: 1001 }, (_, i) => String(i)).join(',')}`, 'service_request_id: at most 1000 ids'],
    ]

    it.each(filterErrors)('refuses %s with a 400 naming the field', async (_name, query, description) => {
      const response = await fetch(`${base}/requests.json?${query}`)
      expect(response.status).toBe(400)
      expect(await errorOf(response)).toEqual({ code: 400, description })
    })

    it('answers 404 for a request the store does not have either', async () => {
      const response = await fetch(`${base}/requests/209901010001.json`)
      expect(response.status).toBe(404)
      expect((await errorOf(response)).description).toBe('service_request_id: no request 209901010001')
    })

    it('answers at most 1,000 requests, the newest first', async () => {
      // GeoReport v2 spec, GET Service Requests: "first 1000 requests returned" (index.md:544-546).
      const { district } = server.wall
      const start = reportedAt + DAY_MS
      server.wall.store.transaction(() => {
        for (let i = 0; i < 1005; i++) {
          reportCase(district, { categoryCode: 'E0401', source: 'citizen', lng, lat, description: `批量 ${i}`, actor: '市民', at: start + i * 60_000 })
        }
      })
      const window = `start_date=${uriEncode(w3cUtc(start))}&end_date=${uriEncode(w3cUtc(start + DAY_MS))}&service_code=E0401`
      const answer = (await (await fetch(`${base}/requests.json?${window}`)).json()) as ServiceRequest[]
      expect(answer).toHaveLength(1000)
      expect(answer[0].description).toBe('批量 1004')
      expect(answer.at(-1)!.description).toBe('批量 5')
    })
  })
})
