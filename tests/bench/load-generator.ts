// Child process: the city's steady state. Every inspector reports a fix every 5–10 s (its own
// period) while walking its round near home; an integrator forwards them through the batch API
// every 500 ms (at most two requests in flight; a slow server makes batches bigger, not more).
// Citizens keep reporting cases (Open311) and operators keep moving cases along the loop.
import { bearer, createHttpClient, forwardedFor } from './http-client'
import type { BenchPlan } from './options'
import { caseSpots, deviceId, inspectorHomes, SERVICE_CODES } from './scenario'
import { summarise } from './stats'

export interface LoadConfig {
  url: string
  key: string
  size: BenchPlan
  caseIds: string[]
  /** token per role, from OPERATOR_TOKENS. */
  operators: { supervision: string; dispatch: string; department: string }
}

export interface LoadStats {
  seconds: number
  positionsSent: number
  positionsAccepted: number
  positionsPerSecond: number
  requests: number
  failedRequests: number
  requestMs: ReturnType<typeof summarise>
  caseReports: number
  caseActions: number
  caseFailures: number
  /** The first refusal or error of each kind, to tell an overloaded server from a bench mistake. */
  firstErrors: string[]
  cpuSeconds: number
}

const BATCH_PERIOD_MS = 500
const WALK_MPS = 1.2
const ROUND_RADIUS_M = 150
const M_PER_DEG = 111_000
const LOOP: { action: string; role: keyof LoadConfig['operators'] }[] = [
  { action: 'accept', role: 'supervision' }, { action: 'file', role: 'supervision' }, { action: 'dispatch', role: 'dispatch' },
  { action: 'handle', role: 'department' }, { action: 'verify', role: 'supervision' }, { action: 'close', role: 'supervision' },
]

function run(config: LoadConfig) {
  const { size } = config
  const http = createHttpClient(config.url, 8)
  const homes = inspectorHomes(size)
  const n = homes.length
  const lng = new Float64Array(homes.map((h) => h[0]))
  const lat = new Float64Array(homes.map((h) => h[1]))
  const heading = new Float64Array(n).map(() => Math.random() * 360)
  const period = new Float64Array(n).map(() => (size.reportEveryS[0] + Math.random() * (size.reportEveryS[1] - size.reportEveryS[0])) * 1000)
  const started = Date.now()
  const due = new Float64Array(n).map((_, i) => started + Math.random() * period[i])
  const lastAt = new Float64Array(n).fill(started)
  const cosLat = Math.cos((lat[0] * Math.PI) / 180)

  const requestMs: number[] = []
  const firstErrors = new Map<string, string>()
  const noteError = (kind: string, what: string) => { if (!firstErrors.has(kind)) firstErrors.set(kind, `${kind}: ${what.slice(0, 200)}`) }
  let pending: object[] = []
  let inFlight = 0
  let sent = 0, accepted = 0, requests = 0, failed = 0
  const headers = { 'content-type': 'application/json', ...bearer(config.key) }

  function step(i: number, now: number) {
    const metres = (WALK_MPS * (now - lastAt[i])) / 1000
    const dx = (lng[i] - homes[i][0]) * M_PER_DEG * cosLat
    const dy = (lat[i] - homes[i][1]) * M_PER_DEG
    // Turn a little each fix; head back towards home at the edge of the round.
    heading[i] = Math.hypot(dx, dy) > ROUND_RADIUS_M
      ? (Math.atan2(-dx, -dy) * 180) / Math.PI
      : heading[i] + (Math.random() - 0.5) * 60
    const rad = (heading[i] * Math.PI) / 180
    lng[i] += (Math.sin(rad) * metres) / (M_PER_DEG * cosLat)
    lat[i] += (Math.cos(rad) * metres) / M_PER_DEG
    lastAt[i] = now
    return {
      deviceId: deviceId(i), lng: +lng[i].toFixed(6), lat: +lat[i].toFixed(6), at: now,
      heading: Math.round(((heading[i] % 360) + 360) % 360), speed: WALK_MPS, accuracy: 5 + (i % 10),
    }
  }

  function flush() {
    if (pending.length === 0 || inFlight >= 2) return
    const positions = pending.slice(0, 10_000)
    pending = pending.slice(positions.length)
    inFlight++
    requests++
    sent += positions.length
    http.request('POST', '/api/ingest/positions', { body: JSON.stringify({ positions }), headers }).then((res) => {
      requestMs.push(res.ms)
      if (res.status === 200) accepted += (JSON.parse(res.body) as { accepted: number }).accepted
      else {
        failed++
        noteError('positions', `${res.status} ${res.body}`)
      }
    }, (error: Error) => {
      failed++
      noteError('positions', error.message)
    }).finally(() => {
      inFlight--
      flush()
    })
  }

  const positionTimer = setInterval(() => {
    const now = Date.now()
    for (let i = 0; i < n; i++) {
      if (due[i] > now) continue
      pending.push(step(i, now))
      due[i] += period[i]
    }
    flush()
  }, BATCH_PERIOD_MS)

  // Case churn: a third new reports, the rest workflow actions moving a random open case one step.
  const caseIds = [...config.caseIds]
  const stepOf = new Map<string, number>()
  const newSpots = caseSpots(size, 100_000, 99)
  let reports = 0, actions = 0, caseFailures = 0, events = 0
  const caseTimer = setInterval(() => {
    const k = events++
    if (k % 3 === 0) {
      const [long, lat] = newSpots[reports % newSpots.length]
      reports++
      void http.request('POST', '/open311/v2/requests.json', {
        body: JSON.stringify({ service_code: SERVICE_CODES[k % SERVICE_CODES.length], lat, long, description: '基准：市民上报' }),
        headers: { 'content-type': 'application/json', ...bearer(config.key), ...forwardedFor(200_000 + Math.floor(reports / 50)) },
      }).then((res) => {
        if (res.status === 200) caseIds.push((JSON.parse(res.body) as { service_request_id: string }[])[0].service_request_id)
        else {
          caseFailures++
          noteError('open311', `${res.status} ${res.body}`)
        }
      }, (error: Error) => {
        caseFailures++
        noteError('open311', error.message)
      })
      return
    }
    if (caseIds.length === 0) return
    const index = Math.floor(Math.random() * caseIds.length)
    const id = caseIds[index]
    const s = stepOf.get(id) ?? 0
    const { action, role } = LOOP[s]
    actions++
    void http.request('POST', `/api/cases/${id}/actions`, {
      body: JSON.stringify({ action, note: '基准', ...(action === 'dispatch' ? { department: '市政' } : {}) }),
      headers: { 'content-type': 'application/json', ...bearer(config.operators[role]) },
    }).then((res) => {
      if (res.status === 200 && s + 1 < LOOP.length) stepOf.set(id, s + 1)
      else {
        if (res.status !== 200) {
          caseFailures++
          noteError(`action ${res.status}`, res.body)
        }
        caseIds.splice(caseIds.indexOf(id), 1)
      }
    }, (error: Error) => {
      caseFailures++
      noteError('action', error.message)
    })
  }, 1000 / Math.max(0.1, size.caseEventsPerS))

  return (): LoadStats => {
    clearInterval(positionTimer)
    clearInterval(caseTimer)
    http.close()
    const seconds = (Date.now() - started) / 1000
    const cpu = process.cpuUsage()
    return {
      seconds, positionsSent: sent, positionsAccepted: accepted, positionsPerSecond: accepted / seconds,
      requests, failedRequests: failed, requestMs: summarise(requestMs), caseReports: reports, caseActions: actions, caseFailures,
      firstErrors: [...firstErrors.values()], cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }
  }
}

let stop: (() => LoadStats) | null = null
// The bench went away: stop too.
process.on('disconnect', () => process.exit(0))
process.on('message', (message: { type: 'start'; config: LoadConfig } | { type: 'stop' }) => {
  if (message.type === 'start') {
    stop = run(message.config)
    process.send?.({ type: 'started' })
  } else if (stop) {
    process.send?.({ type: 'stats', stats: stop() }, () => process.exit(0))
  }
})
