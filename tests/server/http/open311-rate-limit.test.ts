// FixMyStreet's server posts every pending report from one address every 5 minutes (bin/send-reports,
// conf/crontab-example:14), and backs off 30 minutes on a failure. The per-address limit (60 a minute)
// is for anonymous citizens' apps; a call with a valid `cases` key is an integration and not counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'

const KEY = 'fms-key'

describe('the Open311 per-address limit', () => {
  let server: TestServer
  beforeAll(async () => {
    const access = { ...loadConfig({ INTEGRATION_KEYS: `${KEY}:cases` }).access, open311PublicWrites: true }
    server = await startTestServer({ simulator: false, access })
  })
  afterAll(() => server?.stop())

  const post = (withKey: boolean) => {
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    const body = new URLSearchParams({ service_code: 'E0101', lat: String(lat), long: String(lng), ...(withKey ? { api_key: KEY } : {}) })
    return fetch(`${server.url}/open311/v2/requests.xml`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() })
  }

  it('lets a keyed integration post a batch of 70 in a minute, and stops an anonymous flood at 60', { timeout: 60_000 }, async () => {
    const keyed: number[] = []
    for (let i = 0; i < 70; i++) keyed.push((await post(true)).status)
    expect(keyed.every((s) => s === 200)).toBe(true)
    const anonymous: number[] = []
    for (let i = 0; i < 61; i++) anonymous.push((await post(false)).status)
    expect(anonymous.slice(0, 60).every((s) => s === 200)).toBe(true)
    expect(anonymous[60]).toBe(429)
  })
})
