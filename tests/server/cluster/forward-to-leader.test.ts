// A standby's district routes go to the leader, and never to itself: between taking the lease and
// filling its routes a node is named leader while it still forwards (a request sent to itself would
// only come back). Real HTTP servers on ports; the lookup is a stand-in the test points.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forwardToLeader } from '../../../server/cluster/forward-to-leader'
import type { LeaderLookup } from '../../../server/cluster/leader-lookup'

let leaderIs: string | null = null
const lookup: LeaderLookup = { current: async () => leaderIs, forget: () => {}, ping: async () => 0, end: async () => {} }
const closers: (() => void)[] = []
let leaderUrl = ''
let nodeUrl = ''
let hitsOnNode = 0

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  closers.push(() => server.close())
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  const leader = express()
  leader.post('/api/ingest/positions', (req, res) => { res.json({ answeredBy: 'leader', forwardedFor: req.headers['x-forwarded-for'] ?? null }) })
  leaderUrl = await listen(leader)
  // The node's own address is known once it listens; the forwarder is made then.
  let forward: ReturnType<typeof forwardToLeader> | null = null
  const node = express()
  node.use((_req, _res, next) => { hitsOnNode++; next() })
  node.use((req, res, next) => void forward!(req, res, next))
  node.get('/basemap/style.json', (_req, res) => { res.json({ servedBy: 'this node' }) })
  nodeUrl = await listen(node)
  forward = forwardToLeader(lookup, { self: nodeUrl })
})
afterAll(() => { for (const close of closers) close() })

describe('forwardToLeader', () => {
  it('sends the district\'s requests to the leader, with the client\'s address', async () => {
    leaderIs = leaderUrl
    const r = await fetch(`${nodeUrl}/api/ingest/positions`, { method: 'POST' })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ answeredBy: 'leader', forwardedFor: '127.0.0.1' })
  })

  it('answers 503 with Retry-After while no node leads', async () => {
    leaderIs = null
    const r = await fetch(`${nodeUrl}/api/ingest/positions`, { method: 'POST' })
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBe('2')
    expect(((await r.json()) as { error: string }).error).toBe('no_leader')
  })

  it('answers 503 at once, not to itself, when the leader named is this node (taking over)', async () => {
    leaderIs = nodeUrl
    hitsOnNode = 0
    const r = await fetch(`${nodeUrl}/api/ingest/positions`, { method: 'POST' })
    expect(r.status).toBe(503)
    expect(((await r.json()) as { message: string }).message).toContain('this node is taking over')
    expect(hitsOnNode).toBe(1)
  })

  it('leaves what every node answers itself (the wall\'s files, the basemap) to this node', async () => {
    leaderIs = null
    const r = await fetch(`${nodeUrl}/basemap/style.json`)
    expect(await r.json()).toEqual({ servedBy: 'this node' })
  })
})
