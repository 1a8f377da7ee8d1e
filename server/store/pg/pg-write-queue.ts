// The leader's writes to PostgreSQL, in the order its memory made them. Each change is appended as an
// operation (its statements, on the transaction's connection); flush() commits everything appended
// so far in one transaction, fenced by the leader lease, and resolves once it is committed: the point
// at which a write may be acknowledged. One flush runs at a time; what is appended meanwhile goes in
// the next, so under load many requests share a commit. A failed commit fails its flush and every
// later one: memory now holds changes the store does not, so the node must resign (crash-only) and a
// standby reload the district from PostgreSQL; nothing unacknowledged was promised to anyone.
import type pg from 'pg'
import type { Sql } from './pg-pool'

export type WriteOp = (sql: Sql) => Promise<unknown>

export interface WriteQueue {
  /** Adds a write after those already appended (throws once the queue has failed). */
  append(op: WriteOp): void
  /** Resolves when everything appended before the call is committed; rejects if its commit failed. */
  flush(): Promise<void>
  /** The error that failed the queue, or null. */
  readonly failed: Error | null
  /** Operations appended and not yet committed. */
  readonly pending: number
  /** Operations appended since the queue was made: an answer that appended none need not wait for a commit. */
  readonly appended: number
}

export interface WriteQueueOptions {
  /** Runs first in every transaction; throws to refuse it (the leader lease's fence). */
  fence?: (sql: Sql) => Promise<void>
  /** Called once, with the error, when a commit fails. */
  onFailed?: (error: Error) => void
}

export function createPgWriteQueue(pool: pg.Pool, { fence, onFailed }: WriteQueueOptions = {}): WriteQueue {
  let queued: WriteOp[] = []
  let failed: Error | null = null
  /** The commit running now, if any. */
  let running: Promise<void> | null = null
  /** The commit that will take what is queued now, once the running one is done. */
  let next: Promise<void> | null = null
  let inFlight = 0
  let appended = 0

  async function commit(ops: WriteOp[]): Promise<void> {
    if (failed) throw failed
    if (ops.length === 0) return
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      if (fence) await fence(client)
      for (const op of ops) await op(client)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      failed = error instanceof Error ? error : new Error(String(error))
      onFailed?.(failed)
      throw failed
    } finally {
      client.release()
    }
  }

  function startNext(): Promise<void> {
    const ops = queued
    queued = []
    inFlight = ops.length
    const done = commit(ops).finally(() => { inFlight = 0 })
    running = done.finally(() => { running = null })
    running.catch(() => {})
    return done
  }

  return {
    append(op) {
      if (failed) throw failed
      queued.push(op)
      appended++
    },
    flush() {
      if (failed) return Promise.reject(failed)
      if (!running) return startNext()
      // Nothing appended since the running commit began: the caller's writes are in it (or already committed).
      if (queued.length === 0 && !next) return running
      // A commit is running without our latest appends: they go in the one after it (shared by every caller meanwhile).
      next ??= running.catch(() => {}).then(() => {
        next = null
        return startNext()
      })
      return next
    },
    get failed() {
      return failed
    },
    get pending() {
      return queued.length + inFlight
    },
    get appended() {
      return appended
    },
  }
}
