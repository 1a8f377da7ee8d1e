// A report with only an address (a hotline-style call; FixMyStreet sends address_string instead of
// lat/long when the citizen gave no point: perllib/Open311.pm:179-193) used to be refused. It is
// now filed as 采集 待定位: in the feed and the funnel, not on the map, until the supervision centre
// places it with the workflow action `locate`; the address's area names suggest where.
import path from 'node:path'
import Database from 'better-sqlite3'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../server/contract/detail'
import type { WallSnapshot } from '../../../server/contract/domain'
import type { CasesChanged } from '../../../server/contract/events'
import { loadConfig } from '../../../server/config'
import { readLikeFixMyStreet } from '../../helpers/fms-xml'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent } from '../../helpers/wait-for'

const KEY = 'fms-key'
const SUP = 'sup-token'
const DISP = 'disp-token'

describe('a report by address only', () => {
  let server: TestServer
  let id: string
  let community: { code: string; name: string }

  beforeAll(async () => {
    server = await startTestServer({
      simulator: false,
      access: loadConfig({ INTEGRATION_KEYS: `${KEY}:cases`, OPERATOR_TOKENS: `${SUP}:supervision:王监督,${DISP}:dispatch:李派遣` }).access,
    })
    community = server.wall.district.tree.all().find((a) => a.level === 'community')!
    const response = await fetch(`${server.url}/open311/v2/requests.xml`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: KEY, service_code: 'E0101', description: '楼下垃圾堆了三天', address_string: `${community.name}5号楼东侧` }).toString(),
    })
    expect(response.status).toBe(200)
    id = String((readLikeFixMyStreet(await response.text()).content as { request: { service_request_id: string }[] }).request[0].service_request_id)
  })
  afterAll(() => server?.stop())

  const act = (token: string, body: unknown) => fetch(`${server.url}/api/cases/${id}/actions`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  const located = () => {
    const db = new Database(path.join(server.dataDir, 'wall.db'), { readonly: true })
    try {
      return db.prepare('SELECT located, grid_code FROM cases WHERE id = ?').get(id) as { located: number; grid_code: string }
    } finally {
      db.close()
    }
  }

  it('is filed as 采集 under the district, with no point, in the walls\' cases and feed', async () => {
    const snapshot = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    const summary = snapshot.cases.find((c) => c.id === id)!
    expect(summary).toMatchObject({ step: 'reported', lng: null, lat: null, gridCode: server.wall.district.tree.root.code })
    expect(snapshot.feed.some((f) => f.caseId === id && f.action === 'report')).toBe(true)
    expect(located()).toMatchObject({ located: 0 })
  })

  it('reads back in GeoReport form without a point, saying 待定位', async () => {
    // GeoReport v2 spec, GET Service Request: lat/long are optional in the answer.
    const xml = readLikeFixMyStreet(await (await fetch(`${server.url}/open311/v2/requests/${id}.xml`)).text()).content as { request: Record<string, unknown>[] }
    expect(xml.request[0]).toMatchObject({ service_request_id: id, status: 'open', lat: null, long: null, address: `${community.name}5号楼东侧` })
    expect(String(xml.request[0].status_notes)).toContain('待定位')
  })

  it('shows the area its address names, for the operator who places it', async () => {
    const detail = await (await fetch(`${server.url}/api/cases/${id}`)).json() as CaseDetail
    expect(detail.suggestedArea).toMatchObject({ code: community.code, name: community.name, level: 'community' })
    expect(detail.address).toBe(`${community.name}5号楼东侧`)
  })

  it('is placed by the supervision centre only, at a point inside a grid', async () => {
    expect((await act(DISP, { action: 'locate', lng: 119.35, lat: 26.07 })).status).toBe(403)
    const outside = await act(SUP, { action: 'locate', lng: 110, lat: 30 })
    expect(outside.status).toBe(400)
    expect((await outside.json()).error.field).toBe('location')
    const noLat = await act(SUP, { action: 'locate', lng: 119.35 })
    expect((await noLat.json()).error).toMatchObject({ field: 'lat' })
    expect(located().located).toBe(0)
  })

  it('once placed, is on the map in the grid it lies in, with the placing in its story', async () => {
    const grid = server.wall.district.tree.allGrids().find((g) => g.parentCode === community.code)!
    const socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
    const changed = nextEvent<CasesChanged>(socket, 'cases:changed', 5000)
    const response = await act(SUP, { action: 'locate', lng: grid.center[0], lat: grid.center[1] })
    expect(response.status).toBe(200)
    const pushed = (await changed).cases.find((c) => c.id === id)!
    expect(pushed).toMatchObject({ lng: grid.center[0], lat: grid.center[1], gridCode: grid.code, step: 'reported' })
    expect(located()).toEqual({ located: 1, grid_code: grid.code })
    const detail = await (await fetch(`${server.url}/api/cases/${id}`)).json() as CaseDetail
    expect(detail.history.map((h) => h.action)).toEqual(['report', 'locate'])
    expect(detail.history[1].actor).toContain('王监督')
    expect(detail.suggestedArea).toBeNull()
    // …and the loop goes on from where it was.
    expect((await act(SUP, { action: 'accept' })).status).toBe(200)
    socket.disconnect()
  })
})

describe('a report by address naming a landmark', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { ...loadConfig({ INTEGRATION_KEYS: `${KEY}:cases` }).access } })
  })
  afterAll(() => server?.stop())

  it('suggests the metro station\'s point and the grid it lies in (the demo\'s landmarks are its stations)', async () => {
    const station = server.wall.district.landmarks.find((l) => server.wall.district.tree.locateGrid(l.point))!
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: KEY, service_code: 'E0401', address_string: `${station.name}B出口旁` }).toString(),
    })
    const [{ service_request_id: id }] = await response.json() as { service_request_id: string }[]
    const detail = await (await fetch(`${server.url}/api/cases/${id}`)).json() as CaseDetail
    expect(detail.suggestedArea).toMatchObject({ code: server.wall.district.tree.locateGrid(station.point)!.code, level: 'grid', landmark: { name: station.name, point: station.point } })
  })
})
