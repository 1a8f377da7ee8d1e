// A connection pool to the PostgreSQL store (DATABASE_URL). Times are epoch ms in BIGINT columns, as
// in the SQLite store; node-postgres hands BIGINT back as a string (it may exceed 2^53), so this pool
// reads it as a number: epoch ms stay below 2^53 for another 285,000 years.
import pg from 'pg'

const INT8_OID = 20

export type Sql = Pick<pg.ClientBase, 'query'>

export function openPgPool(connectionString: string, options: Omit<pg.PoolConfig, 'connectionString' | 'types'> = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    ...options,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
    },
  })
  // An idle connection that PostgreSQL ends (a restart, a failover) is an 'error' on the pool, which
  // without a listener would end the process; the pool opens a new connection when next asked.
  pool.on('error', (error) => console.error(`postgres: an idle connection was lost (${error.message})`))
  return pool
}
