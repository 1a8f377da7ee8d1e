// The case drawer in Chromium shows what a FixMyStreet report came with: its attributes as 名称：值
// lines (the service definition's names where the wall knows the code, the code otherwise) and a
// link to every photo, which the wall never fetches (no request leaves localhost).
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessConfig } from '../../server/http/access'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-test-server'

const access: AccessConfig = { wallToken: null, integrationKeys: [], operators: [], open311PublicWrites: true }

describe('a citizen\'s attributes and photos in the case drawer', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let id: string
  const foreignRequests: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)')
    server = await startTestServer({ simulator: false, access })
    const [lng, lat] = server.wall.district.tree.allGrids()[0].center
    // FixMyStreet perllib/Open311.pm:142-225 on the wire (notes §1.3): encoded brackets, a repeated
    // multivaluelist key, an empty attribute, attribute[uprn] (:219-222), two photos (multi_photos, :196-202).
    const body = 'attribute%5Blandmark%5D=&attribute%5Bmulti%5D=a&attribute%5Bmulti%5D=b&attribute%5Bseverity%5D=%E7%B4%A7%E6%80%A5'
      + `&attribute%5Buprn%5D=100023336956&service_code=E0101&lat=${lat}&long=${lng}&description=detail%3A+x%0D%0A`
      + '&media_url=http%3A%2F%2Fphotos.example.com%2Fp%2F1.full.jpeg&media_url=http%3A%2F%2Fphotos.example.com%2Fp%2F2.full.jpeg'
    const response = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    expect(response.status).toBe(200)
    id = ((await response.json()) as { service_request_id: string }[])[0].service_request_id
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreignRequests.push(request.url())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lists the attributes by name, or by code, and links both photos in order', async () => {
    await page.goto(`${server.url}/case/${id}`)
    await page.waitForSelector('[data-test="case-attributes"]', { timeout: 60_000 })
    const lines = await page.$$eval('[data-test="case-attributes"] .attribute', (divs) => divs.map((d) => d.textContent))
    expect(lines).toEqual(['multi：a、b', '紧急程度：紧急', 'uprn：100023336956'])
    const links = await page.$$eval('[data-test="case-photo"]', (as) => as.map((a) => [(a as HTMLAnchorElement).href, a.textContent?.trim()]))
    expect(links.map(([href]) => href)).toEqual(['http://photos.example.com/p/1.full.jpeg', 'http://photos.example.com/p/2.full.jpeg'])
    expect(links[1][1]).toContain('查看照片 2')
    expect(foreignRequests).toEqual([])
  })
})
