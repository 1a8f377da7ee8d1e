// Importing a city's areas into a running wall: the file is parsed and validated in a worker
// thread, so the walls stay live (the event loop of this process, which runs the server, is never
// blocked > 200 ms while a connected wall keeps receiving frames and ticks), the answer is the one
// the in-process validation gives (problems named by feature index), and files beyond the bounds
// are refused with 413 naming the bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportError } from '../../../server/import/import-errors'
import { MAX_IMPORT_FEATURES, MAX_IMPORT_POSITIONS } from '../../../server/import/import-bounds'
import { validateAreaGeoJson } from '../../../server/import/validate-areas'
import { validateAreasOffLoop } from '../../../server/import/validate-off-loop'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { largeAreasFile, type GeneratedFile } from '../helpers/large-areas-file'
import { watchWall, type LivenessWatch } from '../helpers/wall-liveness'

const KEY = 'import-key'
const MAX_LOOP_DELAY_MS = 200
// 4 streets × 16 communities × 64 grids of 40 vertices: 4,165 features, 4.1 MB.
const SHAPE = { streets: 4, communities: 4, grids: 8, perEdge: 10 }

interface ErrorBody { error: { code: string; field?: string; message: string; errors?: ImportError[] } }

describe('importing a large areas file into a running wall', () => {
  let server: TestServer
  let wall: LivenessWatch

  beforeAll(async () => {
    server = await startTestServer({ access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
    wall = await watchWall(server.url)
  }, 60_000)
  afterAll(async () => {
    wall?.close()
    await server?.stop()
  })

  const post = (body: string) => fetch(`${server.url}/api/import/areas`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body,
  })

  it(`refuses a broken city file naming its features, while the event loop is never blocked > ${MAX_LOOP_DELAY_MS} ms`, async () => {
    const file = largeAreasFile(SHAPE)
    const last = file.features.length - 1
    // A bow-tie in the first grid and an unclosed ring in the last: the whole file is checked.
    const firstGrid = file.features.findIndex((f) => f.properties.level === 'grid')
    const [a, b, c, d] = file.features[firstGrid].geometry.coordinates[0]
    file.features[firstGrid].geometry.coordinates[0] = [a, c, b, d, a]
    file.features[last].geometry.coordinates[0].pop()
    const text = JSON.stringify(file)
    const areasBefore = server.wall.store.loadAreas()

    wall.start()
    const response = await post(text)
    const body = await response.json() as ErrorBody
    const live = wall.stop()
    console.log(`rejected ${file.features.length} features (${(text.length / 1e6).toFixed(1)} MB):`, live)

    expect(response.status).toBe(422)
    expect(body.error.errors).toEqual(validateAreaGeoJson(JSON.parse(text)).errors)
    expect(body.error.errors!.map((e) => e.feature)).toEqual([firstGrid, last])
    expect(body.error.errors![0].problem).toMatch(/^ring 0 crosses itself/)
    expect(server.wall.store.loadAreas()).toEqual(areasBefore)
    expect(live.maxLoopDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS)
    expect(live.maxSilenceMs).toBeLessThan(1_000)
    expect(live.frames).toBeGreaterThan(0)
  }, 120_000)

  it('imports the valid city file as the in-process validation would', async () => {
    const file = largeAreasFile(SHAPE)
    wall.start()
    const response = await post(JSON.stringify(file))
    const body = await response.json() as { imported: Record<string, number>; warnings: ImportError[] }
    const live = wall.stop()
    // Applying the import (store, district, every wall's snapshot) is the live import's work, timed here for the record.
    console.log(`imported ${file.features.length} features, validation and apply:`, live)
    expect(response.status).toBe(200)
    expect(body.imported).toEqual({ grid: 4096, community: 64, street: 4, district: 1 })
    const expected = validateAreaGeoJson(file)
    if (expected.errors) throw new Error(`the generated file should be valid: ${expected.errors[0].problem}`)
    expect(body.warnings).toEqual(expected.warnings)
    expect(server.wall.store.loadAreas()!.map((f) => f.properties.code).sort()).toEqual(file.features.map((f) => f.properties.code).sort())
  }, 120_000)

  it('refuses a file over the feature or position bound with 413 naming it, before validating', async () => {
    const many = await post(JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: MAX_IMPORT_FEATURES + 1 }, () => ({})) }))
    expect(many.status).toBe(413)
    expect((await many.json() as ErrorBody).error).toMatchObject({ code: 'import_too_large', field: 'features', message: expect.stringContaining('at most 50,000') })

    const ring = Array.from({ length: MAX_IMPORT_POSITIONS + 1 }, (_, i) => [i % 2, i % 3])
    const heavy: GeneratedFile['features'][number] = { type: 'Feature', properties: { code: '350111', name: 'x', level: 'district', parentCode: null }, geometry: { type: 'Polygon', coordinates: [ring] } }
    const positions = await post(JSON.stringify([heavy]))
    expect(positions.status).toBe(413)
    expect((await positions.json() as ErrorBody).error).toMatchObject({ code: 'import_too_large', field: 'coordinates', message: expect.stringContaining('more than 1,000,000 positions') })
  }, 60_000)

  it('still answers malformed JSON with 400, JSON that is no file with 422, an empty body with 400 and a charset other than UTF-8 with 415', async () => {
    const bad = await post('{"type": "FeatureCollection", ')
    expect(bad.status).toBe(400)
    expect((await bad.json() as ErrorBody).error.code).toBe('invalid_json')
    const notAFile = await post('"a string"')
    expect(notAFile.status).toBe(422)
    expect((await notAFile.json() as ErrorBody).error.errors).toEqual([{ problem: 'expected a GeoJSON FeatureCollection or an array of Features, got a string' }])
    const empty = await post('')
    expect(empty.status).toBe(400)
    expect((await empty.json() as ErrorBody).error.code).toBe('empty_body')
    const gbk = await fetch(`${server.url}/api/import/areas`, { method: 'POST', headers: { 'content-type': 'application/json; charset=gbk', authorization: `Bearer ${KEY}` }, body: '[]' })
    expect(gbk.status).toBe(415)
  })

  it('stops a validation that runs past its time, answering with the bound', async () => {
    const body = Buffer.from(JSON.stringify(largeAreasFile(SHAPE)))
    expect(await validateAreasOffLoop(body, {}, 50)).toEqual({ kind: 'too_large', problem: { field: 'geometry', message: expect.stringContaining('took longer than') } })
    // The next one runs: the stopped worker left nothing behind.
    expect((await validateAreasOffLoop(body, {})).kind).toBe('valid')
  }, 60_000)
})
