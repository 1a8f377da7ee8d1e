// Where the leader is, for a node that does not lead: the address the leader published with its
// lease (pg-leader-lease.ts), read from PostgreSQL at most once a second. A request that found the
// leader unreachable forgets the answer, so the next one asks again (a standby may have taken over).
import type pg from 'pg'
import { findLeaderAddress } from '../store/pg/pg-leader-lease'
import { openPgPool } from '../store/pg/pg-pool'

export interface LeaderLookup {
  /** The leader's address, or null while no node leads. Rejects when PostgreSQL does not answer. */
  current(): Promise<string | null>
  forget(): void
  /** A round trip to PostgreSQL in ms (the standby's /api/health and /metrics). */
  ping(): Promise<number>
  end(): Promise<void>
}

export function createLeaderLookup(databaseUrl: string, { maxAgeMs = 1000 } = {}): LeaderLookup {
  const pool: pg.Pool = openPgPool(databaseUrl, { max: 2, connectionTimeoutMillis: 3000 })
  let cached: { address: string; at: number } | null = null
  let asking: Promise<string | null> | null = null

  return {
    current() {
      if (cached && Date.now() - cached.at < maxAgeMs) return Promise.resolve(cached.address)
      // Only a leader found is kept: "none leads" is the seconds of a failover, and a request just
      // after the new leader took over (a wall fetching the table its new snapshot names) must find it.
      asking ??= findLeaderAddress(pool).then((address) => {
        cached = address ? { address, at: Date.now() } : null
        return address
      }).finally(() => { asking = null })
      return asking
    },
    forget() { cached = null },
    async ping() {
      const started = performance.now()
      await pool.query('SELECT 1')
      return performance.now() - started
    },
    end: () => pool.end(),
  }
}
