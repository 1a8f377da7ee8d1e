import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AreaProfile } from '../../../server/contract/domain'
import type { AreaFeature } from '../../../server/domain/area-tree'
import type { AccessConfig } from '../../../server/http/access'
import { createImportRouter } from '../../../server/http/import-router'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8')
const access: AccessConfig = { wallToken: null, integrationKeys: ['k-import'], operators: [] }
const KEY = { authorization: 'Bearer k-import' }

const calls = { areas: [] as AreaFeature[][], statistics: [] as Map<string, AreaProfile>[] }
const apply = {
  areas: (features: AreaFeature[]) => void calls.areas.push(features),
  statistics: (profiles: Map<string, AreaProfile>) => void calls.statistics.push(profiles),
  knownCodes: () => new Set(['350111100012', '350111100012001', '350111100012002']),
}

let server: Server
let base: string

beforeAll(async () => {
  const app = express()
  app.use('/api/import', createImportRouter({ access, apply }))
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/import`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  calls.areas.length = 0
  calls.statistics.length = 0
})

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...KEY, ...headers } })

describe('POST /api/import/areas', () => {
  it('wants an integration key', async () => {
    const res = await post('/areas', fixture('valid-hierarchy.geojson'), { authorization: 'Bearer nope' })
    expect(res.status).toBe(401)
    expect(calls.areas).toEqual([])
  })

  it('imports a valid file and answers with a summary', async () => {
    const res = await post('/areas', fixture('valid-hierarchy.geojson'), { 'content-type': 'application/geo+json' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      imported: { grid: 2, community: 1, street: 1, district: 1 },
      summary: 'imported 2 grids, 1 community, 1 street, 1 district',
      warnings: [],
    })
    expect(calls.areas).toHaveLength(1)
    expect(calls.areas[0].map((f) => f.properties.code)).toContain('350111100012002')
  })

  it('converts a GCJ-02 file with ?crs=gcj02, and refuses an unknown crs', async () => {
    expect((await post('/areas?crs=gcj02', fixture('gcj02-hierarchy.geojson'))).status).toBe(200)
    expect(calls.areas[0][3].geometry.coordinates[0]).toEqual(
      expect.arrayContaining([[expect.closeTo(119.302, 6), expect.closeTo(26.082, 6)]]))
    const res = await post('/areas?crs=bd09', fixture('gcj02-hierarchy.geojson'))
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_crs')
  })

  it('rejects a broken file with 422 and every problem, and never calls apply', async () => {
    const res = await post('/areas', fixture('unclosed-ring.geojson'))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_import',
        message: 'the file was not imported: 1 problem',
        errors: [{ feature: 4, code: '350111100012002', field: 'geometry', problem: 'ring 0 is not closed: it starts at [119.307, 26.082] and ends at [119.3071, 26.0821]' }],
      },
    })
    expect(calls.areas).toEqual([])
  })

  it('answers malformed JSON with 400 and a body over 20 MB with 413', async () => {
    const bad = await post('/areas', '{"type": "FeatureCollection", ')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid_json')
    const big = await post('/areas', `[${' '.repeat(21 * 1024 * 1024)}]`)
    expect(big.status).toBe(413)
    expect((await big.json()).error.code).toBe('too_large')
    expect(calls.areas).toEqual([])
  })
})

describe('POST /api/import/statistics', () => {
  const csv = { 'content-type': 'text/csv' }

  it('imports a valid sheet', async () => {
    const res = await post('/statistics', fixture('stats-valid.csv'), csv)
    expect(res.status).toBe(200)
    expect((await res.json()).summary).toBe('imported statistics of 3 areas (residents, households, partyMembers, partyBranches, gridWorkers, volunteers, elders, servicePoints)')
    expect(calls.statistics[0].get('350111100012001')?.residents).toBe(1234)
  })

  it('rejects a bad number with its line and column, and never calls apply', async () => {
    const res = await post('/statistics', fixture('stats-bad-number.csv'), csv)
    expect(res.status).toBe(422)
    expect((await res.json()).error.errors).toEqual([{ line: 3, field: 'residents', problem: 'is not a whole number: "12.5"' }])
    expect(calls.statistics).toEqual([])
  })

  it('answers a sheet over 5 MB with 413', async () => {
    const res = await post('/statistics', `code,residents\n${'350111100012001,1\n'.repeat(320_000)}`, csv)
    expect(res.status).toBe(413)
    expect(calls.statistics).toEqual([])
  })
})
