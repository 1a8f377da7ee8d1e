// Who leads: the node holding a PostgreSQL session-level advisory lock. It is held on a connection of
// its own (not the pool's), so it lasts exactly as long as that session: a leader that dies, is
// killed with -9 or loses its connection loses the lock at once in PostgreSQL's eyes, and a standby
// trying every `retryMs` takes it. PostgreSQL grants it to one session only, so there is never a
// second leader in the database's view; the old leader may not yet know it lost (a dead connection
// is only noticed by the next heartbeat), so every write transaction calls fence() first, which
// fails unless this lease's own session still holds the lock.
import pg from 'pg'
import type { Sql } from './pg-pool'

export const LEADER_LOCK_KEY = 0x7761_6c6c_6c65_6164n // "wallllead"

export interface LeaderLeaseOptions {
  key?: bigint
  /** How often a standby tries for the lock (a cheap query; 4 a second keeps a failover's wait for the lock short). */
  retryMs?: number
  /** How often the leader checks its lock session is alive. */
  heartbeatMs?: number
  /** A try that failed for another reason than the lock being held (PostgreSQL unreachable). */
  onTryFailed?: (error: Error) => void
  /**
   * The leader's HTTP address (NODE_URL), published as the lock session's application_name: the
   * other nodes find it beside the lock (findLeaderAddress), and it vanishes with the session.
   */
  address?: string
}

/** The lock session's application_name is this, then the address. */
const ADDRESS_PREFIX = 'grid-wall leader '

export interface LeaderLease {
  /** Resolves once this node holds the lock (a standby waits here). */
  acquire(): Promise<void>
  /** Whether this node believes it leads (false from the moment a loss is noticed). */
  readonly held: boolean
  /** Called once when the lock is lost (its session ended or failed a heartbeat). */
  onLost(listener: (reason: string) => void): void
  /** Inside a write transaction: throws unless this lease's session still holds the lock. */
  fence(sql: Sql): Promise<void>
  /** Gives the lock up (a clean stop) and ends the session. */
  release(): Promise<void>
}

/** An advisory lock key as pg_locks shows it: classid the high 32 bits, objid the low 32 bits. */
function lockParts(key: bigint): [number, number] {
  return [Number((key >> 32n) & 0xffff_ffffn), Number(key & 0xffff_ffffn)]
}

export function createLeaderLease(connectionString: string, { key = LEADER_LOCK_KEY, retryMs = 250, heartbeatMs = 2000, onTryFailed, address }: LeaderLeaseOptions = {}): LeaderLease {
  let client: pg.Client | null = null
  let backendPid: number | null = null
  let held = false
  let stopped = false
  let heartbeat: ReturnType<typeof setInterval> | undefined
  const lostListeners: ((reason: string) => void)[] = []

  function lose(reason: string): void {
    if (!held) return
    held = false
    clearInterval(heartbeat)
    const gone = client
    client = null
    backendPid = null
    void gone?.end().catch(() => {})
    for (const listener of lostListeners) listener(reason)
  }

  async function tryOnce(): Promise<boolean> {
    const session = new pg.Client({ connectionString, application_name: address ? ADDRESS_PREFIX + address : 'grid-wall leader' })
    // An error on an idle session (PostgreSQL restarted, the backend terminated) must not end the process.
    session.on('error', (error) => { if (session === client) lose(`the lock's session failed: ${error.message}`) })
    session.on('end', () => { if (session === client) lose('the lock\'s session ended') })
    try {
      await session.connect()
      const { rows } = await session.query<{ got: boolean; pid: number }>('SELECT pg_try_advisory_lock($1::bigint) AS got, pg_backend_pid() AS pid', [key.toString()])
      if (!rows[0].got) {
        await session.end()
        return false
      }
      client = session
      backendPid = rows[0].pid
      held = true
      heartbeat = setInterval(() => {
        session.query('SELECT 1').catch((error: Error) => { if (session === client) lose(`heartbeat failed: ${error.message}`) })
      }, heartbeatMs)
      return true
    } catch (error) {
      await session.end().catch(() => {})
      onTryFailed?.(error instanceof Error ? error : new Error(String(error)))
      return false
    }
  }

  const [classid, objid] = lockParts(key)

  return {
    async acquire() {
      while (!stopped && !held && !(await tryOnce())) await new Promise((resolve) => setTimeout(resolve, retryMs))
      if (stopped) throw new Error('the leader lease was released before it was acquired')
    },
    get held() {
      return held
    },
    onLost(listener) {
      lostListeners.push(listener)
    },
    async fence(sql) {
      if (!held || backendPid == null) throw new Error('not the leader: this node does not hold the leader lock')
      const { rows } = await sql.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND pid = $1 AND classid = $2 AND objid = $3 AND objsubid = 1) AS ok`, [backendPid, classid, objid])
      if (!rows[0].ok) {
        lose('the lock is no longer held by this node\'s session')
        throw new Error('not the leader: the leader lock is held by another session')
      }
    },
    async release() {
      stopped = true
      clearInterval(heartbeat)
      const session = client
      client = null
      held = false
      backendPid = null
      if (session) await session.end().catch(() => {})
    },
  }
}

/**
 * The address the current leader published with its lock, or null when no session holds the lock
 * (the leader died and no standby has taken over yet) or the leader published none.
 */
export async function findLeaderAddress(sql: Sql, key: bigint = LEADER_LOCK_KEY): Promise<string | null> {
  const [classid, objid] = lockParts(key)
  const { rows } = await sql.query<{ name: string }>(`SELECT a.application_name AS name FROM pg_locks l
    JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 1`, [classid, objid])
  const name = rows[0]?.name ?? ''
  return name.startsWith(ADDRESS_PREFIX) ? name.slice(ADDRESS_PREFIX.length) : null
}
