// The leader's write queue against a real PostgreSQL 15: writes committed in the order appended, one
// transaction per flush shared by the callers that wait meanwhile, a failing write failing its flush
// with nothing of it stored and the queue refusing everything after (the node must resign), and a
// fence that refuses a former leader's commit.
import type pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openPgPool, type Sql } from '../../../server/store/pg/pg-pool'
import { createPgWriteQueue } from '../../../server/store/pg/pg-write-queue'
import { startPostgres, type Postgres } from '../../helpers/start-postgres'

let server: Postgres
let pool: pg.Pool

beforeAll(async () => {
  server = await startPostgres()
  pool = openPgPool(server.url, { max: 4 })
  await pool.query('CREATE TABLE log (seq INTEGER PRIMARY KEY, txid BIGINT NOT NULL DEFAULT txid_current(), note TEXT)')
}, 60_000)

beforeEach(async () => { await pool.query('TRUNCATE log') })

afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

const insert = (seq: number, note: string | null = null) => (sql: Sql) => sql.query('INSERT INTO log (seq, note) VALUES ($1, $2)', [seq, note])
const rows = async () => (await pool.query<{ seq: number; txid: string; note: string | null }>('SELECT seq, txid, note FROM log ORDER BY seq')).rows

describe('the write queue', () => {
  it('commits in the order appended: a write that needs the one before it goes in after it', async () => {
    const queue = createPgWriteQueue(pool)
    queue.append(insert(1))
    queue.append((sql) => sql.query(`UPDATE log SET note = 'seen' WHERE seq = 1`))
    queue.append(insert(2))
    expect(queue.pending).toBe(3)
    await queue.flush()
    expect((await rows()).map((r) => [r.seq, r.note])).toEqual([[1, 'seen'], [2, null]])
    expect(queue.pending).toBe(0)
  })

  it('lets callers that flush during a commit share the next one, and waits for it', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => { release = resolve })
    const queue = createPgWriteQueue(pool)
    queue.append(async (sql) => { await gate; await insert(1)(sql) })
    const first = queue.flush()
    queue.append(insert(2))
    const second = queue.flush()
    queue.append(insert(3))
    const third = queue.flush()
    // The first commit holds seq 1 only; nothing is visible until it commits.
    expect(await rows()).toEqual([])
    release()
    await Promise.all([first, second, third])
    const stored = await rows()
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3])
    // Two transactions: 1 alone, then 2 and 3 together.
    expect(new Set(stored.map((r) => r.txid)).size).toBe(2)
    expect(stored[1].txid).toBe(stored[2].txid)
  })

  it('a failing write fails its flush with none of its batch stored, and the queue refuses all after', async () => {
    const failures: Error[] = []
    const queue = createPgWriteQueue(pool, { onFailed: (e) => failures.push(e) })
    queue.append(insert(1))
    await queue.flush()
    queue.append(insert(2))
    queue.append(insert(1)) // duplicate key
    await expect(queue.flush()).rejects.toThrow(/duplicate key/)
    expect((await rows()).map((r) => r.seq)).toEqual([1])
    expect(failures).toHaveLength(1)
    expect(() => queue.append(insert(3))).toThrow(/duplicate key/)
    await expect(queue.flush()).rejects.toThrow(/duplicate key/)
    expect(queue.failed?.message).toMatch(/duplicate key/)
  })

  it('runs the fence first in every transaction: refused, nothing is stored', async () => {
    let leader = true
    const queue = createPgWriteQueue(pool, { fence: async () => { if (!leader) throw new Error('not the leader') } })
    queue.append(insert(1))
    await queue.flush()
    leader = false
    queue.append(insert(2))
    await expect(queue.flush()).rejects.toThrow(/not the leader/)
    expect((await rows()).map((r) => r.seq)).toEqual([1])
  })
})
