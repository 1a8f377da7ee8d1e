// The properties every entry point must keep under bad input, checked on each generated request:
// never a 5xx; a 4xx is JSON in the API's documented error shape; a refused request writes nothing
// (every table's row count in wall.db, read through a second connection, is unchanged). A ledger
// counts the inputs tried per entry point and their statuses, for the README's table.
import { expect } from 'vitest'
import { readLikeFixMyStreet } from './fms-xml'
import { sendRaw, type RawRequest, type RawResponse } from './raw-http'
import type { TableCounter } from './table-counts'

/**
 * `{ error: { code, message } }` (the API); Open311's `[{ code, description }]` (on an .xml path its
 * XML form, `<errors><error><code/><description/></error></errors>`); or, for the batch
 * API, either the first or its documented all-refused answer `{ accepted: 0, rejected: [{ index, field, message }] }`.
 */
export type ErrorShape = 'api' | 'open311' | 'batch'

export class FuzzLedger {
  private readonly rows = new Map<string, Map<number, number>>()

  record(entry: string, status: number): void {
    const row = this.rows.get(entry) ?? new Map<number, number>()
    row.set(status, (row.get(status) ?? 0) + 1)
    this.rows.set(entry, row)
  }

  /** A Markdown table: entry point, inputs tried, answers by status, 5xx. */
  table(): string {
    const lines = ['| entry point | inputs | answers | 5xx |', '|---|---|---|---|']
    for (const [entry, row] of this.rows) {
      const total = [...row.values()].reduce((a, b) => a + b, 0)
      const statuses = [...row].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')
      const failures = [...row].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0)
      lines.push(`| ${entry} | ${total} | ${statuses} | ${failures} |`)
    }
    return lines.join('\n')
  }
}

export interface FuzzTarget {
  url: string
  counter: TableCounter
  ledger: FuzzLedger
}

/** The request as a reproducible one-liner for a failure message. */
export function describeRequest(request: RawRequest): string {
  const headers = Object.entries(request.headers ?? {}).map(([k, v]) => `-H '${k}: ${v}'`).join(' ')
  const body = request.body == null ? '' : ` --data-binary '${String(request.body).slice(0, 600)}'`
  return `curl -X ${request.method} 'URL${request.path.slice(0, 600)}' ${headers}${body}`
}

/** An Open311 path asking for XML (`/open311/v2/services.xml?…`): its answers, errors too, are XML. */
const asksForXml = (request: RawRequest) => request.path.startsWith('/open311/') && request.path.split('?')[0].endsWith('.xml')

/** Well-formed XML that FixMyStreet's XML::Simple reads (tests/helpers/fms-xml.ts), else the test fails. */
function expectXml(response: RawResponse, label: string) {
  expect(response.contentType, `${label}: an .xml path's answer must be XML`).toBe('text/xml; charset=utf-8')
  let read: ReturnType<typeof readLikeFixMyStreet> | undefined
  expect(() => { read = readLikeFixMyStreet(response.text) }, label).not.toThrow()
  return read!
}

function expectErrorShape(response: RawResponse, shape: ErrorShape, label: string, xml: boolean): void {
  if (shape === 'open311' && xml) {
    const { root, content } = expectXml(response, label)
    expect(root, label).toBe('errors')
    expect(Array.isArray(content.error) && content.error.length > 0, `${label}: Open311 errors are a non-empty <errors>`).toBe(true)
    expect((content.error as unknown[])[0], label).toMatchObject({ code: String(response.status), description: expect.any(String) })
    return
  }
  expect(response.contentType, `${label}: a ${response.status} must be JSON`).toMatch(/^application\/json/)
  const body = JSON.parse(response.text) as unknown
  const allRefused = shape === 'batch' && body != null && typeof body === 'object' && 'rejected' in body
  if (allRefused) {
    expect(body, label).toMatchObject({ accepted: 0, rejected: expect.arrayContaining([{ index: expect.any(Number), field: expect.any(String), message: expect.any(String) }]) })
  } else if (shape !== 'open311') {
    expect(body, label).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
  } else {
    expect(Array.isArray(body) && body.length > 0, `${label}: Open311 errors are a non-empty array`).toBe(true)
    expect((body as unknown[])[0], label).toMatchObject({ code: response.status, description: expect.any(String) })
  }
}

/** Sends one request and checks the properties; returns the answer for checks of its own. */
export async function probe(target: FuzzTarget, entry: string, shape: ErrorShape, request: RawRequest): Promise<RawResponse> {
  const before = target.counter.read()
  const response = await sendRaw(target.url, request)
  target.ledger.record(entry, response.status)
  const label = `${entry}: ${describeRequest(request)}\n→ ${response.status} ${response.text.slice(0, 300)}`
  expect(response.status, label).toBeLessThan(500)
  if (response.status >= 400) {
    expectErrorShape(response, shape, label, asksForXml(request))
    expect(target.counter.read(), `${label}\na refused request changed the database`).toEqual(before)
  } else if (asksForXml(request)) {
    expectXml(response, label)
  } else if (response.contentType.startsWith('application/json')) {
    expect(() => JSON.parse(response.text), label).not.toThrow()
  }
  return response
}

/** The server still answers: GET /api/health is a 200. */
export async function expectServing(url: string): Promise<void> {
  const health = await sendRaw(url, { method: 'GET', path: '/api/health' })
  expect(health.status).toBe(200)
}

/** A distinct client address per request (the server trusts X-Forwarded-For from loopback), so per-IP rate limits do not end the run. */
let nextClient = 0
export function clientAddress(): Record<string, string> {
  nextClient++
  return { 'x-forwarded-for': `10.${(nextClient >> 16) & 255}.${(nextClient >> 8) & 255}.${nextClient & 255}` }
}

/** FUZZ_RUNS, a multiplier of every property's runs (default 1), so a long hunt needs no edit. */
function scale(): number {
  const value = Number(process.env.FUZZ_RUNS ?? 1)
  return Number.isFinite(value) && value > 0 ? value : 1
}

/** Runs per property. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * scale()))
}

/** A test's timeout, grown with FUZZ_RUNS. */
export function fuzzTimeout(baseMs: number): number {
  return Math.round(baseMs * Math.max(1, scale()))
}
