// A live import while the simulator runs used to crash the process: the simulator kept the old
// grids (looked up with `!`), reportCase threw "outside every grid" inside a setInterval callback
// and nothing caught it. Now inspectors' grids follow the import, the simulator re-plans its rounds
// on the new areas, and every timer logs an error and carries on.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AreaFeature } from '../../server/domain/area-tree'
import { DEMO_AREAS_FILE } from '../../server/areas/load-areas'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { waitFor } from '../helpers/wait-for'

const KEY = 'import-key'

/** The demo district with only its first street (and that street's communities and grids). */
function oneStreetOfTheDemo(): { features: AreaFeature[]; kept: Set<string> } {
  const all = (JSON.parse(fs.readFileSync(DEMO_AREAS_FILE, 'utf8')) as { features: AreaFeature[] }).features
  const street = all.find((f) => f.properties.level === 'street')!.properties.code
  const communities = new Set(all.filter((f) => f.properties.parentCode === street).map((f) => f.properties.code))
  const features = all.filter((f) => f.properties.level === 'district' || f.properties.code === street
    || communities.has(f.properties.code) || (f.properties.level === 'grid' && communities.has(f.properties.parentCode!)))
  return { features, kept: new Set(features.filter((f) => f.properties.level === 'grid').map((f) => f.properties.code)) }
}

describe('a live import while the simulator runs', () => {
  let server: TestServer
  const errors: unknown[] = []
  const onError = (error: unknown) => errors.push(error)

  beforeAll(async () => {
    process.on('uncaughtException', onError)
    server = await startTestServer({ simulatorSpeed: 300, access: { wallToken: null, integrationKeys: [KEY], operators: [] } })
  })
  afterAll(async () => {
    process.off('uncaughtException', onError)
    await server?.stop()
  })

  it('moves inspectors into the new grids and keeps simulating there', { timeout: 60_000 }, async () => {
    const { features, kept } = oneStreetOfTheDemo()
    const district = server.wall.district
    expect(district.inspectors.allInfos().some((i) => !kept.has(i.gridCode))).toBe(true)
    const response = await fetch(`${server.url}/api/import/areas`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ type: 'FeatureCollection', features }),
    })
    expect(response.status).toBe(200)
    const importedAt = district.clock.now()

    // Every inspector now belongs to a grid that exists, in memory and in the store.
    expect(district.inspectors.allInfos().every((i) => kept.has(i.gridCode))).toBe(true)
    expect(server.wall.store.loadInspectors().every((i) => kept.has(i.gridCode))).toBe(true)

    // Simulated reports keep coming, all of them inside the new grids (300×: a minute of district every 0.2 s).
    const newCases = () => [...district.cases.all()].filter((c) => c.reportedAt > importedAt)
    await waitFor(() => newCases().length >= 5, 40_000)
    expect(newCases().every((c) => kept.has(c.gridCode))).toBe(true)
    // …and every open case that lies in a new grid is filed under it.
    for (const c of district.cases.open()) {
      if (c.lng == null || c.lat == null) continue
      const at = district.tree.locateGrid([c.lng, c.lat])
      if (at) expect(c.gridCode).toBe(at.code)
    }
    expect(errors).toEqual([])
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
  })
})
