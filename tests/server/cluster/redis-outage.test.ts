// Redis goes away under two nodes (issue #12): the leader's own walls stay live (its broadcasts go to
// them alone meanwhile), the standby's walls get nothing new, writes through the standby still reach
// the leader, /api/health says Redis is unreachable, and each node tells its own walls so
// ('node:condition': the wall's header reads 集群通道中断). Redis back on its port: the standby's walls
// get the whole picture again, and broadcasts reach them as before. Real PostgreSQL 15 + PostGIS and
// a real redis-server; the nodes are child processes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../../server/contract/domain'
import { healthOf, leaderAmong, standbysSeeLeader, startNode } from '../../helpers/cluster-nodes'
import { killHard, type ServerProcess } from '../../helpers/server-process'
import { openJsonWall, type Wall } from '../../helpers/socket-wall'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'
import { startRedis, type Redis } from '../../helpers/start-redis'
import { waitFor } from '../../helpers/wait-for'

const dirs: string[] = []
const nodes: ServerProcess[] = []
const walls: Wall[] = []
let postgres: Postgres
let redis: Redis

describe('Redis lost and back under two nodes', () => {
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)

  afterAll(async () => {
    for (const wall of walls) wall.socket.close()
    await Promise.all(nodes.map((node) => killHard(node)))
    await Promise.all([postgres?.stop(), redis?.stop()])
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the leader\'s walls live, and brings the standby\'s back', { timeout: 120_000 }, async () => {
    const env = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-node-'))
      dirs.push(dir)
      return { DATA_DIR: dir, DATABASE_URL: postgres.url, REDIS_URL: redis.url, SIMULATOR: 'off' }
    }
    const leader = await startNode(env())
    nodes.push(leader)
    await leaderAmong([leader])
    const standby = await startNode(env())
    nodes.push(standby)
    await standbysSeeLeader([standby])
    const onLeader = openJsonWall(leader.url)
    const onStandby = openJsonWall(standby.url)
    walls.push(onLeader, onStandby)
    await waitFor(() => onLeader.snapshots.length > 0 && onStandby.snapshots.length > 0, 15_000, 'both walls\' snapshots')

    const picture = await (await fetch(`${standby.url}/api/snapshot`)).json() as WallSnapshot
    const inspector = picture.inspectorInfos[0]
    const [x, y] = picture.areas.find((g) => g.level === 'grid')!.center
    let second = Math.floor(Date.now() / 1000) - 120
    const report = async () => {
      second++
      const response = await fetch(`${standby.url}/api/ingest/osmand?id=${inspector.deviceId}&lat=${y}&lon=${x}&timestamp=${second}`)
      expect(response.status).toBe(200)
      return second * 1000
    }
    const before = await report()
    await waitFor(() => onLeader.fixes.get(inspector.id) === before && onStandby.fixes.get(inspector.id) === before, 5000, 'the fix on both walls')

    await redis.stop()
    for (;;) {
      const health = await healthOf(leader)
      if (health?.redis?.reachable === false) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const snapshotsBefore = onStandby.snapshots.length
    const during = await report()
    await waitFor(() => onLeader.fixes.get(inspector.id) === during, 5000, 'the fix on the leader\'s wall while Redis is away')
    expect(onStandby.fixes.get(inspector.id)).toBe(before)
    expect(await healthOf(standby)).toMatchObject({ status: 'degraded', redis: { reachable: false } })
    // Each node says so to its own walls, without Redis; the standby has lost the leader's beat too.
    await waitFor(() => onLeader.conditions.at(-1)?.redis === false && onStandby.conditions.at(-1)?.redis === false, 8000, 'both walls told Redis is down')
    expect(onLeader.conditions.at(-1)).toEqual({ store: true, redis: false, leader: true })
    expect(onStandby.conditions.at(-1)?.store).toBe(true)

    redis = await startRedis({ port: redis.port })
    await waitFor(() => onStandby.snapshots.length > snapshotsBefore && onStandby.fixes.get(inspector.id) === during, 15_000, 'the whole picture again on the standby\'s wall')
    const after = await report()
    await waitFor(() => onLeader.fixes.get(inspector.id) === after && onStandby.fixes.get(inspector.id) === after, 5000, 'fixes on both walls again')
    expect(await healthOf(standby)).toMatchObject({ status: 'ok', redis: { reachable: true } })
    await waitFor(() => [onLeader, onStandby].every((w) => JSON.stringify(w.conditions.at(-1)) === JSON.stringify({ store: true, redis: true, leader: true })), 8000, 'both walls told every link is up again')
  })
})
