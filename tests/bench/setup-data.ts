// Puts the city in place before anything is measured: every inspector registers itself by sending a
// first fix through the batch API (INGEST_REGISTER_UNKNOWN, with the enrolment key), and the open cases arrive as citizens'
// Open311 reports. Both are timed: they are what a city's first morning costs the server.
import { bearer, forwardedFor, runPool, type HttpClient } from './http-client'
import type { BenchPlan } from './options'
import { caseSpots, deviceId, PROBE_DEVICE, SERVICE_CODES } from './scenario'

export const MAX_BATCH = 10_000

export interface SetupResult {
  registration: { inspectors: number; requests: number; seconds: number; perRequestMs: number[] }
  cases: { posted: number; failed: number; seconds: number; perSecond: number; ids: string[] }
}

/** First fixes of every inspector (and the probe), at `at`, in batches of 10,000. */
export async function registerInspectors(http: HttpClient, key: string, enrolmentKey: string, homes: readonly [number, number][], probeAt: [number, number], at: number) {
  const positions = homes.map(([lng, lat], i) => ({ deviceId: deviceId(i), lng, lat, at, heading: 0, speed: 0, accuracy: 8 }))
  positions.unshift({ deviceId: PROBE_DEVICE, lng: probeAt[0], lat: probeAt[1], at, heading: 0, speed: 0, accuracy: 5 })
  const started = performance.now()
  const perRequestMs: number[] = []
  for (let i = 0; i < positions.length; i += MAX_BATCH) {
    const res = await http.request('POST', '/api/ingest/positions', {
      body: JSON.stringify({ positions: positions.slice(i, i + MAX_BATCH) }), headers: { 'content-type': 'application/json', ...bearer(key), 'x-enrolment-key': enrolmentKey },
    })
    if (res.status !== 200) throw new Error(`registration batch answered ${res.status}: ${res.body.slice(0, 300)}`)
    const { accepted } = JSON.parse(res.body) as { accepted: number }
    if (accepted !== Math.min(MAX_BATCH, positions.length - i)) throw new Error(`registration batch accepted ${accepted}: ${res.body.slice(0, 300)}`)
    perRequestMs.push(Math.round(res.ms))
  }
  return { inspectors: positions.length, requests: perRequestMs.length, seconds: (performance.now() - started) / 1000, perRequestMs }
}

/** Open cases as citizens report them (Open311), 16 in flight, from many addresses (60 a minute each). */
export async function postCases(http: HttpClient, key: string, size: BenchPlan, count: number) {
  const spots = caseSpots(size, count)
  const ids: string[] = []
  let failed = 0
  let firstError = ''
  const started = performance.now()
  await runPool(count, 16, async (i) => {
    const [long, lat] = spots[i]
    const res = await http.request('POST', '/open311/v2/requests.json', {
      body: JSON.stringify({ service_code: SERVICE_CODES[i % SERVICE_CODES.length], lat, long, description: `基准案件 ${i}`, device_id: `citizen-${i}` }),
      headers: { 'content-type': 'application/json', ...bearer(key), ...forwardedFor(100_000 + Math.floor(i / 50)) },
    })
    if (res.status === 200) ids.push((JSON.parse(res.body) as { service_request_id: string }[])[0].service_request_id)
    else {
      failed++
      firstError ||= `${res.status} ${res.body.slice(0, 300)}`
    }
  })
  const seconds = (performance.now() - started) / 1000
  if (failed > 0) throw new Error(`${failed} of ${count} Open311 reports failed, e.g. ${firstError}`)
  return { posted: ids.length, failed, seconds, perSecond: ids.length / seconds, ids }
}

export async function health(http: HttpClient) {
  const res = await http.request('GET', '/api/health')
  return JSON.parse(res.body) as { grids: number; openCases: number; inspectors: { online: number; stale: number; offline: number; total: number }; connectedClients: number }
}
