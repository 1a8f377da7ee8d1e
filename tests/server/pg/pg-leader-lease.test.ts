// Leader election through a PostgreSQL advisory lock, against a real PostgreSQL 15: one holder at a
// time; a standby takes over when the leader lets go or its session is killed (as kill -9 of the
// leader's process ends it); the old leader learns it lost and its fenced writes are refused.
import type pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createLeaderLease, type LeaderLease } from '../../../server/store/pg/pg-leader-lease'
import { openPgPool } from '../../../server/store/pg/pg-pool'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'

let server: Postgres
let pool: pg.Pool
const leases: LeaderLease[] = []
const lease = (key: bigint) => {
  const l = createLeaderLease(server.url, { key, retryMs: 100, heartbeatMs: 200 })
  leases.push(l)
  return l
}

beforeAll(async () => {
  server = await startPostgres()
  pool = openPgPool(server.url, { max: 4 })
}, 60_000)

afterEach(async () => {
  await Promise.all(leases.splice(0).map((l) => l.release()))
})

afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])

describe('the leader lease', () => {
  it('lets one node lead; the standby takes over when the leader releases', async () => {
    const a = lease(11n), b = lease(11n)
    await a.acquire()
    const standby = b.acquire()
    expect(await settlesWithin(standby, 600)).toBe(false)
    expect([a.held, b.held]).toEqual([true, false])
    await a.release()
    expect(await settlesWithin(standby, 2000)).toBe(true)
    expect(b.held).toBe(true)
  })

  it('hands over within a second when the leader\'s session is killed, and the old leader learns it', async () => {
    const a = lease(12n), b = lease(12n)
    await a.acquire()
    const lost = new Promise<string>((resolve) => a.onLost(resolve))
    const standby = b.acquire()
    // Ends the leader's lock session as PostgreSQL does when its process dies.
    const killed = await pool.query(`SELECT pg_terminate_backend(pid) AS done FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 12`)
    expect(killed.rows).toEqual([{ done: true }])
    const started = performance.now()
    expect(await settlesWithin(standby, 3000)).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(await settlesWithin(lost, 2000)).toBe(true)
    expect(await lost).toMatch(/session|heartbeat/)
    expect([a.held, b.held]).toEqual([false, true])
  })

  it('fences writes: the leader\'s pass, a former leader\'s are refused inside the transaction', async () => {
    const a = lease(13n), b = lease(13n)
    await a.acquire()
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await a.fence(client)
      await client.query('ROLLBACK')
      await expect(b.fence(client)).rejects.toThrow(/not the leader/)
      await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 13`)
      await b.acquire()
      await expect(a.fence(client)).rejects.toThrow(/not the leader/)
      await b.fence(client)
    } finally {
      client.release()
    }
  })

  it('keeps different keys apart', async () => {
    const a = lease(14n), b = lease(15n)
    await Promise.all([a.acquire(), b.acquire()])
    expect([a.held, b.held]).toEqual([true, true])
  })
})
