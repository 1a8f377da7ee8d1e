// A reconnect storm on a standby costs the leader a few snapshots, not one per wall: 200 walls
// join a standby within a second; the standby asks one room at a time (relayed-answers.ts), the
// leader answers each room with one broadcast through a real Redis, and every wall gets a snapshot.
// Two Socket.IO servers in this process on the Redis Streams adapter; the "leader" answers as
// answerOtherNodes does (a snapshot to the room, then 'snapshot:sent').
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRedis, type RedisLink } from '../../../server/broadcast/redis-link'
import { createWallSessions } from '../../../server/broadcast/wall-sessions'
import { routeBroadcasts, type WallServer } from '../../../server/broadcast/wall-target'
import { createFocusedAreas } from '../../../server/cluster/focused-areas'
import { createRelayedAnswers, type RelayedAnswers } from '../../../server/cluster/relayed-answers'
import { startRedis, type Redis } from '../../helpers/start-redis'
import { waitFor } from '../../helpers/wait-for'

const WALLS = 200
let redis: Redis
const links: RedisLink[] = []
const servers: { io: WallServer; http: http.Server; url: string }[] = []
let relay: RelayedAnswers
const clients: Socket[] = []

async function node(): Promise<{ io: WallServer; url: string }> {
  const link = await connectRedis(redis.url, { streamName: 'relay-test' })
  links.push(link)
  const server = http.createServer()
  const io: WallServer = new Server(server, { adapter: link.adapter })
  routeBroadcasts(io, () => link.reachable())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const entry = { io, http: server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
  servers.push(entry)
  return entry
}

describe('snapshots for a standby\'s walls', () => {
  beforeAll(async () => { redis = await startRedis() }, 30_000)
  afterAll(async () => {
    for (const client of clients) client.close()
    relay?.stop()
    for (const { io } of servers) await new Promise<void>((resolve) => io.close(() => resolve()))
    for (const link of links) await link.close()
    await redis?.stop()
  })

  it('answers 200 joining walls with a handful of snapshots', { timeout: 60_000 }, async () => {
    const leader = await node()
    const standby = await node()
    const requests: string[] = []
    let version = 0
    leader.io.on('snapshot:wanted', ({ room }) => {
      requests.push(room)
      // A snapshot is a few MB at city scale; here its size does not matter, its count does.
      leader.io.to(room).emit('wall:snapshot', { format: 'packed', version: ++version } as never)
      leader.io.serverSideEmit('snapshot:sent', { room })
    })
    relay = createRelayedAnswers(standby.io, { node: 'standby-1', focusedAreas: createFocusedAreas(standby.io) })
    createWallSessions(standby.io).answerWith(relay)
    // The adapter's stream reader starts on its own; wait until a broadcast crosses.
    const probe = connect(standby.url, { transports: ['websocket'], auth: { snapshotFormat: 'packed' } })
    clients.push(probe)
    await new Promise<void>((resolve) => probe.once('wall:snapshot', () => resolve()))
    requests.length = 0

    let answered = 0
    for (let i = 0; i < WALLS; i++) {
      const wall = connect(standby.url, { transports: ['websocket'], auth: { snapshotFormat: 'packed' }, forceNew: true })
      wall.once('wall:snapshot', () => { answered++ })
      clients.push(wall)
      await new Promise((resolve) => setTimeout(resolve, 1000 / WALLS))
    }
    await waitFor(() => answered === WALLS, 20_000, 'a snapshot for every wall')
    console.log(`relayed snapshots: ${WALLS} walls joining over 1 s were answered with ${requests.length} snapshots`)
    expect(requests.length).toBeLessThanOrEqual(25)
    expect(relay.waiting()).toBe(0)
  })
})
