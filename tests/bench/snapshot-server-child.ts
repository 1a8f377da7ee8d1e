// Child process: a real wall server for the reconnect storm (snapshot-cost.ts): the city-scale
// district built in-process (snapshot-city.ts), the real broadcaster and snapshot routes behind a
// real Socket.IO server, and the inspectors moving at the city's rate (20,000 reporting every ~7 s:
// ~2,800 fixes/s, applied every 100 ms) so every tick is a new version, as in a live city.
// IPC: {type:'cpu'} → {type:'cpu', seconds, encodings}; the first message is {type:'ready', url}.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { Server } from 'socket.io'
import { createBroadcaster, type WallServer } from '../../server/broadcast/broadcaster'
import { FeedLog } from '../../server/broadcast/feed-log'
import { snapshotRouter } from '../../server/http/snapshot'
import { citySnapshotDistrict } from './snapshot-city'

const FIXES_PER_S = 2_800
const MOVE_EVERY_MS = 100

const district = citySnapshotDistrict()
const feed = new FeedLog()
const app = express()
const httpServer = createServer(app)
const io: WallServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 1e6 })
const broadcaster = createBroadcaster(io, district, feed, { tickMs: 1000 })
app.use(snapshotRouter(district, () => broadcaster.snapshot(), { wallToken: null, integrationKeys: [], operators: [] }))

// The clock is the manual one of the built district: move it with the wall clock, and the inspectors with it.
const started = Date.now()
const t0 = district.clock.now()
let next = 1
const ids = district.inspectors.allInfos().map((i) => i.id)
setInterval(() => {
  const now = t0 + (Date.now() - started)
  ;(district.clock as unknown as { set(t: number): void }).set(now)
  for (let k = 0; k < (FIXES_PER_S * MOVE_EVERY_MS) / 1000; k++) {
    const id = ids[next++ % ids.length]
    const m = district.inspectors.markerOf(id)!
    district.inspectors.applyFix(id, { lng: m.lng + 1e-5, lat: m.lat, heading: 90, at: now }, now)
  }
}, MOVE_EVERY_MS)

process.on('message', (message: { type: string }) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.send!({ type: 'cpu', seconds: (user + system) / 1e6, encodings: broadcaster.snapshotCache.encodings })
  }
  if (message.type === 'stop') process.exit(0)
})

httpServer.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` })
})
