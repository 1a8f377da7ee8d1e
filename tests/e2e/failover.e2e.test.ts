// Several nodes under real walls (issue #12): three nodes on one PostgreSQL 15 + PostGIS and one
// Redis, the demo district running on the leader. A wall in Chromium on the leader (through a load
// balancer that sends a connection to the next node when one is gone) and one on a standby; a phone
// and the operators send through the third node. The leader is killed with -9: a standby takes
// over from PostgreSQL, the wall whose node died reconnects through the balancer, both walls are live
// again and show the phone where it last reported within 10 s, and nothing acknowledged is lost.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { leaderAmong, sendThrough, standbysSeeLeader, startNode } from '../helpers/cluster-nodes'
import { launchChromium } from '../helpers/launch-chromium'
import { killHard, type ServerProcess } from '../helpers/server-process'
import { startPostgres, type Postgres } from '../helpers/start-postgres'
import { startRedis, type Redis } from '../helpers/start-redis'
import { startFailoverProxy, type FailoverProxy } from '../helpers/tcp-failover-proxy'

const LIVE_WITHIN_MS = 10_000
const KEY = 'failover-key'
const PHONE = 'phone-failover-01'
const SHOTS = path.join('tests/artifacts', 'failover')
/** Chromium's own lines while a wall's node is down: expected, not the wall's errors. */
const OUTAGE_NOISE = /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|Failed to load resource/

describe('a wall on each of two nodes, and the leader killed', () => {
  let postgres: Postgres
  let redis: Redis
  let balancer: FailoverProxy
  let browser: Browser
  const nodes: ServerProcess[] = []
  const dirs: string[] = []
  const pages: { name: string; page: Page; errors: string[] }[] = []
  let a: ServerProcess, b: ServerProcess, c: ServerProcess
  /** Domain time minus wall-clock time: the demo's clock started on a working morning. */
  let clockOffset = 0
  let phoneId = 0
  let caseId = ''
  const acked: { at: number; lng: number; lat: number; ackedAt: number }[] = []

  const env = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-failover-'))
    dirs.push(dir)
    return {
      DATA_DIR: dir, DATABASE_URL: postgres.url, REDIS_URL: redis.url, SIMULATOR: 'on', SIMULATOR_SPEED: '1', SIMULATOR_SEED: '7',
      INTEGRATION_KEYS: KEY, INGEST_REGISTER_UNKNOWN: 'true', INGEST_ALLOWED_DEVICES: PHONE,
      OPERATOR_TOKENS: 'sup-token:supervision:监督中心张三,dis-token:dispatch:指挥中心李四,dep-token:department:区环卫中心',
    }
  }
  const phoneNodes = () => [b, ...nodes.filter((n) => n !== b && n.child.exitCode == null && n.child.signalCode == null)]
  const report = async (lng: number, lat: number) => {
    const at = Math.floor((Date.now() + clockOffset) / 1000)
    const { response } = await sendThrough(phoneNodes, `/api/ingest/osmand?id=${PHONE}&lat=${lat}&lon=${lng}&timestamp=${at}`)
    expect(response.status).toBe(200)
    acked.push({ at: at * 1000, lng, lat, ackedAt: performance.now() })
  }
  const phoneOnMap = (page: Page, id: number) => page.evaluate((wanted) => {
    const feature = window.__wallMap?.querySourceFeatures('inspectors').find((f) => Number(f.properties.id) === wanted)
    return feature?.geometry.type === 'Point' ? feature.geometry.coordinates as [number, number] : null
  }, id)
  const live = (page: Page) => page.getAttribute('[data-test="feed-state"]', 'data-state')

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    a = await startNode(env())
    nodes.push(a)
    await leaderAmong([a], 90_000)
    ;[b, c] = await Promise.all([startNode(env()), startNode(env())])
    nodes.push(b, c)
    await standbysSeeLeader([b, c])
    // The balancer prefers the leader: this wall's node is the one that will die.
    balancer = await startFailoverProxy(() => [a.port, c.port])
    browser = await launchChromium()
    for (const [name, url] of [['through the balancer (on the leader)', balancer.url], ['on a standby', c.url]] as const) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
      const entry = { name, page, errors: [] as string[] }
      page.on('pageerror', (error) => entry.errors.push(error.message))
      page.on('console', (message) => { if (message.type() === 'error' && !OUTAGE_NOISE.test(message.text())) entry.errors.push(message.text()) })
      pages.push(entry)
      await page.goto(url)
    }
    fs.mkdirSync(SHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await balancer?.close()
    await Promise.all(nodes.map((node) => killHard(node)))
    await Promise.all([postgres?.stop(), redis?.stop()])
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('shows the district live on both walls, and the phone that reports through the third node', async () => {
    for (const { page } of pages) {
      await page.waitForFunction(() => document.querySelector('[data-test="feed-state"]')?.getAttribute('data-state') === 'live'
        && (window.__wallMap?.getSource('inspectors') ? window.__wallMap.querySourceFeatures('inspectors').length > 0 : false),
      undefined, { timeout: 150_000, polling: 250 })
    }
    const picture = await (await fetch(`${b.url}/api/snapshot`)).json() as WallSnapshot
    clockOffset = picture.serverTime - Date.now()
    const grid = picture.areas.find((g) => g.level === 'grid')!
    const [x, y] = grid.center
    await report(x, y)
    const registered = await (await fetch(`${b.url}/api/snapshot`)).json() as WallSnapshot
    phoneId = registered.inspectorInfos.find((i) => i.deviceId === PHONE)!.id
    for (const { page } of pages) await expect.poll(() => phoneOnMap(page, phoneId), { timeout: 10_000 }).not.toBeNull()

    const opened = await sendThrough(phoneNodes, `/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${y}&long=${x}&description=${encodeURIComponent('路边堆放垃圾')}`,
    })
    expect(opened.response.status).toBe(200)
    caseId = ((await opened.response.json()) as { service_request_id: string }[])[0].service_request_id
    const accepted = await sendThrough(phoneNodes, `/api/cases/${caseId}/actions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sup-token' }, body: JSON.stringify({ action: 'accept' }),
    })
    expect(accepted.response.status).toBe(200)
    await pages[1].page.screenshot({ path: path.join(SHOTS, 'standby-wall-before.png') })
  })

  it(`is live again on both walls within ${LIVE_WITHIN_MS / 1000} s of kill -9 of the leader, the phone where it last reported`, async () => {
    const [x, y] = [acked[0].lng, acked[0].lat]
    const killedAt = performance.now()
    await killHard(a)
    // The phone goes on reporting through the failover (503s and refusals are sent again).
    let step = 0
    let reporting = true
    const phone = (async () => {
      while (reporting) {
        step++
        await report(x + step * 0.0002, y)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    })()
    const leader = await leaderAmong([b, c], 20_000)
    const tookOver = performance.now() - killedAt
    const liveAt: number[] = []
    for (const { page } of pages) {
      await page.waitForFunction(() => document.querySelector('[data-test="feed-state"]')?.getAttribute('data-state') === 'live'
        && !document.querySelector('[data-test="reconnect-banner"]'), undefined, { timeout: LIVE_WITHIN_MS, polling: 100 })
      // The marker follows the phone again: at a position it reported after the kill.
      await expect.poll(async () => {
        const shown = await phoneOnMap(page, phoneId)
        return shown != null && acked.some((fix, i) => i > 0 && Math.abs(fix.lng - shown[0]) < 1e-6 && Math.abs(fix.lat - shown[1]) < 1e-6)
      }, { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe(true)
      liveAt.push(performance.now() - killedAt)
    }
    reporting = false
    await phone
    const firstAckAfter = acked.find((fix) => fix.ackedAt > killedAt)!.ackedAt - killedAt
    console.log(`failover e2e: a standby led ${tookOver.toFixed(0)} ms after kill -9, the phone's first fix after it was acknowledged after ${firstAckAfter.toFixed(0)} ms; the walls were live with the phone's new fixes after ${liveAt.map((ms) => `${ms.toFixed(0)} ms`).join(' and ')}`)
    for (const ms of liveAt) expect(ms).toBeLessThanOrEqual(LIVE_WITHIN_MS)
    expect(await live(pages[0].page)).toBe('live')
    // Both walls tell the new leader's time (a wall extrapolating the dead leader's clock would not).
    const clocks = await Promise.all(pages.map(({ page }) => page.evaluate(() => document.querySelector('[data-test="clock"]')?.textContent ?? '')))
    const seconds = clocks.map((text) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0))
    expect(Math.abs(seconds[0] - seconds[1]), clocks.join(' vs ')).toBeLessThanOrEqual(2)

    // Everything acknowledged is in the new leader's picture; the loop goes on; ids stay unique.
    const dispatched = await sendThrough(phoneNodes, `/api/cases/${caseId}/actions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sup-token' }, body: JSON.stringify({ action: 'file' }),
    })
    expect(dispatched.response.status).toBe(200)
    const again = await sendThrough(phoneNodes, `/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `service_code=E0101&lat=${y}&long=${x}&description=${encodeURIComponent('井盖缺失')}`,
    })
    expect(again.response.status).toBe(200)
    const final = await (await fetch(`${leader.url}/api/snapshot`)).json() as WallSnapshot
    const ids = final.cases.map((k) => k.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(final.cases.find((k) => k.id === caseId)?.step).toBe('filed')
    const last = acked[acked.length - 1]
    expect(final.inspectors.find((m) => m.id === phoneId)).toMatchObject({ fixAt: last.at })
    const history = await (await fetch(`${leader.url}/api/cases/${caseId}`)).json() as { history: { action: string }[] }
    expect(history.history.map((h) => h.action)).toEqual(['report', 'accept', 'file'])
    await pages[0].page.screenshot({ path: path.join(SHOTS, 'wall-after-its-node-died.png') })
    await pages[1].page.screenshot({ path: path.join(SHOTS, 'standby-wall-after.png') })
  })

  it('says on each wall when its node loses Redis, and stops saying so when Redis is back', async () => {
    const linkDown = (page: Page) => page.getAttribute('[data-test="feed-state"]', 'data-link-down')
    await redis.stop()
    for (const { page } of pages) await expect.poll(() => linkDown(page), { timeout: 10_000, interval: 200 }).toBe('redis')
    expect(await pages[1].page.textContent('[data-test="feed-state"]')).toContain('集群通道中断')
    await pages[1].page.screenshot({ path: path.join(SHOTS, 'wall-redis-down.png') })
    redis = await startRedis({ port: redis.port })
    for (const { page } of pages) {
      await page.waitForFunction(() => {
        const feed = document.querySelector('[data-test="feed-state"]')
        return feed?.getAttribute('data-state') === 'live' && !feed.hasAttribute('data-link-down')
      }, undefined, { timeout: 20_000, polling: 200 })
    }
  })

  it('threw no error on either wall', () => {
    for (const { name, errors } of pages) expect(errors, name).toEqual([])
  })
})
