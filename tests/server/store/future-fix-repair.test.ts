// A store written before future fixes were refused may hold fixes from a phone's wrong clock (2036):
// the inspector's latest fix, restored at start, would freeze the marker and make every true fix
// look late. The server drops them when it opens the store (issue #15).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const FUTURE = 2_100_000_000_000

describe('a store holding fixes from the future', () => {
  const servers: TestServer[] = []
  let dataDir = ''
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  const start = async () => {
    const server = await startTestServer({ simulator: false, dataDir })
    servers.push(server)
    return server
  }

  it('is repaired at start: markers come back at their last true fix and new fixes land', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-future-'))
    let server = await start()
    const [walker, neverTrue] = server.wall.district.inspectors.allInfos()
    const trueAt = Math.floor(Date.now() / 1000) - 120
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${walker.deviceId}&lat=26.0712&lon=119.3512&timestamp=${trueAt}`)).status).toBe(200)
    await servers.pop()!.stop()

    // What a server before the fix wrote for `timestamp=2100000000`: history and latest in 2036.
    const store = openSqliteStore(path.join(dataDir, 'wall.db'))
    store.appendFixes([{ inspectorId: walker.id, lng: 119.36, lat: 26.08, heading: null, at: FUTURE }])
    store.appendFixes([{ inspectorId: neverTrue.id, lng: 119.36, lat: 26.08, heading: null, at: FUTURE + 5_000 }])
    expect((await store.loadLatestFixes()).map((f) => f.at)).toEqual([FUTURE, FUTURE + 5_000])
    store.close()

    server = await start()
    const inspectors = server.wall.district.inspectors
    expect(inspectors.liveOf(walker.id)).toMatchObject({ lat: 26.0712, fixAt: trueAt * 1000, status: 'stale' })
    expect(inspectors.liveOf(neverTrue.id)).toBeUndefined()
    expect((await server.wall.store.loadLatestFixes())).toMatchObject([{ inspectorId: walker.id, at: trueAt * 1000 }])
    expect((await server.wall.store.track(walker.id, 0, FUTURE + 1)).map((f) => f.at)).toEqual([trueAt * 1000])

    const nowS = Math.floor(Date.now() / 1000)
    expect((await fetch(`${server.url}/api/ingest/osmand?id=${walker.deviceId}&lat=26.0722&lon=119.3522&timestamp=${nowS}`)).status).toBe(200)
    expect(inspectors.liveOf(walker.id)).toMatchObject({ lat: 26.0722, fixAt: nowS * 1000, status: 'online' })
    expect((await server.wall.store.loadLatestFixes())).toMatchObject([{ inspectorId: walker.id, at: nowS * 1000 }])
  })
})
