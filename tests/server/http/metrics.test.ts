// GET /metrics against a real server (simulator off, so only this test writes positions): the text
// parses as Prometheus exposition format; posting positions moves the counter by exactly what was
// accepted; a wall connecting shows in the connected gauge and its packed snapshot in the snapshot
// histograms; store writes are timed; the endpoint is open like /api/health while the wall is closed.
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-test-server'
import { nextEvent } from '../../helpers/wait-for'

const KEY = 'metrics-positions-key'
const TOKEN = 'metrics-wall-token'

interface Sample { name: string; labels: Record<string, string>; value: number }
interface Exposition { types: Map<string, string>; samples: Sample[] }

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
const SAMPLE_LINE = new RegExp(`^(${METRIC_NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`)
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y

/** A strict reader of the text format 0.0.4: every line a comment, HELP/TYPE, or a well-formed sample. */
function parseExposition(text: string): Exposition {
  const types = new Map<string, string>()
  const samples: Sample[] = []
  expect(text.endsWith('\n')).toBe(true)
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ')
      expect(name).toMatch(new RegExp(`^${METRIC_NAME}$`))
      expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(type)
      expect(types.has(name), `TYPE of ${name} given twice`).toBe(false)
      types.set(name, type)
      continue
    }
    if (line.startsWith('#') || line === '') continue
    const match = SAMPLE_LINE.exec(line)
    expect(match, `not a sample line: ${line}`).not.toBeNull()
    const labels: Record<string, string> = {}
    const body = match![2] ?? ''
    LABEL.lastIndex = 0
    while (LABEL.lastIndex < body.length) {
      const label = LABEL.exec(body)
      expect(label, `bad labels in: ${line}`).not.toBeNull()
      labels[label![1]] = label![2]
    }
    samples.push({ name: match![1], labels, value: parseValue(match![3], line) })
  }
  // Every sample belongs to a declared family; histograms' buckets only grow and end at +Inf = _count.
  for (const s of samples) expect(types.has(familyOf(s.name, types)), `no TYPE for ${s.name}`).toBe(true)
  for (const [family, type] of types) if (type === 'histogram') checkHistogram(family, samples)
  return { types, samples }
}

/** A float as Prometheus reads one (Go's ParseFloat: Inf and NaN in any case, as prom-client writes `Nan`). */
function parseValue(text: string, line: string): number {
  if (/^nan$/i.test(text)) return Number.NaN
  const infinity = /^([+-]?)inf(inity)?$/i.exec(text)
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity
  expect(text, `bad value in: ${line}`).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/)
  return Number(text)
}

function familyOf(name: string, types: Map<string, string>): string {
  if (types.has(name)) return name
  const base = name.replace(/_(bucket|sum|count|total|created)$/, '')
  return types.has(base) ? base : name
}

function checkHistogram(family: string, samples: Sample[]): void {
  const series = new Map<string, Sample[]>()
  for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
    const { le, ...rest } = s.labels
    expect(le, `${family} bucket without le`).toBeDefined()
    const key = JSON.stringify(rest)
    series.set(key, [...(series.get(key) ?? []), s])
  }
  for (const [key, buckets] of series) {
    const counts = buckets.map((b) => b.value)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(buckets.at(-1)!.labels.le).toBe('+Inf')
    const count = samples.find((s) => s.name === `${family}_count` && JSON.stringify(s.labels) === key)
    expect(count?.value).toBe(counts.at(-1))
  }
}

function value(exposition: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  return exposition.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value
}

describe('GET /metrics', () => {
  let server: TestServer
  let wall: Socket | null = null

  beforeAll(async () => {
    server = await startTestServer({ simulator: false, access: { wallToken: TOKEN, integrationKeys: [KEY], operators: [] } })
  })
  afterAll(async () => {
    wall?.disconnect()
    await server?.stop()
  })

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return parseExposition(await response.text())
  }

  it('is open without the wall token, like /api/health, while the wall needs it', async () => {
    expect((await fetch(`${server.url}/api/snapshot`)).status).toBe(401)
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200)
  })

  it('declares event-loop lag, node role, connected walls, positions, snapshots and store writes', async () => {
    const first = await scrape()
    expect(first.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge')
    expect(first.types.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge')
    expect(first.types.get('wall_positions_accepted_total')).toBe('counter')
    expect(first.types.get('wall_connected_walls')).toBe('gauge')
    expect(first.types.get('wall_snapshot_bytes')).toBe('histogram')
    expect(first.types.get('wall_snapshot_build_seconds')).toBe('histogram')
    expect(first.types.get('wall_store_write_seconds')).toBe('histogram')
    expect(value(first, 'wall_node_role', { role: 'single' })).toBe(1)
    expect(value(first, 'wall_node_role', { role: 'leader' })).toBe(0)
    expect(value(first, 'wall_node_role', { role: 'standby' })).toBe(0)
  })

  it('counts the positions a batch had accepted, and times the store writes', async () => {
    const before = await scrape()
    const counted = value(before, 'wall_positions_accepted_total')!
    const timedWrites = value(before, 'wall_store_write_seconds_count', { operation: 'transaction' }) ?? 0
    const inspectors = server.wall.district.inspectors.allInfos().slice(0, 5)
    const at = Date.now() - 30_000
    const positions = [
      ...inspectors.map((info, i) => ({ deviceId: info.deviceId, lat: 26.08 + i * 0.001, lng: 119.33, at: new Date(at).toISOString() })),
      { deviceId: inspectors[0].deviceId, lat: 95, lng: 119.33, at: new Date(at).toISOString() },
    ]
    const response = await fetch(`${server.url}/api/ingest/positions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ positions }),
    })
    expect(response.status).toBe(200)
    const answer = await response.json() as { accepted: number; rejected: unknown[] }
    expect(answer).toMatchObject({ accepted: 5, rejected: [expect.objectContaining({ index: 5, field: 'lat' })] })

    const after = await scrape()
    expect(value(after, 'wall_positions_accepted_total')).toBe(counted + 5)
    expect(value(after, 'wall_store_write_seconds_count', { operation: 'transaction' })).toBe(timedWrites + 1)
    expect(value(after, 'wall_store_write_seconds_sum', { operation: 'transaction' })).toBeGreaterThan(0)
  })

  it('shows a connected wall and the packed snapshot it was sent', async () => {
    const before = await scrape()
    expect(value(before, 'wall_connected_walls')).toBe(0)
    const encodings = value(before, 'wall_snapshot_build_seconds_count') ?? 0
    wall = io(server.url, { transports: ['websocket'], forceNew: true, auth: { token: TOKEN, snapshotFormat: 'packed' } })
    const snapshot = await nextEvent<{ live: ArrayBuffer }>(wall, 'wall:snapshot')
    const after = await scrape()
    expect(value(after, 'wall_connected_walls')).toBe(1)
    expect(value(after, 'wall_snapshot_build_seconds_count')).toBe(encodings + 1)
    // The one encoding was the one the wall received (a few inspectors with the simulator off).
    expect(snapshot.live.byteLength).toBeGreaterThan(100)
    expect(value(after, 'wall_snapshot_bytes_sum')).toBe(snapshot.live.byteLength)
  })
})
