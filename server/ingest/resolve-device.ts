// Which inspector a reporting device belongs to. Unknown devices are refused unless automatic
// registration is on (INGEST_REGISTER_UNKNOWN, off by default, as Traccar's server offers) and the
// device may enrol (server/ingest/device-enrolment.ts).
import gcoord from 'gcoord'
import { enrolmentRefusal, SELF_REGISTERED_META, type EnrolmentRules, type Refusal } from './device-enrolment'
import type { DeviceFix } from './osmand/device-fix'
import { InvalidInputError, validatePosition, type PositionInput, type PositionIntake } from './position-ingest'

export class UnknownDeviceError extends Error {
  readonly code: 'unknown_device' | Refusal['code']
  constructor(readonly deviceId: string, readonly field: string, refusal?: Refusal) {
    super(refusal?.message ?? `${field}: unknown device ${deviceId} (register it, or start the server with INGEST_REGISTER_UNKNOWN=true)`)
    this.name = 'UnknownDeviceError'
    this.code = refusal?.code ?? 'unknown_device'
  }
}

/** How an unknown device may register on this request: the rules, and the enrolment key it presented. */
export interface Registration {
  rules: EnrolmentRules
  presentedKey: string | undefined
  /** The name the request used for the key (`enrol`), for the refusal. */
  keyField: string
}

/** `registration` null: registration is off, an unknown device is refused. */
export function toPositionInput(intake: PositionIntake, fix: DeviceFix, registration: Registration | null, idField = 'id'): PositionInput {
  const [lng, lat] = fix.crs === 'GCJ02' ? toWgs84(fix.lng, fix.lat) : [fix.lng, fix.lat]
  // Impossible coordinates are a 400 whoever sends them; only a well-formed fix is matched to a device.
  validatePosition({ inspectorId: 0, lng, lat, at: fix.at, heading: fix.heading })
  const inspectorId = intake.district.inspectors.idOfDevice(fix.deviceId) ?? (registration ? register(intake, fix.deviceId, lng, lat, registration, idField) : undefined)
  if (inspectorId == null) throw new UnknownDeviceError(fix.deviceId, idField)
  return { inspectorId, lng, lat, at: fix.at, heading: fix.heading, speed: fix.speed, accuracy: fix.accuracy, battery: fix.battery, attributes: fix.attributes }
}

/** Converted once at the edge; everything inside is WGS-84. */
function toWgs84(lng: number, lat: number): [number, number] {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return [lng, lat]
  return gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number]
}

function register(intake: PositionIntake, deviceId: string, lng: number, lat: number, registration: Registration, idField: string): number {
  const { district, store } = intake
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw new InvalidInputError('lat', 'a new device needs a valid first position')
  const registered = Number(store.getMeta(SELF_REGISTERED_META) ?? 0)
  const refusal = enrolmentRefusal(registration.rules, deviceId, registration.presentedKey, registered, { id: idField, enrol: registration.keyField })
  if (refusal) throw new UnknownDeviceError(deviceId, refusal.field, refusal)
  const id = district.inspectors.maxId() + 1
  const grid = district.tree.locateGrid([lng, lat]) ?? district.tree.root
  const info = { id, deviceId, name: deviceId, gridCode: grid.code }
  // The count moves with the inspector, so a restart neither forgets it nor counts one twice.
  store.transaction(() => {
    store.saveInspector(info)
    store.setMeta(SELF_REGISTERED_META, String(registered + 1))
  })
  district.inspectors.register(info)
  return id
}
