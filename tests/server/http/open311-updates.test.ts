// mySociety's servicerequestupdates (GET and POST) over real HTTP on a real server and wall.db, as
// FixMyStreet speaks it: its polling query (perllib/Open311.pm:354-373), its XML reading (XML::Simple
// with ForceArray request_update, :721-745; tests/helpers/fms-xml.ts), its window check
// (Open311/UpdatesBase.pm:108-120) and its comment POST (Open311.pm:473-577, t/open311.t:390-407).
// Cases reported through Open311 are moved round the loop by operators through the workflow API.
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseAction } from '../../../server/contract/domain'
import { DAY_MS } from '../../../server/domain/china-time'
import type { AccessConfig } from '../../../server/http/access'
import { DEFAULT_CONTACT } from '../../../server/http/open311/open311-config'
import { actOnCase, reportCase } from '../../../server/ingest/case-ingest'
import { readLikeFixMyStreet, type FmsValue } from '../../helpers/fms-xml'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'fms-key'
const access: AccessConfig = {
  wallToken: null,
  integrationKeys: [KEY],
  operators: [
    { token: 'sup-token', role: 'supervision', name: '王监督' },
    { token: 'disp-token', role: 'dispatch', name: '李派遣' },
    { token: 'dept-token', role: 'department', name: '区环卫中心' },
  ],
}
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const TOKENS: Partial<Record<CaseAction, string>> = { dispatch: 'disp-token', handle: 'dept-token' }
const AFTER_PHOTO = 'https://example.org/after.jpg'

type Update = Record<string, FmsValue>

/** DateTime::Format::W3CDTF of a UTC DateTime, as FixMyStreet formats its window: whole seconds, `Z`. */
const w3cUtc = (at: number) => `${new Date(at).toISOString().slice(0, 19)}Z`
/** URI's query_form: colons percent-encoded, as t/open311/getservicerequestupdates.t:893-919 reads them back. */
const uriEscape = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

describe('Open311 servicerequestupdates', () => {
  let server: TestServer
  let base: string

  const now = () => server.wall.district.clock.now()
  const act = async (id: string, action: CaseAction, extra: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/cases/${id}/actions`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKENS[action] ?? 'sup-token'}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action, ...extra }),
    })
    expect(response.status, action).toBe(200)
  }
  /** A report as FixMyStreet posts it (t/open311.t:90-115), answered with its service_request_id. */
  const reportThroughOpen311 = async (description: string) => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    const response = await fetch(`${base}/requests.xml`, {
      method: 'POST', headers: FORM,
      body: `service_code=E0101&lat=${lat}&long=${lng}&description=${uriEscape(description)}&api_key=${KEY}&jurisdiction_id=example.org`,
    })
    expect(response.status).toBe(200)
    const { content } = readLikeFixMyStreet(await response.text())
    return String((content.request as Update[])[0].service_request_id)
  }
  /** GetServiceRequestUpdates's call: api_key always, jurisdiction_id, both dates in `Z` (Open311.pm:359-368). */
  const fetchUpdates = async (from: number, to: number, format = 'xml') => {
    const query = `api_key=${KEY}&end_date=${uriEscape(w3cUtc(to))}&jurisdiction_id=example.org&start_date=${uriEscape(w3cUtc(from))}`
    return fetch(`${base}/servicerequestupdates.${format}?${query}`)
  }
  const updatesOf = async (from: number, to: number) => {
    const response = await fetchUpdates(from, to)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    const { root, content } = readLikeFixMyStreet(await response.text())
    expect(root).toBe('service_request_updates')
    return (content.request_update ?? []) as Update[]
  }
  /** FixMyStreet's POST of a comment, fields as t/open311.t:390-407 checks them (Perl hash order: any). */
  const postComment = (fields: Record<string, string | string[]>, format = 'xml') => {
    const body = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${k}=${uriEscape(one)}`)).join('&')
    return fetch(`${base}/servicerequestupdates.${format}`, { method: 'POST', headers: FORM, body })
  }
  const fmsComment = (id: string, extra: Record<string, string | string[]> = {}) => ({
    api_key: KEY, jurisdiction_id: 'example.org', update_id: '38362', service_request_id: id, status: 'OPEN',
    // Its local time zone, with the offset: `+01:00` arrives as %2B01%3A00.
    updated_datetime: '2026-08-21T11:00:00+01:00', description: '井盖还没盖好\r\n请尽快处理', email: 'test@example.com',
    first_name: 'Test', last_name: 'User', title: 'Mr', email_alerts_requested: 'FALSE', ...extra,
  })
  const historyOf = async (id: string) => {
    const view = await (await fetch(`${server.url}/api/cases/${id}`)).json()
    return view.history as { action: string; actor: string; note: string | null; mediaUrl?: string | null }[]
  }

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access, open311: { jurisdiction: 'example.org', contact: DEFAULT_CONTACT, readsNeedKey: false } })
    base = `${server.url}/open311/v2`
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('gives every step of a citizen\'s case round the loop as an update, in order, with the mapped statuses', async () => {
    const from = now() - 1000
    const id = await reportThroughOpen311('井盖缺失')
    await act(id, 'accept')
    await act(id, 'file')
    await act(id, 'dispatch', { department: '区环卫中心' })
    await act(id, 'handle', { note: '已清运', photoUrl: AFTER_PHOTO })
    await act(id, 'sendBack', { note: '未清理干净' })
    await act(id, 'handle')
    await act(id, 'verify')
    await act(id, 'close')
    const mine = (await updatesOf(from, now() + 1000)).filter((u) => u.service_request_id === id)
    expect(mine.map((u) => [u.update_id, u.status, u.description])).toEqual([
      [`${id}-1`, 'investigating', '已受理'],
      [`${id}-2`, 'action_scheduled', '已立案，等待派遣'],
      [`${id}-3`, 'in_progress', '已派遣至区环卫中心'],
      [`${id}-4`, 'in_progress', '已处置，等待核查：已清运'],
      [`${id}-5`, 'in_progress', '核查未通过，返工处理：未清理干净'],
      [`${id}-6`, 'in_progress', '已处置，等待核查'],
      [`${id}-7`, 'fixed', '核查通过'],
      [`${id}-8`, 'closed', '已结案'],
    ])
    // The handling photo, which the workflow keeps in the note, is the update's media_url.
    expect(mine.map((u) => u.media_url)).toEqual([null, null, null, AFTER_PHOTO, null, null, null, null])
    // JSON is the same list by the Spark convention (GeoReport v2 spec, "Formats"): an array.
    const json = await (await fetchUpdates(from, now() + 1000, 'json')).json() as Update[]
    expect(json.filter((u) => u.service_request_id === id).map((u) => u.update_id)).toEqual(mine.map((u) => u.update_id))
  })

  it('answers 不予立案 as no_further_action with the reason, and leaves out cases not reported by citizens', async () => {
    const from = now() - 1000
    const id = await reportThroughOpen311('重复')
    await act(id, 'cancel', { note: '重复上报' })
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    const hotline = reportCase(server.wall.district, { categoryCode: 'E0101', source: 'hotline', lng, lat, description: '热线', actor: '热线' })
    await act(hotline.id, 'accept')
    const updates = await updatesOf(from, now() + 1000)
    expect(updates.filter((u) => u.service_request_id === id).map((u) => [u.status, u.description]))
      .toEqual([['no_further_action', '不予立案：重复上报']])
    expect(updates.some((u) => u.service_request_id === hotline.id)).toBe(false)
  })

  it('answers FixMyStreet\'s polling query exactly as it sends it, every update inside its window in UTC', async () => {
    // Open311.pm:354-373 with GetServiceRequestUpdates.pm:23-37: now-2h … now, `Z`, colons %3A; the
    // order of a Perl hash (notes §1.2's example query).
    const id = await reportThroughOpen311('路灯不亮')
    await act(id, 'accept')
    const end = Math.ceil(now() / 1000) * 1000 + 1000
    const start = end - 2 * 3600_000
    const query = `api_key=${KEY}&end_date=${w3cUtc(end).replaceAll(':', '%3A')}&jurisdiction_id=example.org&start_date=${w3cUtc(start).replaceAll(':', '%3A')}`
    const response = await fetch(`${base}/servicerequestupdates.xml?${query}`)
    expect(response.status).toBe(200)
    const updates = (readLikeFixMyStreet(await response.text()).content.request_update ?? []) as Update[]
    expect(updates.some((u) => u.service_request_id === id && u.status === 'investigating')).toBe(true)
    for (const update of updates) {
      // GetServiceRequestUpdates.pm:66 skips an item without update_id; UpdatesBase.pm:108-120 one
      // whose updated_datetime, parsed as W3CDTF and written in UTC, is outside [start, end] as strings.
      expect(update.update_id).toMatch(/^\d{12,}-\d+$/)
      expect(String(update.updated_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/)
      const utc = w3cUtc(Date.parse(String(update.updated_datetime)))
      expect(utc >= w3cUtc(start) && utc <= w3cUtc(end), `${utc} in [${w3cUtc(start)}, ${w3cUtc(end)}]`).toBe(true)
    }
    // An empty api_key is what it sends when its body has none (Open311.pm:359-361): not refused.
    expect((await fetch(`${base}/servicerequestupdates.xml?api_key=&start_date=${uriEscape(w3cUtc(start))}&end_date=${uriEscape(w3cUtc(end))}`)).status).toBe(200)
  })

  it('finds the updates of a case closed 9 days ago, which memory has forgotten, in the store', async () => {
    const district = server.wall.district
    const [lng, lat] = district.tree.allGrids()[0].center
    const at = now() - 9 * DAY_MS
    const old = reportCase(district, { categoryCode: 'E0101', source: 'citizen', lng, lat, description: '旧案', actor: '市民', at })
    const steps: [CaseAction, string?][] = [['accept'], ['file'], ['dispatch', '区环卫中心'], ['handle'], ['verify'], ['close']]
    steps.forEach(([action, department], i) => actOnCase(district, old.id, action, { actor: '王监督（监督中心）', at: at + (i + 1) * 60_000, department }))
    district.cases.pruneClosedBefore(now() - 8 * DAY_MS)
    expect(district.cases.get(old.id)).toBeUndefined()
    const updates = (await updatesOf(at - 3600_000, at + 3600_000)).filter((u) => u.service_request_id === old.id)
    expect(updates.map((u) => u.status)).toEqual(['investigating', 'action_scheduled', 'in_progress', 'in_progress', 'fixed', 'closed'])
    // Read by time through an index, not a scan of every line ever written.
    const db = new Database(path.join(server.dataDir, 'wall.db'), { readonly: true })
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT t.*, c.department FROM case_transitions t JOIN cases c ON c.id = t.case_id
      WHERE t.at >= ? AND t.at <= ? AND t.action <> 'report' AND c.source = ? ORDER BY t.at, t.case_id, t.seq LIMIT ?`).all(0, 1, 'citizen', 10)
    db.close()
    expect(JSON.stringify(plan)).toContain('case_transitions_at')
  })

  it('takes a citizen\'s comment on a case closed 9 days ago, and the wall can read that case', async () => {
    // FixMyStreet users comment on closed reports ("still not fixed"): memory keeps closed cases 8 days.
    const district = server.wall.district
    const [lng, lat] = district.tree.allGrids()[1].center
    const at = now() - 9 * DAY_MS
    const old = reportCase(district, { categoryCode: 'E0101', source: 'citizen', lng, lat, description: '更旧的案', actor: '市民', at })
    for (const [i, action] of (['accept', 'cancel'] as CaseAction[]).entries()) actOnCase(district, old.id, action, { actor: '王监督（监督中心）', at: at + (i + 1) * 60_000 })
    district.cases.pruneClosedBefore(now() - 8 * DAY_MS)
    expect(district.cases.get(old.id)).toBeUndefined()
    const response = await postComment(fmsComment(old.id, { status: 'REOPEN' }))
    expect(response.status).toBe(200)
    const history = await historyOf(old.id)
    expect(history.map((h) => h.action)).toEqual(['report', 'accept', 'cancel', 'comment'])
    expect(history.at(-1)!.note).toContain('市民反映问题仍未解决')
  })

  it('adds FixMyStreet\'s comment POST to the case\'s timeline once, however often it is retried', async () => {
    const id = await reportThroughOpen311('井盖缺失')
    const before = (await historyOf(id)).length
    const response = await postComment(fmsComment(id))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    // Open311.pm:389-408 reads $obj->{request_update}->[0]->{update_id}, a non-empty scalar.
    const { root, content } = readLikeFixMyStreet(await response.text())
    expect(root).toBe('service_request_updates')
    const ours = (content.request_update as Update[])[0].update_id
    expect(ours).toBe(`${id}-${before}`)
    const history = await historyOf(id)
    expect(history).toHaveLength(before + 1)
    expect(history.at(-1)).toMatchObject({ action: 'comment', actor: '市民', note: '井盖还没盖好\n请尽快处理' })
    // Name and e-mail are personal data: not in the case as a wall reads it.
    const wallView = await (await fetch(`${server.url}/api/cases/${id}`)).text()
    expect(wallView).not.toContain('test@example.com')
    expect(wallView).not.toContain('Test')
    // send-comments retries a send it did not see answered (PostServiceRequestUpdates.pm:152-165).
    const again = await postComment(fmsComment(id))
    expect(readLikeFixMyStreet(await again.text()).content.request_update).toEqual([{ update_id: ours }])
    expect(await historyOf(id)).toHaveLength(before + 1)
    // FixMyStreet stores our update_id as the comment's external_id and skips it when polling
    // (GetServiceRequestUpdates.pm:69-70): the GET gives the comment under the same id.
    const polled = (await updatesOf(now() - 60_000, now() + 1000)).filter((u) => u.service_request_id === id)
    expect(polled).toEqual([{ update_id: ours, service_request_id: id, status: 'open', updated_datetime: expect.any(String), description: '井盖还没盖好\n请尽快处理', media_url: null }])
  })

  it('keeps several photos in order, and records a REOPEN of a closed case as the citizen\'s word without moving it', async () => {
    const id = await reportThroughOpen311('垃圾')
    for (const action of ['accept', 'file', 'dispatch', 'handle', 'verify', 'close'] as CaseAction[]) await act(id, action, action === 'dispatch' ? { department: '区环卫中心' } : {})
    // multi_photos sends media_url as repeated keys (Open311.pm:546-556); REOPEN with mark_reopen (:509-510).
    const photos = ['https://fms.example.org/c/1.0.full.jpeg', 'https://fms.example.org/c/1.1.full.jpeg']
    const response = await postComment(fmsComment(id, { update_id: '38363', status: 'REOPEN', description: '又有了', media_url: photos }), 'json')
    expect(response.status).toBe(200)
    const [{ update_id: ours }] = await response.json() as { update_id: string }[]
    expect(server.wall.district.cases.get(id)!.step).toBe('closed')
    expect((await historyOf(id)).at(-1)).toMatchObject({ action: 'comment', note: `市民反映问题仍未解决：又有了；照片：${photos[1]}`, mediaUrl: photos[0] })
    const polled = (await updatesOf(now() - 60_000, now() + 1000)).find((u) => u.update_id === ours)
    // Several photos nest as <media_url><media_url>…</media_url>…</media_url>, which XML::Simple reads as
    // { media_url => [ … ] } and add_media unwraps (Open311.pm:411-418; t/open311/getservicerequestupdates.t:744-746).
    expect(polled).toMatchObject({ status: 'closed', description: '市民反映问题仍未解决：又有了', media_url: { media_url: photos } })
    const json = await (await fetchUpdates(now() - 60_000, now() + 1000, 'json')).json() as Update[]
    expect(json.find((u) => u.update_id === ours)?.media_url).toEqual(photos)
  })

  it('refuses what it cannot take, naming the field: unknown request 404, no description 400, no key 403, bad dates 400', async () => {
    const id = await reportThroughOpen311('井盖')
    const errorOf = async (response: Response) => readLikeFixMyStreet(await response.text()).content.error as Update[]
    // GeoReport v2 spec, Errors: 404 for resources that don't exist, 403 for a missing or wrong key, 400 otherwise.
    const unknown = await postComment(fmsComment('202611259999'))
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown))[0]).toMatchObject({ code: '404', description: expect.stringMatching(/^service_request_id: /) })
    const without = (field: string) => Object.fromEntries(Object.entries(fmsComment(id)).filter(([k]) => k !== field))
    const missing = await postComment(without('description'))
    expect(missing.status).toBe(400)
    expect((await errorOf(missing))[0].description).toMatch(/^description: /)
    expect((await postComment(without('api_key'))).status).toBe(403)
    expect((await postComment(fmsComment(id, { status: 'WHATEVER' }))).status).toBe(400)
    expect((await postComment(fmsComment(id, { updated_datetime: '2026-08-21 11:00' }))).status).toBe(400)
    const history = await historyOf(id)
    expect(history.some((t) => t.action === 'comment')).toBe(false)
    // The spec's zone is required (GeoReport v2 spec, "Date/time"), and a window spans at most 90 days.
    const noZone = await fetch(`${base}/servicerequestupdates.xml?start_date=2026-08-21T10%3A00%3A00&end_date=2026-08-21T12%3A00%3A00Z`)
    expect(noZone.status).toBe(400)
    expect((await errorOf(noZone))[0].description).toMatch(/^start_date: /)
    const tooLong = await fetch(`${base}/servicerequestupdates.json?start_date=2026-01-01T00%3A00%3A00Z&end_date=2026-06-01T00%3A00%3A00Z`)
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json())[0].description).toMatch(/^end_date: /)
  })
})
