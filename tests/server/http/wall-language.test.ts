import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'
import { wallStaticRouter } from '../../../server/http/wall-static'

describe('the configured wall language (WALL_LANG)', () => {
  let dir: string
  let server: ReturnType<express.Express['listen']>
  let base: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-lang-'))
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<html lang="zh-CN">\n<body><div id="app"></div></body></html>')
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)')
    const app = express().use(wallStaticRouter(dir, 'en'))
    server = app.listen(0)
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is served on the page, at the root and on deep links alike', async () => {
    for (const route of ['/', '/area/350111001001', '/case/C1']) {
      const html = await (await fetch(base + route)).text()
      expect(html, route).toContain('<html lang="en">')
    }
  })

  it('leaves the other files alone', async () => {
    expect(await (await fetch(`${base}/app.js`)).text()).toBe('console.log(1)')
  })

  it('is zh-CN by default and refuses a language the wall does not have, naming it', () => {
    expect(loadConfig({}).wallLanguage).toBe('zh-CN')
    expect(loadConfig({ WALL_LANG: 'en' }).wallLanguage).toBe('en')
    expect(() => loadConfig({ WALL_LANG: 'fr' })).toThrow(ConfigError)
    expect(() => loadConfig({ WALL_LANG: 'fr' })).toThrow(/WALL_LANG=fr/)
  })
})
