// A node of several (DATABASE_URL and REDIS_URL): it listens at once, as a standby. Its walls get
// the leader's broadcasts through Redis and their snapshots from the leader (relayed-answers.ts);
// the district's HTTP goes to the leader (forward-to-leader.ts). Meanwhile it waits for the leader
// lease; when the leader dies and this node takes it, it loads the district from PostgreSQL, fills
// its own routes and answers every wall itself (app.ts leadDistrict), without its walls reconnecting.
import type { ServerConfig } from '../config'
import { leadDistrict, type WallApp } from '../app'
import { connectRedis } from '../broadcast/redis-link'
import { ownNodeUrl } from '../cluster/cluster-config'
import { forwardToLeader } from '../cluster/forward-to-leader'
import { createLeaderLookup } from '../cluster/leader-lookup'
import { createRelayedAnswers } from '../cluster/relayed-answers'
import { createNodeShell, type NodeShell } from './node-shell'
import { openStore } from './open-store'

/** A beat older than this: no leader lives (the failover's seconds). */
const BEAT_LOST_MS = 3000

export interface ClusterNode {
  shell: NodeShell
  port: number
  /** This node's address, as the other nodes reach it. */
  address: string
  /** Resolves when this node leads (never, while another does). */
  leading: Promise<WallApp>
  stop(): Promise<void>
}

export async function startClusterNode(config: ServerConfig): Promise<ClusterNode> {
  const databaseUrl = config.databaseUrl!
  console.log('cluster: connecting to Redis (REDIS_URL)')
  const redis = await connectRedis(config.cluster.redisUrl!)
  const shell = createNodeShell(config, redis)
  const lookup = createLeaderLookup(databaseUrl)
  const port = await shell.listen()
  const address = ownNodeUrl(config.cluster, config.host, port)
  const relay = createRelayedAnswers(shell.io, { node: `${address}#${process.pid}`, focusedAreas: shell.focusedAreas })
  shell.sessions.answerWith(relay)
  shell.serveDistrict(forwardToLeader(lookup, { self: address }))

  let beat: { address: string; at: number } | null = null
  shell.io.on('leader:beat', (message) => {
    if (typeof message?.sentAt !== 'number' || typeof message.address !== 'string') return
    beat = { address: message.address, at: Date.now() }
    shell.metrics.broadcastLagSeconds.observe(Math.max(0, Date.now() - message.sentAt) / 1000)
  })
  shell.report({
    district: () => null, role: () => 'standby',
    store: { kind: 'postgres', reachable: async () => (await lookup.ping(), true) },
    leader: () => (beat && Date.now() - beat.at < BEAT_LOST_MS ? { address: beat.address, beatAgeMs: Date.now() - beat.at } : null),
  })

  let wall: WallApp | null = null
  const leading = openStore(config, undefined, address).then(async (opened) => {
    relay.stop()
    wall = await leadDistrict(shell, config, opened, { address })
    await lookup.end()
    return wall
  })
  return {
    shell, port, address, leading,
    async stop() {
      relay.stop()
      if (wall) return wall.stop()
      await shell.close()
      await lookup.end().catch(() => {})
    },
  }
}
