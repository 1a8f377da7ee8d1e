// Three nodes on one real PostgreSQL 15 + PostGIS and one real Redis, each a child process
// (tests/helpers/cluster-nodes.ts). Walls (socket.io-client) on the two standbys get the leader's
// snapshot and live deltas through Redis; phones and operators send through the third node, which
// forwards to the leader. Then the leader is killed with -9: a standby takes over from PostgreSQL,
// every wall is live again within 10 s, every acknowledged fix and case action is there, and case
// ids go on without a duplicate.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import { healthOf, leaderAmong, sendThrough, standbysSeeLeader, startNode } from '../../helpers/cluster-nodes'
import { killHard, type ServerProcess } from '../../helpers/server-process'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'
import { startRedis, type Redis } from '../../helpers/start-redis'
import { openJsonWall, type Wall } from '../../helpers/socket-wall'
import { waitFor } from '../../helpers/wait-for'

const KEY = 'cluster-key'
const dirs: string[] = []
let postgres: Postgres
let redis: Redis
const nodes: ServerProcess[] = []
const walls: Wall[] = []
const openWall = (node: ServerProcess) => { const wall = openJsonWall(node.url); walls.push(wall); return wall }

const env = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-node-'))
  dirs.push(dir)
  return {
    DATA_DIR: dir, DATABASE_URL: postgres.url, REDIS_URL: redis.url, SIMULATOR: 'off', INTEGRATION_KEYS: KEY,
    OPERATOR_TOKENS: 'sup-token:supervision:监督中心张三,dis-token:dispatch:指挥中心李四,dep-token:department:区环卫中心',
  }
}

describe('three nodes, and the leader killed', () => {
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)

  afterAll(async () => {
    for (const wall of walls) wall.socket.close()
    await Promise.all(nodes.map((node) => killHard(node)))
    await Promise.all([postgres?.stop(), redis?.stop()])
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every wall live and every acknowledged write', { timeout: 240_000 }, async () => {
    const a = await startNode(env())
    nodes.push(a)
    expect(await leaderAmong([a])).toBe(a)
    const [b, c] = await Promise.all([startNode(env()), startNode(env())])
    nodes.push(b, c)
    await standbysSeeLeader([b, c])
    expect(await healthOf(b)).toMatchObject({ role: 'standby', leader: { address: a.url }, store: { kind: 'postgres', reachable: true }, redis: { reachable: true } })

    // Walls on the standbys get the leader's picture (through Redis); its HTTP comes through them too.
    const onB = openWall(b)
    const onC = openWall(c)
    await waitFor(() => onB.snapshots.length > 0 && onC.snapshots.length > 0, 15_000, 'a snapshot on both standbys\' walls')
    const picture = await (await fetch(`${b.url}/api/snapshot`)).json() as WallSnapshot
    expect(onB.snapshots[0].snapshot.inspectorInfos).toEqual(picture.inspectorInfos)
    expect(onC.snapshots[0].snapshot.areas.length).toBe(picture.areas.length)
    const [first, second] = picture.inspectorInfos
    const grid = picture.areas.find((g) => g.level === 'grid')!
    const [x, y] = grid.center

    // Phones and operators through the third node (and whichever answers, after the kill).
    const through = () => nodes.filter((n) => n !== a || n.child.exitCode == null)
    const phone = async (deviceId: string, at: number, dx = 0) => {
      const { response } = await sendThrough(() => [c, ...through().filter((n) => n !== c)], `/api/ingest/osmand?id=${deviceId}&lat=${y}&lon=${x + dx}&timestamp=${Math.floor(at / 1000)}`)
      expect(response.status).toBe(200)
      return Math.floor(at / 1000) * 1000
    }
    const t0 = Date.now() - 120_000
    const acked = await phone(first.deviceId, t0)
    await waitFor(() => onB.fixes.get(first.id) === acked && onC.fixes.get(first.id) === acked, 5000, 'the fix on both walls')

    const report = await sendThrough(() => [c], `/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${y}&long=${x}&description=${encodeURIComponent('路边堆放垃圾')}`,
    })
    expect(report.response.status).toBe(200)
    const [{ service_request_id: caseId }] = await report.response.json() as { service_request_id: string }[]
    const act = async (token: string, action: string, extra: object = {}) => {
      const { response } = await sendThrough(through, `/api/cases/${caseId}/actions`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, ...extra }),
      })
      expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200)
    }
    await act('sup-token', 'accept')
    await waitFor(() => onB.cases.get(caseId) === 'accepted', 5000, 'the accepted case on the wall on B')

    // A phone that keeps reporting through the failover, as a real one does.
    const sent: number[] = []
    let reporting = true
    const reporter = (async () => {
      for (let i = 1; reporting; i++) {
        sent.push(await phone(second.deviceId, t0 + i * 1000, i * 0.00001))
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    })()
    await waitFor(() => sent.length >= 3, 10_000, 'the reporting phone')

    const killedAt = Date.now()
    await killHard(a)
    const leader = await leaderAmong([b, c], 20_000)
    const tookOverMs = Date.now() - killedAt
    // Every wall gets the new leader's snapshot, then live fixes again.
    await waitFor(() => [onB, onC].every((w) => w.snapshots.some((s) => s.at > killedAt)), 10_000, 'a new snapshot on every wall')
    const afterKill = sent.length
    await waitFor(() => sent.length > afterKill + 2, 10_000, 'fixes acknowledged after the takeover')
    const lastAcked = sent[sent.length - 1]
    await waitFor(() => [onB, onC].every((w) => (w.fixes.get(second.id) ?? 0) >= lastAcked), 10_000, 'the newest fix on every wall')
    const liveAgainMs = Math.max(...[onB, onC].map((w) => w.fixArrivedAt.get(second.id)! - killedAt))
    console.log(`failover: the new leader took over ${tookOverMs} ms after kill -9; every wall had a live fix ${liveAgainMs} ms after it`)
    expect(liveAgainMs).toBeLessThan(10_000)
    reporting = false
    await reporter

    // The rest of the loop after the takeover; a new report gets a new id.
    await act('sup-token', 'file')
    await act('dis-token', 'dispatch', { department: '区环卫中心' })
    const again = await sendThrough(through, `/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${y}&long=${x}&description=${encodeURIComponent('井盖缺失')}`,
    })
    const [{ service_request_id: secondCase }] = await again.response.json() as { service_request_id: string }[]
    expect(secondCase).not.toBe(caseId)

    const final = await (await fetch(`${leader.url}/api/snapshot`)).json() as WallSnapshot
    const ids = final.cases.map((k) => k.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(final.cases.find((k) => k.id === caseId)).toMatchObject({ step: 'dispatched' })
    expect(final.inspectors.find((m) => m.id === first.id)?.fixAt).toBe(acked)
    expect(final.inspectors.find((m) => m.id === second.id)?.fixAt).toBe(sent[sent.length - 1])
    const history = await (await fetch(`${leader.url}/api/cases/${caseId}`)).json() as { history: { action: string }[] }
    expect(history.history.map((h) => h.action)).toEqual(['report', 'accept', 'file', 'dispatch'])
    await waitFor(() => onB.cases.get(caseId) === 'dispatched' && onC.cases.get(secondCase) != null, 5000, 'the case changes on the walls after the takeover')
  })
})
