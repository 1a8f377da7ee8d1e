// BASEMAP_CRS=gcj02: the tiles are cut from GCJ-02-shifted geometry to sit on a 高德 / Tencent
// basemap, while the areas' own data (the GeoJSON endpoints, the district) stays WGS-84.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import gcoord from 'gcoord'
import type { AreaTileJson } from '../../../server/contract/area-tiles'
import { loadConfig } from '../../../server/config'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { decodeTile, tileAt } from '../../helpers/vector-tiles'

describe('area tiles on a GCJ-02 basemap', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ simulator: false, basemap: loadConfig({ BASEMAP: 'http://127.0.0.1:9/{z}/{x}/{y}.png', BASEMAP_CRS: 'gcj02' }).basemap })
  })
  afterAll(() => server?.stop())

  it('cuts the tiles from shifted polygons and says so in the TileJSON; the polygon endpoint stays WGS-84', async () => {
    const json = await (await fetch(`${server.url}/api/tiles/areas.json`)).json() as AreaTileJson
    expect(json.crs).toBe('gcj02')
    const grid = server.wall.district.tree.allGrids()[0]
    const shifted = gcoord.transform([...grid.center] as [number, number], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    const at = tileAt(shifted, 16)
    const url = json.tiles[0].replace('{z}', String(at.z)).replace('{x}', String(at.x)).replace('{y}', String(at.y))
    const layers = decodeTile(new Uint8Array(await (await fetch(url)).arrayBuffer()), at.z, at.x, at.y)
    const label = layers['area-labels'].find((f) => f.properties.code === grid.code)!
    const [lng, lat] = (label.geojson.geometry as GeoJSON.Point).coordinates
    // Within a tile unit or two at z16 (one is ~13 cm here) of gcoord's GCJ-02 point, ~500 m from the WGS-84 one.
    expect(Math.abs(lng - shifted[0]) + Math.abs(lat - shifted[1])).toBeLessThan(3e-6)
    expect(Math.abs(lng - grid.center[0])).toBeGreaterThan(0.003)

    const feature = await (await fetch(`${server.url}/api/areas/${grid.code}.geojson`)).json() as GeoJSON.Feature
    expect(feature.geometry).toEqual(server.wall.district.tree.geometry(grid.code))
  })
})
