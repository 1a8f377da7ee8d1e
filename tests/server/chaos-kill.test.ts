// Chaos: the server as a child process is hammered with concurrent batch ingests (integration key),
// citizen reports (Open311) and workflow actions (operator tokens), killed with SIGKILL at a random
// moment, and restarted on the same DATA_DIR — several times, one data dir. After each restart:
// every acknowledged (2xx) batch's positions are in history and the latest fixes; every acknowledged
// report and action is in its case's history; a request cut off by the kill is all there or not
// at all (a batch is one transaction; an action writes the case row and its transition together);
// and for every case in the database its step is its last transition's step.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CaseAction, CaseStep, WallSnapshot } from '../../server/contract/domain'
import { TRANSITIONS } from '../../server/domain/case-workflow'
import { killHard, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { fixKey, readStoredRows, type StoredRows } from '../helpers/stored-rows'

const KEY = 'chaos-key'
const TOKENS = { supervision: 'chaos-sup', dispatch: 'chaos-dis', department: 'chaos-dep' }
const CYCLES = 5
const BATCH_WORKERS = 3
const CASE_WORKERS = 3
const BATCH_SIZE = 250
const INSPECTORS = 20

const env = (dataDir: string) => ({
  DATA_DIR: dataDir, SIMULATOR: 'off', INTEGRATION_KEYS: KEY,
  OPERATOR_TOKENS: `${TOKENS.supervision}:supervision:监督员,${TOKENS.dispatch}:dispatch:派遣员,${TOKENS.department}:department:区环卫中心`,
  // Every accepted fix kept in history, so "acknowledged" means "in history" without down-sampling.
  HISTORY_MIN_INTERVAL_S: '0', HISTORY_MIN_DISTANCE_M: '0',
})

interface Fix { inspectorId: number; at: number; lng: number; lat: number }
interface Batch { fixes: Fix[]; state: 'acked' | 'cut' }
interface CaseModel {
  id: string
  step: CaseStep
  /** The actions the server acknowledged, in order (the report not included). */
  acked: CaseAction[]
  /** The action whose answer the kill cut off, if any. */
  cut: CaseAction | null
  reworks: number
}
interface Report { token: string; state: 'acked' | 'cut' }

/** The next action for a case at `step`: round the loop, sending a handled case back twice first. */
function nextAction(c: CaseModel): CaseAction | null {
  switch (c.step) {
    case 'reported': return 'accept'
    case 'accepted': return 'file'
    case 'filed': return 'dispatch'
    case 'dispatched': return 'handle'
    case 'handled': return c.reworks < 2 ? 'sendBack' : 'verify'
    case 'verified': return 'close'
    default: return null
  }
}

const TOKEN_OF: Record<CaseAction, string> = {
  accept: TOKENS.supervision, file: TOKENS.supervision, cancel: TOKENS.supervision, verify: TOKENS.supervision,
  sendBack: TOKENS.supervision, close: TOKENS.supervision, dispatch: TOKENS.dispatch, handle: TOKENS.department,
}

/** A distinct client address per request, so per-address rate limits never answer instead of the store. */
let client = 0
const address = () => ({ 'x-forwarded-for': `10.9.${(++client >> 8) & 255}.${client & 255}` })

describe('kill -9 in the middle of batch ingests and case actions', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-chaos-'))
  let server: ServerProcess | undefined

  afterAll(async () => {
    if (server) await killHard(server)
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it(`loses nothing acknowledged and leaves nothing half-written, over ${CYCLES} kills`, { timeout: 120_000 }, async () => {
    server = await startServerProcess(env(dataDir))
    const snapshot = await (await fetch(`${server.url}/api/snapshot`)).json() as WallSnapshot
    const inspectors = snapshot.inspectorInfos.slice(0, INSPECTORS)
    const places = snapshot.areas.filter((a) => a.level === 'grid').map((a) => a.center)
    const [service] = await (await fetch(`${server.url}/open311/v2/services.json`)).json() as { service_code: string }[]

    const batches: Batch[] = []
    const cases: CaseModel[] = []
    const reports: Report[] = []
    const unexpected: string[] = []
    // Unique and in the past: every fix is a new history row, none is refused as from the future.
    let nextAt = Date.now() - 3 * 3600_000
    let reportNo = 0
    const tally = { killedAfterMs: [] as number[], cutBatches: 0, cutActions: 0, cutReports: 0, landed: 0, ackedBatches: 0, ackedActions: 0 }

    async function batchWorker(url: string, stop: { now: boolean }) {
      while (!stop.now) {
        const fixes: Fix[] = Array.from({ length: BATCH_SIZE }, (_, i) => {
          const [lng, lat] = places[(i * 7 + nextAt) % places.length]
          return { inspectorId: inspectors[i % inspectors.length].id, at: nextAt++, lng, lat }
        })
        const body = JSON.stringify({ positions: fixes.map((f) => ({ inspectorId: f.inspectorId, at: f.at, lng: f.lng, lat: f.lat })) })
        let response: Response
        try {
          response = await fetch(`${url}/api/ingest/positions`, { method: 'POST', headers: { ...address(), 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body })
        } catch {
          batches.push({ fixes, state: 'cut' })
          tally.cutBatches++
          return
        }
        // A 200 is the acknowledgement, even if the kill cut the body that followed it.
        const result = await response.json().catch(() => null) as { accepted?: number } | null
        if (response.status !== 200 || (result != null && result.accepted !== BATCH_SIZE)) unexpected.push(`batch answered ${response.status} ${JSON.stringify(result)?.slice(0, 200)}`)
        else batches.push({ fixes, state: 'acked' })
      }
    }

    async function report(url: string): Promise<boolean> {
      const token = `[chaos report ${++reportNo}]`
      const [lng, lat] = places[reportNo % places.length]
      let response: Response
      try {
        response = await fetch(`${url}/open311/v2/requests.json`, {
          method: 'POST', headers: { ...address(), 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
          body: JSON.stringify({ service_code: service.service_code, lat, long: lng, description: token }),
        })
      } catch {
        reports.push({ token, state: 'cut' })
        tally.cutReports++
        return false
      }
      const answer = await response.json().catch(() => null) as { service_request_id: string }[] | null
      if (response.status !== 200) {
        unexpected.push(`report answered ${response.status}`)
        return true
      }
      reports.push({ token, state: 'acked' })
      // Without the body (cut by the kill) the id is unknown; the report is still checked by its text.
      if (answer?.[0]) cases.push({ id: answer[0].service_request_id, step: 'reported', acked: [], cut: null, reworks: 0 })
      return answer != null
    }

    /** Each worker acts on its own cases (index modulo workers), so no two race for one case. */
    async function caseWorker(url: string, worker: number, stop: { now: boolean }) {
      while (!stop.now) {
        const mine = cases.filter((c, i) => i % CASE_WORKERS === worker && nextAction(c) != null)
        if (mine.length < 3) {
          if (!(await report(url))) return
          continue
        }
        const c = mine[Math.floor(Math.random() * mine.length)]
        const action = nextAction(c)!
        let response: Response
        try {
          response = await fetch(`${url}/api/cases/${c.id}/actions`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN_OF[action]}` },
            body: JSON.stringify({ action, ...(action === 'dispatch' ? { department: '区环卫中心' } : {}), note: `chaos ${action}` }),
          })
        } catch {
          c.cut = action
          tally.cutActions++
          return
        }
        const answer = await response.json().catch(() => null) as { step?: CaseStep } | null
        if (response.status !== 200) {
          unexpected.push(`${action} on ${c.id} (${c.step}) answered ${response.status} ${JSON.stringify(answer)?.slice(0, 200)}`)
          continue
        }
        c.acked.push(action)
        c.step = answer?.step ?? TRANSITIONS[action].to
        if (action === 'sendBack') c.reworks++
      }
    }

    /** What the restarted server and its database must show. */
    async function verify(url: string, rows: StoredRows) {
      for (const batch of batches) {
        const present = batch.fixes.filter((f) => {
          const stored = rows.history.get(fixKey(f.inspectorId, f.at))
          return stored != null && stored[0] === f.lng && stored[1] === f.lat
        }).length
        if (batch.state === 'acked') {
          expect(present, 'an acknowledged batch is in history whole').toBe(batch.fixes.length)
          for (const f of batch.fixes) expect(rows.latestAt.get(f.inspectorId)!, 'the latest fix is at least the acknowledged one').toBeGreaterThanOrEqual(f.at)
        } else {
          expect([0, batch.fixes.length], `a batch cut off by the kill is all there or not at all (${present} of ${batch.fixes.length})`).toContain(present)
        }
      }
      for (const [id, stored] of rows.cases) {
        expect(stored.transitions.map((t) => t.seq), `case ${id}: transitions numbered without gaps`).toEqual(stored.transitions.map((_, i) => i))
        expect(stored.transitions[0]?.action, `case ${id}: the report comes first`).toBe('report')
        expect(stored.step, `case ${id}: the case row's step is its last transition's`).toBe(stored.transitions.at(-1)?.step)
      }
      for (const r of reports) {
        const found = [...rows.cases.values()].filter((c) => c.description.includes(r.token)).length
        if (r.state === 'acked') expect(found, `acknowledged report ${r.token} is a case`).toBe(1)
        else expect(found, `report ${r.token} cut off: one case or none`).toBeLessThanOrEqual(1)
      }
      for (const c of cases) {
        const stored = rows.cases.get(c.id)
        expect(stored, `acknowledged case ${c.id}`).toBeDefined()
        const actions = stored!.transitions.slice(1).map((t) => t.action)
        const expected = c.cut ? [[...c.acked], [...c.acked, c.cut]] : [[...c.acked]]
        expect(expected, `case ${c.id}: every acknowledged action, and the cut-off one at most`).toContainEqual(actions)
        // The restarted server shows the same story.
        const detail = await (await fetch(`${url}/api/cases/${c.id}`)).json() as { step: CaseStep; history: { action: string }[] }
        expect(detail.history.map((h) => h.action), `case ${c.id} after the restart`).toEqual(['report', ...actions])
        expect(detail.step).toBe(stored!.step)
      }
    }

    /** After a check, the model takes what the database holds: a cut-off action or report that landed counts from now on. */
    function adopt(rows: StoredRows) {
      for (const c of cases) {
        const stored = rows.cases.get(c.id)!
        const actions = stored.transitions.slice(1).map((t) => t.action as CaseAction)
        if (c.cut && actions.length > c.acked.length) {
          tally.landed++
          c.acked.push(c.cut)
          if (c.cut === 'sendBack') c.reworks++
        }
        c.cut = null
        c.step = stored.step as CaseStep
      }
      // A cut batch that landed is checked as whole from now on; one that did not must never appear, so stays cut.
      for (const batch of batches) {
        if (batch.state === 'cut' && rows.history.has(fixKey(batch.fixes[0].inspectorId, batch.fixes[0].at))) {
          tally.landed++
          batch.state = 'acked'
        }
      }
    }

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const url = server.url
      const stop = { now: false }
      const workers = [
        ...Array.from({ length: BATCH_WORKERS }, () => batchWorker(url, stop)),
        ...Array.from({ length: CASE_WORKERS }, (_, w) => caseWorker(url, w, stop)),
      ]
      const killAfter = 300 + Math.floor(Math.random() * 900)
      tally.killedAfterMs.push(killAfter)
      await new Promise((resolve) => setTimeout(resolve, killAfter))
      await killHard(server)
      stop.now = true
      await Promise.all(workers)

      server = await startServerProcess(env(dataDir))
      expect(unexpected, 'every request before the kill was answered as a valid one should be').toEqual([])
      const rows = readStoredRows(dataDir)
      await verify(server.url, rows)
      adopt(rows)
    }
    tally.ackedBatches = batches.filter((b) => b.state === 'acked').length
    tally.ackedActions = cases.reduce((n, c) => n + c.acked.length, 0)
    console.log(`chaos: ${CYCLES} kills after ${tally.killedAfterMs.join(', ')} ms; ${tally.ackedBatches} batches (${tally.ackedBatches * BATCH_SIZE} positions) `
      + `and ${tally.ackedActions} actions on ${cases.length} cases acknowledged and found; cut off by a kill: ${tally.cutBatches} batches, `
      + `${tally.cutActions} actions, ${tally.cutReports} reports, of which ${tally.landed} landed whole and the rest not at all`)
    // The kills must have landed mid-request, or the test showed nothing about half-writes.
    expect(tally.cutBatches + tally.cutActions + tally.cutReports).toBeGreaterThan(0)
  })
})
