// Open311 GeoReport v2 over real HTTP: the router on its own express app around the district of a
// real test server (simulator off, so only these requests move cases), and a real socket.io-client
// on that server to see a citizen's report reach the walls.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CasesChanged } from '../../../server/contract/events'
import { CASE_CATEGORIES } from '../../../server/domain/categories'
import type { AccessConfig } from '../../../server/http/access'
import { createOpen311Router } from '../../../server/http/open311/open311-router'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent } from '../../helpers/wait-for'

// A citizens' endpoint, opened on purpose (OPEN311_PUBLIC_WRITES): writes are closed by default.
const open: AccessConfig = { wallToken: null, integrationKeys: [], operators: [], open311PublicWrites: true }
const keyed: AccessConfig = { wallToken: null, integrationKeys: ['city-app-key'], operators: [] }
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const JSON_TYPE = { 'content-type': 'application/json' }

function waitForCase(socket: Socket, id: string, timeoutMs: number): Promise<CasesChanged> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`case ${id} not in cases:changed within ${timeoutMs} ms`)), timeoutMs)
    const listener = (change: CasesChanged) => {
      if (!change.cases.some((c) => c.id === id)) return
      clearTimeout(timer)
      socket.off('cases:changed', listener)
      resolve(change)
    }
    socket.on('cases:changed', listener)
  })
}

describe('Open311 GeoReport v2', () => {
  let server: TestServer
  let http: ReturnType<express.Express['listen']>
  let base: string
  let keyedBase: string
  let socket: Socket
  let lng: number
  let lat: number

  const caseCount = () => [...server.wall.district.cases.all()].length
  const post = (body: string, headers: Record<string, string> = FORM, url = `${base}/requests.json`) =>
    fetch(url, { method: 'POST', headers, body })
  const errorOf = async (response: Response) => ((await response.json()) as { code: number; description: string }[])[0]

  beforeAll(async () => {
    server = await startTestServer({ simulator: false })
    const app = express()
    app.use('/open311/v2', createOpen311Router({ district: server.wall.district, access: open }))
    app.use('/keyed/open311/v2', createOpen311Router({ district: server.wall.district, access: keyed }))
    http = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => http.once('listening', resolve))
    const root = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
    base = `${root}/open311/v2`
    keyedBase = `${root}/keyed/open311/v2`
    ;[lng, lat] = server.wall.district.tree.allGrids()[0].center
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent(socket, 'wall:snapshot')
  })

  afterAll(async () => {
    socket?.disconnect()
    await new Promise((resolve) => http?.close(resolve))
    await server?.stop()
  })

  it('lists every category as a service', async () => {
    const services = await (await fetch(`${base}/services.json`)).json()
    expect(services).toHaveLength(CASE_CATEGORIES.length)
    expect(services.find((s: { service_code: string }) => s.service_code === 'E0101')).toEqual({
      service_code: 'E0101', service_name: '暴露垃圾', description: '事件 · 市容环境 · 处置时限 1 工作日',
      metadata: true, type: 'realtime', keywords: '事件,市容环境,暴露垃圾', group: '事件 · 市容环境',
    })
  })

  it('defines a service with its attributes, and answers 404 for an unknown one', async () => {
    const definition = await (await fetch(`${base}/services/E0101.json`)).json()
    expect(definition.service_code).toBe('E0101')
    const severity = definition.attributes.find((a: { code: string }) => a.code === 'severity')
    expect(severity).toMatchObject({ datatype: 'singlevaluelist', required: false })
    expect(severity.values.map((v: { key: string }) => v.key)).toEqual(['一般', '紧急'])
    const missing = await fetch(`${base}/services/X9999.json`)
    expect(missing.status).toBe(404)
    expect(await errorOf(missing)).toEqual({ code: 404, description: 'service_code: unknown service X9999' })
  })

  it('takes a form-encoded request as a GeoReport client sends it, and the walls see it within a second', async () => {
    const before = caseCount()
    const body = `service_code=E0101&lat=${lat}&long=${lng}&description=${encodeURIComponent('路口垃圾堆放')}`
      + `&attribute[severity]=${encodeURIComponent('紧急')}&first_name=${encodeURIComponent('小明')}&phone=13800000000&account_id=42`
    const response = await post(body)
    expect(response.status).toBe(200)
    const [created] = await response.json()
    expect(created).toMatchObject({ service_request_id: expect.stringMatching(/^\d{12}$/), account_id: '42' })
    expect(created.service_notice).toContain('1 工作日')
    const seen = waitForCase(socket, created.service_request_id, 1000)
    const record = server.wall.district.cases.get(created.service_request_id)!
    expect(caseCount()).toBe(before + 1)
    expect(record).toMatchObject({ source: 'citizen', categoryCode: 'E0101', step: 'reported', description: '【紧急】路口垃圾堆放' })
    expect(record.history[0].actor).toBe('市民')   // the contact details are kept apart (personal-data.test.ts)
    const change = await seen
    expect(change.cases.find((c) => c.id === record.id)?.source).toBe('citizen')
  })

  it('takes a JSON request and reports it back in GeoReport form', async () => {
    const response = await post(JSON.stringify({
      service_code: 'C0101', lat, long: lng, description: '井盖缺失', media_url: 'https://example.org/p/1.jpg',
      address_string: '福新中路 100 号', attribute: { landmark: '公交站旁' },
    }), JSON_TYPE)
    expect(response.status).toBe(200)
    const [{ service_request_id: id }] = await response.json()
    const [request] = await (await fetch(`${base}/requests/${id}.json`)).json()
    expect(request).toMatchObject({
      service_request_id: id, status: 'open', status_notes: '待受理（采集）', service_name: '井盖破损', service_code: 'C0101',
      description: '井盖缺失；附近：公交站旁；地址：福新中路 100 号',
      agency_responsible: null, expected_datetime: null, address: '福新中路 100 号', lat, long: lng, media_url: 'https://example.org/p/1.jpg',
    })
    expect(request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    const reportedAt = server.wall.district.cases.get(id)!.reportedAt
    expect(Date.parse(request.requested_datetime)).toBe(Math.floor(reportedAt / 1000) * 1000)
  })

  const refusals: [string, string, Record<string, string>, number, string][] = [
    ['no service_code', 'lat=26.07&long=119.35', FORM, 400, 'service_code: required'],
    ['an unknown service_code', 'service_code=XYZ&lat=26.07&long=119.35', FORM, 400, 'service_code: unknown service XYZ'],
    ['lat 91', 'service_code=E0101&lat=91&long=119.35', FORM, 400, 'lat: must be decimal degrees in [-90, 90], got "91"'],
    ['lat NaN', 'service_code=E0101&lat=NaN&long=119.35', FORM, 400, 'lat: must be decimal degrees in [-90, 90], got "NaN"'],
    ['no location', 'service_code=E0101', FORM, 400, 'lat: required, with long (decimal degrees, WGS-84), unless an address_string is given alone'],
    ['a point outside the district', 'service_code=E0101&lat=30&long=110', FORM, 400, 'lat: (110, 30) is outside every grid'],
    ['a wrong severity', 'service_code=E0101&lat=26.07&long=119.35&attribute[severity]=x', FORM, 400, 'attribute[severity]: must be one of 一般, 紧急'],
    ['a media_url that is not http', 'service_code=E0101&lat=26.07&long=119.35&media_url=javascript:alert(1)', FORM, 400, 'media_url: must be an http(s) URL'],
    ['invalid JSON', '{"service_code": "E0101",', JSON_TYPE, 400, 'body: not valid JSON'],
    ['a JSON array', '[1]', JSON_TYPE, 400, 'body: must be a JSON object'],
    ['a body over 64 kB', `service_code=E0101&description=${'x'.repeat(70_000)}`, FORM, 413, 'body: larger than the 64 kB limit'],
    ['plain text', 'service_code=E0101', { 'content-type': 'text/plain' }, 415, 'body: send application/x-www-form-urlencoded or application/json'],
  ]

  it.each(refusals)('refuses %s with the right 4xx, changes nothing and keeps serving', async (_name, body, headers, status, description) => {
    const before = caseCount()
    const response = await post(body, headers)
    expect(response.status).toBe(status)
    const error = await errorOf(response)
    expect(error.code).toBe(status)
    expect(error.description.startsWith(description)).toBe(true)
    expect(caseCount()).toBe(before)
    expect((await fetch(`${base}/services.json`)).status).toBe(200)
  })

  it('serves .xml too (open311-formats.test.ts) and answers unknown requests with 404', async () => {
    // GeoReport v2 spec: "XML is a required format" (index.md:56).
    const xml = await fetch(`${base}/services.xml`)
    expect(xml.status).toBe(200)
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    expect((await fetch(`${base}/requests/000000000000.json`)).status).toBe(404)
    expect((await fetch(`${base}/nowhere`)).status).toBe(404)
  })

  it('filters requests by id, service, status and date window', async () => {
    const all = await (await fetch(`${base}/requests.json`)).json()
    expect(all.length).toBe(caseCount())
    expect(all.map((r: { requested_datetime: string }) => r.requested_datetime)).toEqual(
      all.map((r: { requested_datetime: string }) => r.requested_datetime).sort().reverse())
    const ids = all.slice(0, 2).map((r: { service_request_id: string }) => r.service_request_id)
    const byId = await (await fetch(`${base}/requests.json?service_request_id=${ids.join(',')}&status=closed`)).json()
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(ids)
    expect(await (await fetch(`${base}/requests.json?status=closed`)).json()).toEqual([])
    const manhole = await (await fetch(`${base}/requests.json?service_code=C0101&status=open`)).json()
    expect(manhole.length).toBe(1)
    const old = await (await fetch(`${base}/requests.json?start_date=2020-01-01&end_date=2020-02-01`)).json()
    expect(old).toEqual([])
    const tooLong = await fetch(`${base}/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z`)
    expect(tooLong.status).toBe(400)
    expect((await errorOf(tooLong)).description).toBe('end_date: must be at most 90 days after start_date')
    expect((await fetch(`${base}/requests.json?status=pending`)).status).toBe(400)
  })

  it('needs an integration key for reports when keys are configured (in the form or as a Bearer token), none for reads', async () => {
    const body = `service_code=E0401&lat=${lat}&long=${lng}`
    const without = await post(body, FORM, `${keyedBase}/requests.json`)
    expect(without.status).toBe(403)
    expect((await errorOf(without)).description).toMatch(/^api_key: /)
    expect((await post(`${body}&api_key=wrong`, FORM, `${keyedBase}/requests.json`)).status).toBe(403)
    expect((await post(`${body}&api_key=city-app-key`, FORM, `${keyedBase}/requests.json`)).status).toBe(200)
    const bearer = await post(body, { ...FORM, authorization: 'Bearer city-app-key' }, `${keyedBase}/requests.json`)
    expect(bearer.status).toBe(200)
    // FixMyStreet sends no key on GETs (perllib/Open311.pm:615-616); the spec's reads need none (index.md:499).
    expect((await fetch(`${keyedBase}/requests.json`)).status).toBe(200)
    expect((await fetch(`${keyedBase}/requests.json?api_key=city-app-key`)).status).toBe(200)
    expect((await fetch(`${keyedBase}/services.json`)).status).toBe(200)
  })
})
