// Devices of the community screen (issue #13): the registry, the readings each kind sends, the alarms
// that become cases, and the figures of a community's boards. Types and constants only (see README.md).
//
// ── How readings come in ─────────────────────────────────────────────────────────────────────────
// MQTT (MQTT_URL set): topic `wall/{areaCode}/{kind}/{deviceId}`, JSON payload = the kind's reading
//   below without `deviceId`/`kind` (the topic names them), QoS 1, persistent session (clean: false),
//   so readings the broker held while the wall was down arrive after a restart. A message is
//   acknowledged (PUBACK) only after its reading is stored; a bad one is logged with its topic and
//   field, counted, and acknowledged without storing anything (redelivering it cannot make it good).
// HTTP: POST /api/ingest/sensors, header X-Integration-Key with the `sensors` scope (403 without it),
//   body { "readings": [SensorReading, …] } (or a bare array), at most MAX_SENSOR_BATCH. The whole
//   batch is checked first: any bad item → 400 { error, rejected: [{ index, field, message }] } and
//   nothing is stored; else every reading is stored in one transaction before the 200 { accepted, duplicates }.
// A reading is keyed by (deviceId, at): a redelivered or re-posted reading is a duplicate, not counted twice.
//
// ── Routes ───────────────────────────────────────────────────────────────────────────────────────
// GET  /api/devices                      → DeviceList (registry + live state of every device)
// GET  /api/devices/layer                → DeviceLayer (GeoJSON points; the map's 设备 / 摄像头 layer)
// GET  /api/communities/{code}/board     → CommunityBoard (404 for a code that is not a community)
// POST /api/ingest/sensors               → see above
// The registry is DATA_DIR/devices.geojson when present (a DeviceLayer-shaped file, checked like the
// other layer files), else the demo devices generated for the demo district from the seed.
//
// ── Socket events (server → wall) ────────────────────────────────────────────────────────────────
// 'devices:status'  (changes: DeviceLive[])     devices whose online state or alarm changed (reliable)
// 'board:updated'   (board: CommunityBoard)     to walls focused on that community (its scope room), ≤ 1/s
// 'alarms:changed'  (alarms: DeviceAlarm[])     alarms raised or cleared, district-wide (reliable)
import type { EpochMs, InspectorStatus } from './domain'

/**
 * gate 人员进出 (a door/gate people counter), vehicle 车辆进出 (a barrier camera: counts only, never plates),
 * trampling 绿地踩踏 (a camera counting people on a lawn), waterMeter 智能水表, smoke 烟感,
 * manhole 井盖位移, flood 积水, camera 视频监控 (a stream, no readings but a heartbeat).
 */
export type DeviceKind = 'gate' | 'vehicle' | 'trampling' | 'waterMeter' | 'smoke' | 'manhole' | 'flood' | 'camera'

export const DEVICE_KINDS: readonly DeviceKind[] = ['gate', 'vehicle', 'trampling', 'waterMeter', 'smoke', 'manhole', 'flood', 'camera']

/** Kinds whose reading is a state (alarm / normal) rather than a count. */
export const ALARM_KINDS: readonly DeviceKind[] = ['smoke', 'manhole', 'flood']

/** What a GB/T 28181 platform's web gateway serves for a camera. */
export interface CameraStream {
  type: 'hls' | 'flv'
  url: string
}

/** A device as registered: where it is and what it is. */
export interface DeviceInfo {
  /** The id it reports with (MQTT topic's last level, HTTP `deviceId`). [A-Za-z0-9_.-]{1,64}. */
  id: string
  kind: DeviceKind
  /** The asset code on its label (设备编码), shown in the drawer. */
  code: string
  name: string
  /** The community (社区) it belongs to: a 12-digit community code of the area tree. */
  areaCode: string
  /** The grid its point lies in (derived from the point; the case an alarm opens goes there). */
  gridCode: string
  /** WGS-84. */
  lng: number
  lat: number
  /** waterMeter only: the household is an elder living alone (独居老人), so long silence of use raises a care alarm. */
  elderAlone?: boolean
  /** camera only. */
  stream?: CameraStream
}

/** online / stale / offline by silence, like inspectors (DEVICE_STALE_MS, DEVICE_OFFLINE_MS). */
export type DeviceStatus = InspectorStatus

export interface DeviceLive {
  id: string
  status: DeviceStatus
  /** Time of the last reading (its own `at`), null if it never reported. */
  lastAt: EpochMs | null
  /** The alarm open on this device, if any. */
  alarm: DeviceAlarm | null
}

// ── Readings ─────────────────────────────────────────────────────────────────────────────────────

interface ReadingBase {
  deviceId: string
  /** Epoch ms, or an ISO 8601 string with an offset. Not more than 5 min in the future. */
  at: EpochMs
}
/** People through the gate since the device's previous reading (integers ≥ 0). */
export interface GateReading extends ReadingBase { kind: 'gate'; in: number; out: number }
/** Vehicles through the barrier since the previous reading. A `plate` field, if a platform sends one, is dropped unread. */
export interface VehicleReading extends ReadingBase { kind: 'vehicle'; in: number; out: number }
/** People detected on the lawn since the previous reading. */
export interface TramplingReading extends ReadingBase { kind: 'trampling'; detections: number }
/** The meter's register: cumulative m³ (never decreasing; a decrease is refused). */
export interface WaterMeterReading extends ReadingBase { kind: 'waterMeter'; totalM3: number }
/** A state reading: alarm true raises (or keeps) the device's alarm, false clears it. `value` in the kind's unit. */
export interface StateReading extends ReadingBase {
  kind: 'smoke' | 'manhole' | 'flood'
  alarm: boolean
  /** smoke: obscuration %/m; manhole: tilt in degrees; flood: water depth in cm. Optional. */
  value?: number
}
export interface CameraHeartbeat extends ReadingBase { kind: 'camera' }

export type SensorReading = GateReading | VehicleReading | TramplingReading | WaterMeterReading | StateReading | CameraHeartbeat

/** The unit of StateReading.value per kind, as the board writes it. */
export const STATE_VALUE_UNIT: Record<StateReading['kind'], string> = { smoke: '%/m', manhole: '°', flood: 'cm' }

export const MAX_SENSOR_BATCH = 5_000

// ── Alarms ───────────────────────────────────────────────────────────────────────────────────────

/** smoke / manhole / flood follow the device's state; care = 独居老人 meter with no use for CARE_SILENCE_HOURS. */
export type AlarmRule = 'smoke' | 'manhole' | 'flood' | 'care'

export interface DeviceAlarm {
  deviceId: string
  rule: AlarmRule
  raisedAt: EpochMs
  /** Set when the reading returned to normal; the case stays open until an operator closes it. */
  clearedAt: EpochMs | null
  /** The case it opened (source 物联感知 'iot'); one per device while that case is open. */
  caseId: string
  /** The rule in words, as written in the case's story, e.g. "井盖倾斜 18°（井盖位移告警）". */
  text: string
}

// ── The community's boards ───────────────────────────────────────────────────────────────────────

/** In / out today and per hour of today (24 values, China Standard Time). */
export interface InOutFigures {
  in: number
  out: number
  hourlyIn: number[]
  hourlyOut: number[]
}

export interface WaterMeterFigure {
  deviceId: string
  name: string
  /** Litres used today (from the cumulative register, the day's first reading or yesterday's last as the base). */
  todayLitres: number
  elderAlone: boolean
  /** Time the register last moved, null if never seen moving. */
  lastUseAt: EpochMs | null
}

export interface CommunityBoard {
  communityCode: string
  /** yyyy-MM-dd (CST) the "today" figures belong to. */
  day: string
  /** When these figures were computed. */
  at: EpochMs
  /** 人员进出: all gates, and per gate. */
  people: InOutFigures & { gates: { deviceId: string; name: string; in: number; out: number }[] }
  /** 车辆进出: counts only. */
  vehicles: InOutFigures
  /** 绿地踩踏: detections today and per hour. */
  trampling: { today: number; hourly: number[] }
  /** 智能水表. */
  water: { todayLitres: number; meters: WaterMeterFigure[] }
  /** Alarms not yet cleared, and those cleared today, newest first. */
  alarms: DeviceAlarm[]
  /** Devices per kind by status (kinds the community has). */
  devices: Partial<Record<DeviceKind, Record<DeviceStatus, number>>>
  /** The community's cameras, for the video wall tiles. */
  cameras: { id: string; name: string; stream: CameraStream; status: DeviceStatus }[]
}

export interface DeviceList {
  devices: DeviceInfo[]
  live: DeviceLive[]
}

/** The layer file and GET /api/devices/layer: GeoJSON points, properties = DeviceInfo without lng/lat/gridCode. */
export interface DeviceLayer {
  type: 'FeatureCollection'
  features: {
    type: 'Feature'
    geometry: { type: 'Point'; coordinates: [number, number] }
    properties: Omit<DeviceInfo, 'lng' | 'lat' | 'gridCode'> & { status?: DeviceStatus }
  }[]
}
