// Broadcasts across nodes through a real Redis (Debian's redis-server, tests/helpers/start-redis.ts):
// two Socket.IO servers on the Redis Streams adapter, a wall on one receiving what the other emits to
// its room; Redis stopped: the link says so and nothing crashes or spins; Redis back on the same port:
// the link recovers by itself, what was emitted meanwhile arrives, and broadcasts flow again.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRedis, type RedisLink } from '../../../server/broadcast/redis-link'
import { startRedis, type Redis } from '../../helpers/start-redis'

interface Node { io: Server; http: http.Server; link: RedisLink; url: string }

let redis: Redis
const nodes: Node[] = []
let wall: Socket

async function startNode(url: string): Promise<Node> {
  const link = await connectRedis(url, { streamName: 'test-wall', maxReconnectDelayMs: 200 })
  const server = http.createServer()
  const io = new Server(server, { adapter: link.adapter })
  io.on('connection', (socket) => { void socket.join('area:D') })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { io, http: server, link, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** The next `event` the wall receives, or a timeout error after `ms`. */
const next = (event: string, ms = 5000) => new Promise<unknown>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms)
  wall.once(event, (payload: unknown) => { clearTimeout(timer); resolve(payload) })
})

/** Emits from node A until the wall on node B hears it (the adapter's reader may still be catching up). */
async function heardAcross(payload: number, withinMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    const heard = next('tick', 300).then((p) => p === payload, () => false)
    nodes[0].io.to('area:D').emit('tick', payload)
    if (await heard) return true
  }
  return false
}

beforeAll(async () => {
  redis = await startRedis()
  nodes.push(await startNode(redis.url), await startNode(redis.url))
  wall = connect(nodes[1].url, { transports: ['websocket'] })
  await new Promise<void>((resolve) => wall.once('connect', () => resolve()))
}, 60_000)

afterAll(async () => {
  wall?.close()
  for (const n of nodes) {
    n.io.close()
    await n.link.close()
  }
  await redis?.stop()
})

describe('broadcasts through Redis', () => {
  it('carries an emit of one node to a wall in the room on another', async () => {
    expect(await heardAcross(1)).toBe(true)
    expect(nodes.every((n) => n.link.reachable())).toBe(true)
    expect(await nodes[0].link.latencyMs()).toBeLessThan(500)
  })

  it('says so when Redis is gone, without crashing, and recovers by itself when it is back', async () => {
    const port = redis.port
    await redis.stop()
    await expect.poll(() => nodes.map((n) => n.link.reachable()), { timeout: 5000 }).toEqual([false, false])
    expect(await nodes[0].link.latencyMs(300)).toBeNull()
    // Emitted while Redis is away: queued by the client, and out once Redis is back (no error meanwhile).
    const late = next('tick', 15_000)
    nodes[0].io.to('area:D').emit('tick', 2)
    redis = await startRedis({ port })
    await expect.poll(() => nodes.map((n) => n.link.reachable()), { timeout: 10_000 }).toEqual([true, true])
    expect(await late).toBe(2)
    expect(await heardAcross(3)).toBe(true)
  })
})
