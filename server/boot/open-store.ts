// Which store the server runs on: DATA_DIR/wall.db (SQLite, the embedded default) or, with
// DATABASE_URL, PostgreSQL. On PostgreSQL the node first takes the leader lease (an advisory lock):
// the district in memory has one writer, and a second node started beside it waits here, as standby,
// until the leader's session ends. A leader that loses its lease, or whose commit fails, resigns by
// exiting (crash-only): memory may now hold what PostgreSQL does not, and the standby that takes the
// lease loads the district from PostgreSQL, where everything acknowledged is.
import path from 'node:path'
import pg from 'pg'
import type { ServerConfig } from '../config'
import type { NodeRole } from '../http/node-role'
import { createLeaderLease, type LeaderLease } from '../store/pg/pg-leader-lease'
import { openPgWallStore } from '../store/pg/pg-wall-store'
import { openSqliteStore } from '../store/sqlite-store'
import type { WallStore } from '../store/wall-store'

/** The exit status of a node that resigned (a supervisor restarts it as a standby). */
export const EXIT_RESIGNED = 75

export interface OpenedStore {
  store: WallStore
  kind: 'sqlite' | 'postgres'
  role: () => NodeRole
  /** Resolves with the round-trip time in ms, rejects when the store does not answer. */
  ping: () => Promise<number>
  /** Closes the store (what is queued committed first) and gives the lease up: a clean stop. */
  close: () => Promise<void>
}

export type Resign = (reason: string) => void

export const exitOnResign: Resign = (reason) => {
  console.error(`leader: resigning (${reason}); exiting so a standby takes over from PostgreSQL`)
  process.exit(EXIT_RESIGNED)
}

/** A start against a PostgreSQL that does not answer fails at once, saying where it looked and why. */
async function checkReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (error) {
    const where = new URL(databaseUrl)
    throw new Error(`DATABASE_URL: PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname} does not answer (${error instanceof Error ? error.message : String(error)})`)
  } finally {
    await client.end().catch(() => {})
  }
}

/** `leaderAddress`: this node's HTTP address, published with the lease for the other nodes (NODE_URL). */
export async function openStore(config: ServerConfig, resign: Resign = exitOnResign, leaderAddress?: string): Promise<OpenedStore> {
  if (!config.databaseUrl) {
    const store = openSqliteStore(path.join(config.dataDir, 'wall.db'))
    return {
      store, kind: 'sqlite', role: () => 'single',
      ping: async () => { const started = performance.now(); store.getMeta('health:probe'); return performance.now() - started },
      close: async () => store.close(),
    }
  }
  await checkReachable(config.databaseUrl)
  let lastLogged = 0
  const lease: LeaderLease = createLeaderLease(config.databaseUrl, {
    address: leaderAddress,
    onTryFailed: (error) => {
      if (Date.now() - lastLogged < 30_000) return
      lastLogged = Date.now()
      console.error(`store: PostgreSQL does not answer (${error.message}); trying for the leader lease every 250 ms`)
    },
  })
  console.log('store: PostgreSQL; waiting for the leader lease (standby until the leader\'s session ends)')
  await lease.acquire()
  lease.onLost((reason) => resign(`lost the leader lease: ${reason}`))
  try {
    const opening = performance.now()
    const store = await openPgWallStore(config.databaseUrl, {
      fence: (sql) => lease.fence(sql),
      onFailed: (error) => resign(`a commit to PostgreSQL failed: ${error.message}`),
    })
    console.log(`store: PostgreSQL; this node leads (store opened in ${Math.round(performance.now() - opening)} ms)`)
    return { store, kind: 'postgres', role: () => (lease.held ? 'leader' : 'standby'), ping: () => store.ping(),
      close: async () => { await store.end(); await lease.release() },
    }
  } catch (error) {
    await lease.release()
    throw error
  }
}
