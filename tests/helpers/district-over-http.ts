// What a test needs to know of a running server's district, read as any client would: through
// GET /api/snapshot (with the wall token when one is set).
import type { WallSnapshot } from '../../server/contract/domain'

export interface DistrictView {
  snapshot: WallSnapshot
  deviceIds: string[]
  inspectorIds: number[]
  /** Every area code (district, streets, communities, grids). */
  areaCodes: string[]
  /** A point inside a grid of the district: [lng, lat]. */
  gridCenters: [number, number][]
}

export async function readDistrict(url: string, wallToken?: string): Promise<DistrictView> {
  const response = await fetch(`${url}/api/snapshot`, { headers: wallToken ? { authorization: `Bearer ${wallToken}` } : {} })
  if (!response.ok) throw new Error(`GET /api/snapshot answered ${response.status}`)
  const snapshot = await response.json() as WallSnapshot
  return {
    snapshot,
    deviceIds: snapshot.inspectorInfos.map((i) => i.deviceId),
    inspectorIds: snapshot.inspectorInfos.map((i) => i.id),
    areaCodes: snapshot.areas.map((a) => a.code),
    gridCenters: snapshot.areas.filter((a) => a.level === 'grid').map((a) => a.center),
  }
}
