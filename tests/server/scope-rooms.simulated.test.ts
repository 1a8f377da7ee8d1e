// Scoped figures under load: the simulator moves cases all the time, and a focused wall's figures
// still agree with what GET /api/snapshot shows for the same grid.
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WallSnapshot } from '../../server/contract/domain'
import { startTestServer, type TestServer } from '../helpers/start-test-server'
import { nextEvent } from '../helpers/wait-for'
import { nextScope } from './helpers/next-scope'

describe('scoped figures with the simulator running', () => {
  let server: TestServer
  let socket: Socket

  beforeAll(async () => {
    server = await startTestServer()
    socket = io(server.url, { transports: ['websocket'], forceNew: true })
    await nextEvent<WallSnapshot>(socket, 'wall:snapshot')
  })

  afterAll(async () => {
    socket?.disconnect()
    await server?.stop()
  })

  it("counts the busiest grid's open cases as the snapshot does", { timeout: 20_000 }, async () => {
    const openIn = (s: WallSnapshot, code: string) => s.cases.filter((c) => c.gridCode === code).length
    const snapshot = async () => (await (await fetch(`${server.url}/api/snapshot`)).json()) as WallSnapshot
    const first = await snapshot()
    const [code] = Object.entries(first.stats.gridLoad).sort((a, b) => b[1].open - a[1].open)[0]
    // Cases move all the time here: compare only when the grid did not change around the answer.
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = openIn(await snapshot(), code)
      const answer = nextScope(socket, code)
      socket.emit('wall:focus', code)
      const detail = await answer
      if (openIn(await snapshot(), code) !== before) continue
      expect(detail.stats.openTotal).toBe(before)
      expect(detail.stats.openTotal).toBeGreaterThan(0)
      const { online, stale, offline } = detail.stats.inspectors
      expect(online + stale + offline).toBe(first.inspectorInfos.filter((i) => i.gridCode === code).length)
      // Most urgent first: the most overdue lead (most negative), then the least time left.
      const left = detail.cases.map((c) => c.remainingWorkMinutes!)
      expect(left.every((m, i) => i === 0 || m >= left[i - 1])).toBe(true)
      return
    }
    throw new Error(`grid ${code} kept changing`)
  })
})
