// Which inspector a reporting device belongs to. Unknown devices are refused unless automatic
// registration is on (INGEST_REGISTER_UNKNOWN, off by default, as Traccar's server offers).
import gcoord from 'gcoord'
import type { DeviceFix } from './osmand/device-fix'
import { InvalidInputError, validatePosition, type PositionInput, type PositionIntake } from './position-ingest'

export class UnknownDeviceError extends Error {
  constructor(readonly deviceId: string, readonly field: string) {
    super(`${field}: unknown device ${deviceId} (register it, or start the server with INGEST_REGISTER_UNKNOWN=true)`)
    this.name = 'UnknownDeviceError'
  }
}

export function toPositionInput(intake: PositionIntake, fix: DeviceFix, registerUnknown: boolean, idField = 'id'): PositionInput {
  const [lng, lat] = fix.crs === 'GCJ02' ? toWgs84(fix.lng, fix.lat) : [fix.lng, fix.lat]
  // Impossible coordinates are a 400 whoever sends them; only a well-formed fix is matched to a device.
  validatePosition({ inspectorId: 0, lng, lat, at: fix.at, heading: fix.heading })
  const inspectorId = intake.district.inspectors.idOfDevice(fix.deviceId) ?? (registerUnknown ? register(intake, fix.deviceId, lng, lat) : undefined)
  if (inspectorId == null) throw new UnknownDeviceError(fix.deviceId, idField)
  return { inspectorId, lng, lat, at: fix.at, heading: fix.heading, speed: fix.speed, accuracy: fix.accuracy, battery: fix.battery, attributes: fix.attributes }
}

/** Converted once at the edge; everything inside is WGS-84. */
function toWgs84(lng: number, lat: number): [number, number] {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return [lng, lat]
  return gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number]
}

function register(intake: PositionIntake, deviceId: string, lng: number, lat: number): number {
  const { district, store } = intake
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw new InvalidInputError('lat', 'a new device needs a valid first position')
  const id = Math.max(0, ...district.inspectors.allInfos().map((i) => i.id)) + 1
  const grid = district.tree.locateGrid([lng, lat]) ?? district.tree.root
  const info = { id, deviceId, name: deviceId, gridCode: grid.code }
  store.saveInspector(info)
  district.inspectors.register(info)
  return id
}
