// The private PostgreSQL and Redis that integration tests start for themselves: they answer, keep to
// their temporary folder and port, persist nothing they should not, and are gone after stop().
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startPostgres } from '../../helpers/start-postgres'
import { redisCommand, startRedis } from '../../helpers/start-redis'

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

describe('test servers', () => {
  it('starts a private PostgreSQL 15 with PostGIS, on its own port and socket, and removes it', async () => {
    const server = await startPostgres()
    try {
      const client = new pg.Client({ connectionString: server.url })
      await client.connect()
      const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major,
        current_setting('unix_socket_directories') AS socket, postgis_lib_version() AS postgis, current_user AS who`)
      await client.end()
      expect(rows[0]).toMatchObject({ major: 15, socket: server.dir, who: 'wall' })
      expect(rows[0].postgis).toMatch(/^3\./)
      expect(fs.readdirSync(server.dir)).toContain(`.s.PGSQL.${server.port}`)
      // Under root the cluster belongs to the postgres system user (initdb refuses root).
      const owner = fs.statSync(path.join(server.dir, 'data')).uid
      if (process.getuid?.() === 0) expect(owner).not.toBe(0)
      else expect(owner).toBe(process.getuid?.())
    } finally {
      await server.stop()
    }
    expect(fs.existsSync(server.dir)).toBe(false)
    expect(await portOpen(server.port)).toBe(false)
  }, 60_000)

  it('starts a private Redis without persistence and stops it', async () => {
    const redis = await startRedis()
    try {
      expect(await redisCommand(redis.port, 'SET', 'wall:probe', '网格')).toBe('+OK')
      expect(await redisCommand(redis.port, 'EXISTS', 'wall:probe')).toBe(':1')
      const info = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(redis.port, '127.0.0.1')
        let reply = ''
        socket.once('error', reject)
        socket.on('data', (c: Buffer) => {
          reply += c.toString()
          if (/appendonly\r\n\$\d+\r\n\w+\r\n/.test(reply)) { socket.end(); resolve(reply) }
        })
        socket.write('CONFIG GET save\r\nCONFIG GET appendonly\r\n')
      })
      expect(info).toMatch(/save\r\n\$0\r\n\r\n/)
      expect(info).toMatch(/appendonly\r\n\$2\r\nno\r\n/)
    } finally {
      await redis.stop()
    }
    expect(await portOpen(redis.port)).toBe(false)
  }, 30_000)
})
