// The packed snapshot in-process: the live part is encoded once per version however many walls ask,
// the wall's decoder gives back the WallSnapshot the JSON path gives, and a table's hash changes
// exactly when its content does.
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { FeedLog } from '../../../server/broadcast/feed-log'
import { buildSnapshot, buildStats, SNAPSHOT_TRAILS_MAX_INSPECTORS } from '../../../server/broadcast/snapshot'
import { createSnapshotCache } from '../../../server/broadcast/snapshot-cache'
import { encodeLive } from '../../../server/broadcast/snapshot-encoding'
import { wallTablesOf } from '../../../server/broadcast/wall-tables'
import type { InspectorLive, WallSnapshot } from '../../../server/contract/domain'
import type { District } from '../../../server/domain/district'
import { reportCase } from '../../../server/ingest/case-ingest'
import { decodePackedSnapshot } from '../../../client/snapshot/decode-packed'
import { createTableCache } from '../../../client/snapshot/table-cache'
import { cityDistrict } from './city-district'

/** A table cache that fetches from the district's own table cache, as GET /api/wall-tables would serve it. */
function tablesFrom(district: District) {
  return createTableCache(async (url) => {
    const [, name, hash] = /\/api\/wall-tables\/(\w+)\.(\w+)\.json$/.exec(url)!
    const table = wallTablesOf(district).find(name, hash)
    if (!table) throw new Error(`no table ${url}`)
    return JSON.parse(gunzipSync(table.gzip).toString())
  })
}

function cacheOf(district: District, feed: FeedLog) {
  const tables = wallTablesOf(district)
  return createSnapshotCache({ district, encode: () => encodeLive(district, feed, buildStats(district).gridLoad), tables: () => tables.current().map((t) => t.ref) })
}

/** What the position frame keeps of a marker: 1e-6°, whole seconds, whole degrees. */
const atFramePrecision = (i: InspectorLive): InspectorLive => ({
  ...i, lng: Math.round(i.lng * 1e6) / 1e6, lat: Math.round(i.lat * 1e6) / 1e6, fixAt: Math.floor(i.fixAt / 1000) * 1000,
  heading: i.heading == null ? null : Math.round(i.heading) % 360,
})

function withCases(district: District, count: number): District {
  for (let i = 0; i < count; i++) {
    reportCase(district, { categoryCode: 'E0101', source: 'hotline', lng: 119.3 + i * 1e-3, lat: 26.0, description: `案件 ${i}`, actor: '热线' })
  }
  return district
}

describe('the packed snapshot', () => {
  it('decodes to the WallSnapshot the JSON path gives, trails included', async () => {
    const district = withCases(cityDistrict(50, 5), 12)
    const feed = new FeedLog()
    const { snapshot: packed } = cacheOf(district, feed).packed()
    const decoded = await decodePackedSnapshot(packed, tablesFrom(district))
    const json = JSON.parse(JSON.stringify(buildSnapshot(district, feed))) as WallSnapshot
    expect(decoded.inspectors.every((i) => i.trail.length === 10)).toBe(true)
    expect(decoded).toEqual({ ...json, inspectors: json.inspectors.map(atFramePrecision) })
  })

  it('decodes the city-scale shape too: no trails above the cap', async () => {
    const district = withCases(cityDistrict(SNAPSHOT_TRAILS_MAX_INSPECTORS + 1, 2), 3)
    const feed = new FeedLog()
    const decoded = await decodePackedSnapshot(cacheOf(district, feed).packed().snapshot, tablesFrom(district))
    const json = JSON.parse(JSON.stringify(buildSnapshot(district, feed))) as WallSnapshot
    expect(decoded).toEqual({ ...json, inspectors: json.inspectors.map(atFramePrecision) })
  })

  it('encodes the live part once per version, however many walls ask', () => {
    const district = cityDistrict(10, 2)
    const cache = cacheOf(district, new FeedLog())
    const versions = Array.from({ length: 20 }, () => cache.packed().snapshot.version)
    expect(cache.encodings).toBe(1)
    expect(new Set(versions).size).toBe(1)
    // A change within the tick waits for the tick (at most one encoding a tick)…
    cache.changed()
    expect(cache.packed().snapshot.version).toBe(versions[0])
    cache.tick()
    expect(cache.packed().snapshot.version).toBe(versions[0] + 1)
    expect(cache.encodings).toBe(2)
    // …no change, no new version however many ticks pass; an import forces one at once.
    cache.tick()
    cache.tick()
    expect(cache.packed().snapshot.version).toBe(versions[0] + 1)
    cache.invalidate()
    expect(cache.packed().snapshot.version).toBe(versions[0] + 2)
    expect(cache.encodings).toBe(3)
  })

  it('hands back the inspectors that moved since the encoding, for the joining wall', () => {
    const cache = cacheOf(cityDistrict(10, 2), new FeedLog())
    expect(cache.packed().movedSince).toEqual([])
    cache.noteMoved([3, 4])
    cache.noteMoved([4, 7])
    expect(cache.packed().movedSince.sort()).toEqual([3, 4, 7])
    cache.tick()
    expect(cache.packed().movedSince).toEqual([])   // a new encoding has them in it
  })

  it('fetches a table only when its hash differs from the one held', async () => {
    const district = cityDistrict(10, 2)
    const tables = tablesFrom(district)
    const cache = cacheOf(district, new FeedLog())
    await decodePackedSnapshot(cache.packed().snapshot, tables)
    expect(tables.fetches).toBe(4)
    await decodePackedSnapshot(cache.packed().snapshot, tables)
    expect(tables.fetches).toBe(4)
    district.inspectors.register({ id: 99, deviceId: 'phone-99', name: '新网格员', gridCode: 'g' })
    await decodePackedSnapshot(cache.packed().snapshot, tables)
    expect(tables.fetches).toBe(5)
  })
})

describe('the wall tables', () => {
  const hashes = (district: District) => Object.fromEntries(wallTablesOf(district).current().map((t) => [t.ref.name, t.ref.hash]))

  it('changes a hash exactly when that table\'s content changes', () => {
    const district = cityDistrict(5, 1)
    const before = hashes(district)
    const encodings = wallTablesOf(district).encodings
    expect(hashes(district)).toEqual(before)
    expect(wallTablesOf(district).encodings).toBe(encodings)   // nothing replaced: nothing re-encoded

    // Registered again as it was: re-encoded, same content, same hash.
    district.inspectors.register({ ...district.inspectors.info(1)! })
    expect(hashes(district)).toEqual(before)
    expect(wallTablesOf(district).encodings).toBe(encodings + 1)

    district.inspectors.register({ ...district.inspectors.info(1)!, name: '改名' })
    expect(hashes(district)).toEqual({ ...before, inspectorInfos: expect.not.stringMatching(before.inspectorInfos) })

    const afterRename = hashes(district)
    district.profiles = { ...district.profiles }
    expect(hashes(district)).toEqual(afterRename)
    district.profiles = { g: { residents: 1, households: 1, partyMembers: 0, partyBranches: 0, gridWorkers: 1, volunteers: 0, elders: 0, servicePoints: 0 } }
    const withProfiles = hashes(district)
    expect(withProfiles.profiles).not.toBe(afterRename.profiles)
    expect({ ...withProfiles, profiles: afterRename.profiles }).toEqual(afterRename)
  })

  it('names each table by a URL with its hash', () => {
    for (const t of wallTablesOf(cityDistrict(2, 1)).current()) {
      expect(t.ref.url).toBe(`/api/wall-tables/${t.ref.name}.${t.ref.hash}.json`)
      expect(JSON.parse(gunzipSync(t.gzip).toString())).toEqual(JSON.parse(t.json))
    }
  })
})
