// A known walk for drill-down tests: an inspector walks east along a line 12 m north of a case
// point (one fix every 10 s, 10 m apart, none abreast of the point), turns, and walks north.
// Every fix goes through the batch API, so the server must store every one (history sampling off).
import type { TrackPoint } from '../../../server/contract/detail'
import type { InspectorInfo, LngLat } from '../../../server/contract/domain'
import { cstDayStart } from '../../../server/domain/china-time'
import type { TestServer } from '../../helpers/start-test-server'

const M_PER_DEG_LAT = 110_574
const STEP_MS = 10_000

export interface KnownTrack {
  info: InspectorInfo
  casePoint: LngLat
  fixes: TrackPoint[]
  /** Index of the turn from east to north. */
  corner: number
}

export async function layKnownTrack(server: TestServer, key: string, info: InspectorInfo): Promise<KnownTrack> {
  const district = server.wall.district
  const casePoint = district.tree.get(info.gridCode)!.center
  const mPerDegLng = 111_320 * Math.cos((casePoint[1] * Math.PI) / 180)
  const at = (east: number, north: number): LngLat => [casePoint[0] + east / mPerDegLng, casePoint[1] + north / M_PER_DEG_LAT]
  const legs = [...Array.from({ length: 31 }, (_, i) => at(-145 + i * 10, 12)), ...Array.from({ length: 10 }, (_, i) => at(155, 22 + i * 10))]
  // Today (CST) and in the past, even when the test runs just after midnight.
  const now = district.clock.now()
  const start = Math.max(cstDayStart(now) + 1_000, now - (legs.length + 2) * STEP_MS)
  const step = Math.min(STEP_MS, Math.floor((now - 1_000 - start) / legs.length))
  const fixes: TrackPoint[] = legs.map(([lng, lat], i) => [lng, lat, start + i * step])
  const response = await fetch(`${server.url}/api/ingest/positions`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ positions: fixes.map(([lng, lat, t]) => ({ deviceId: info.deviceId, lng, lat, at: t })) }),
  })
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}`)
  return { info, casePoint, fixes, corner: 30 }
}
