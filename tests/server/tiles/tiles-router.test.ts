// The area tiles over HTTP on a real server: TileJSON, tiles MapLibre can read, revalidation with
// 304, 204 for empty tiles, 400 naming the bad part of z/x/y, the wall token, a new version after
// an import through the API, and one area's outline on demand.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AreaTileJson } from '../../../server/contract/area-tiles'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { decodeTile, tileAt } from '../../helpers/vector-tiles'

const TOKEN = 'wall-secret'
const KEY = 'import-key'
const auth = { authorization: `Bearer ${TOKEN}` }

describe('the area tiles over HTTP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: TOKEN, integrationKeys: [KEY], operators: [] } })
  })
  afterAll(() => server?.stop())

  const tileJson = async () => (await (await fetch(`${server.url}/api/tiles/areas.json`, { headers: auth })).json()) as AreaTileJson
  const tileUrl = (json: AreaTileJson, { z, x, y }: { z: number; x: number; y: number }) =>
    json.tiles[0].replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))
  const aGrid = () => server.wall.district.tree.allGrids()[0]

  it('describes the tiles: versioned URL on this server, zooms, bounds, layers', async () => {
    const json = await tileJson()
    expect(json).toMatchObject({ tilejson: '3.0.0', minzoom: 0, maxzoom: 16, crs: 'wgs84', scheme: 'xyz', grids: server.wall.district.tree.allGrids().length })
    expect(json.tiles).toEqual([`${server.url}/api/tiles/areas/{z}/{x}/{y}.pbf?v=${json.version}`])
    expect(json.vector_layers.map((l) => l.id)).toEqual(['areas', 'area-labels'])
    const [w, s, e, n] = json.bounds
    const [lng, lat] = aGrid().center
    expect(lng > w && lng < e && lat > s && lat < n).toBe(true)
  })

  it('serves a tile with the demo grids, which a strong ETag revalidates with a 304', async () => {
    const json = await tileJson()
    const at = tileAt(aGrid().center, 15)
    const response = await fetch(tileUrl(json, at), { headers: auth })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const etag = response.headers.get('etag')!
    expect(etag).toBe(`"${json.version}-${at.z}-${at.x}-${at.y}"`)
    const layers = decodeTile(new Uint8Array(await response.arrayBuffer()), at.z, at.x, at.y)
    expect(layers.areas.find((f) => f.properties.code === aGrid().code)?.properties).toEqual({ code: aGrid().code, level: 'grid' })
    expect(layers['area-labels'].find((f) => f.properties.code === aGrid().code)?.properties.name).toBe(aGrid().name)

    const again = await fetch(tileUrl(json, at), { headers: { ...auth, 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('answers 204 for a tile no area touches', async () => {
    const at = tileAt([100, 40], 12)
    const response = await fetch(tileUrl(await tileJson(), at), { headers: auth })
    expect(response.status).toBe(204)
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{16}-12-/)
  })

  it('refuses a bad z, x or y with a 400 naming it', async () => {
    const errorOf = async (path: string) => {
      const response = await fetch(`${server.url}/api/tiles/areas/${path}.pbf`, { headers: auth })
      return { status: response.status, ...((await response.json()) as { error: { field: string; message: string } }).error }
    }
    expect(await errorOf('17/0/0')).toMatchObject({ status: 400, field: 'z', message: expect.stringContaining('0 to 16') })
    expect(await errorOf('abc/0/0')).toMatchObject({ status: 400, field: 'z' })
    expect(await errorOf('2/4/0')).toMatchObject({ status: 400, field: 'x', message: expect.stringContaining('0 to 3') })
    expect(await errorOf('2/1/-1')).toMatchObject({ status: 400, field: 'y' })
    expect(await errorOf('3/1.5/2')).toMatchObject({ status: 400, field: 'x' })
  })

  it('needs the wall token, as a header or ?token=', async () => {
    const at = tileAt(aGrid().center, 14)
    const json = await tileJson()
    expect((await fetch(`${server.url}/api/tiles/areas.json`)).status).toBe(401)
    expect((await fetch(tileUrl(json, at))).status).toBe(401)
    expect((await fetch(`${tileUrl(json, at)}&token=nope`)).status).toBe(401)
    expect((await fetch(`${tileUrl(json, at)}&token=${TOKEN}`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/areas/${aGrid().code}.geojson`)).status).toBe(401)
  })

  it('serves one area\'s polygon by code, and 404 naming an unknown one', async () => {
    const grid = aGrid()
    const response = await fetch(`${server.url}/api/areas/${grid.code}.geojson`, { headers: auth })
    expect(response.status).toBe(200)
    const feature = await response.json() as GeoJSON.Feature
    expect(feature.properties).toMatchObject({ code: grid.code, level: 'grid', name: grid.name })
    expect(feature.geometry).toEqual(server.wall.district.tree.geometry(grid.code))
    const missing = await fetch(`${server.url}/api/areas/999.geojson`, { headers: auth })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { field: 'code', message: expect.stringContaining('999') } })
  })

  it('moves to a new version after an import: the TileJSON URL changes and the old ETag no longer matches', async () => {
    const before = await tileJson()
    const at = tileAt(aGrid().center, 15)
    const oldEtag = (await fetch(tileUrl(before, at), { headers: auth })).headers.get('etag')!

    const imported = await fetch(`${server.url}/api/import/areas`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: fs.readFileSync('tests/fixtures/import/valid-hierarchy.geojson', 'utf8'),
    })
    expect(imported.status).toBe(200)

    const after = await tileJson()
    expect(after.version).not.toBe(before.version)
    expect(after.tiles[0]).not.toBe(before.tiles[0])
    expect(after.grids).toBe(2)
    // The old URL now answers with the new areas, under a new ETag.
    const revalidated = await fetch(tileUrl(before, at), { headers: { ...auth, 'if-none-match': oldEtag } })
    expect(revalidated.status).not.toBe(304)
    expect(revalidated.headers.get('etag')).not.toBe(oldEtag)
    const grid = tileAt([119.3045, 26.085], 15)
    const layers = decodeTile(new Uint8Array(await (await fetch(tileUrl(after, grid), { headers: auth })).arrayBuffer()), grid.z, grid.x, grid.y)
    expect(layers.areas.map((f) => f.properties.code)).toContain('350111100012001')
  })
})
