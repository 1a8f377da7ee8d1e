// An answer waits for the store's commit, and a commit that fails turns the answer into a 503:
// a real Express server on a port, its store's flush held open or failed by the test. A handler that
// wrote nothing (the store's write count unchanged) answers at once, whatever others' commits do.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAfterCommit } from '../../../server/http/answer-after-commit'

let flush: () => Promise<void> = async () => {}
let writes = 0
let url = ''
let close = () => {}

beforeAll(async () => {
  const app = express()
  app.use(answerAfterCommit({ flush: () => flush(), writesMade: () => writes }))
  app.post('/write', (_req, res) => { writes++; res.set('ETag', '"v1"').json({ saved: true }) })
  app.get('/read', (_req, res) => { res.json({ read: true }) })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('answerAfterCommit', () => {
  it('sends the answer once the commit is done, not before', async () => {
    let commit = () => {}
    flush = () => new Promise<void>((resolve) => { commit = resolve })
    let answered = false
    const response = fetch(`${url}/write`, { method: 'POST' }).then((r) => { answered = true; return r })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(answered).toBe(false)
    commit()
    const r = await response
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ saved: true })
  })

  it('answers 503 with the reason, and none of the handler\'s headers, when the commit fails', async () => {
    flush = async () => { throw new Error('connection to PostgreSQL lost') }
    const r = await fetch(`${url}/write`, { method: 'POST' })
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBe('5')
    expect(r.headers.get('etag')).toBeNull()
    const body = await r.json() as { error: { code: string; message: string } }
    expect(body.error.code).toBe('store_unavailable')
    expect(body.error.message).toContain('connection to PostgreSQL lost')
  })

  it('answers a request that wrote nothing at once, while another writer\'s commit is still open', async () => {
    let commit = () => {}
    flush = () => new Promise<void>((resolve) => { commit = resolve })
    let written = false
    const write = fetch(`${url}/write`, { method: 'POST' }).then((r) => { written = true; return r })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const read = await fetch(`${url}/read`)
    expect(read.status).toBe(200)
    expect(await read.json()).toEqual({ read: true })
    expect(written).toBe(false)
    commit()
    expect((await write).status).toBe(200)
  })
})
