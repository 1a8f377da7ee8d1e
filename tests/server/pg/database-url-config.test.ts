// DATABASE_URL picks the store: absent means SQLite; a value that is not a PostgreSQL URL stops the
// start with a message naming it (its password hidden); PostgreSQL down stops it too, naming the cause.
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'
import { openStore } from '../../../server/boot/open-store'
import { freePort } from '../../helpers/server-process'

describe('DATABASE_URL', () => {
  it('is SQLite when absent or empty', () => {
    expect(loadConfig({}).databaseUrl).toBeNull()
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull()
    expect(loadConfig({ DATABASE_URL: 'postgresql://wall:pw@db:5432/wall' }).databaseUrl).toBe('postgresql://wall:pw@db:5432/wall')
  })

  it('refuses what is not a postgres:// URL, without echoing a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/wall' })).toThrow(ConfigError)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/wall' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/wall' })).not.toThrow(/hunter2/)
  })

  it('fails the start when PostgreSQL does not answer, naming the cause', async () => {
    const port = await freePort()
    const config = { ...loadConfig({}), databaseUrl: `postgres://wall@127.0.0.1:${port}/wall` }
    await expect(openStore(config, () => {})).rejects.toThrow(/ECONNREFUSED/)
  })
})
