// The device registry as a layer file (DATA_DIR/devices.geojson, and GET /api/devices/layer): GeoJSON
// points, properties id / kind / code / name (+ areaCode, elderAlone for meters, stream for cameras).
// Reading one checks every feature and names the first bad one by index and field; each point must
// lie in a grid, whose community the device belongs to unless areaCode says another community.
import type { CameraStream, DeviceInfo, DeviceLayer, DeviceStatus } from '../contract/devices'
import { DEVICE_KINDS, type DeviceKind } from '../contract/devices'
import type { AreaTree } from '../domain/area-tree'
import { DEVICE_ID_PATTERN } from '../ingest/sensors/parse-reading'

export class DeviceLayerError extends Error {
  constructor(readonly index: number, readonly field: string, message: string) {
    super(`devices feature ${index}: ${field}: ${message}`)
  }
}

/** The community a grid lies in (the nearest ancestor of level community). */
export function communityOf(tree: AreaTree, gridCode: string): string | undefined {
  return tree.pathTo(gridCode).map((c) => tree.get(c)!).reverse().find((a) => a.level === 'community')?.code
}

export function readDeviceLayer(json: unknown, tree: AreaTree): DeviceInfo[] {
  const features = (json as { type?: unknown; features?: unknown } | null)
  if (features?.type !== 'FeatureCollection' || !Array.isArray(features.features)) throw new DeviceLayerError(-1, 'type', 'must be a GeoJSON FeatureCollection')
  const seen = new Set<string>()
  return features.features.map((f: unknown, index: number) => {
    const device = readFeature(f, index, tree)
    if (seen.has(device.id)) throw new DeviceLayerError(index, 'properties.id', `${device.id} appears twice`)
    seen.add(device.id)
    return device
  })
}

function readFeature(f: unknown, index: number, tree: AreaTree): DeviceInfo {
  const fail = (field: string, message: string) => new DeviceLayerError(index, field, message)
  const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> } | null
  const c = feature?.geometry?.type === 'Point' ? feature.geometry.coordinates : null
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number' || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
    throw fail('geometry', 'must be a Point [lng, lat] in WGS-84 degrees')
  }
  const p = feature!.properties ?? {}
  const text = (name: string) => {
    const v = p[name]
    if (typeof v !== 'string' || v.trim() === '') throw fail(`properties.${name}`, 'must be a non-empty string')
    return v.trim()
  }
  const id = text('id')
  if (!DEVICE_ID_PATTERN.test(id)) throw fail('properties.id', 'must be 1–64 of A–Z a–z 0–9 _ . - (it is the last MQTT topic level)')
  const kind = text('kind') as DeviceKind
  if (!DEVICE_KINDS.includes(kind)) throw fail('properties.kind', `must be one of ${DEVICE_KINDS.join(', ')}`)
  const grid = tree.locateGrid([c[0], c[1]])
  if (!grid) throw fail('geometry', `(${c[0]}, ${c[1]}) is in no grid of the district`)
  const areaCode = typeof p.areaCode === 'string' && p.areaCode !== '' ? p.areaCode : communityOf(tree, grid.code)
  if (!areaCode || tree.get(areaCode)?.level !== 'community') throw fail('properties.areaCode', `${areaCode ?? 'nothing'} is not a community of the district`)
  const device: DeviceInfo = { id, kind, code: text('code'), name: text('name'), areaCode, gridCode: grid.code, lng: c[0], lat: c[1] }
  if (kind === 'waterMeter') device.elderAlone = p.elderAlone === true
  if (kind === 'camera') device.stream = readStream(p.stream, fail)
  return device
}

function readStream(value: unknown, fail: (field: string, message: string) => Error): CameraStream {
  const s = value as { type?: unknown; url?: unknown } | null
  if (s?.type !== 'hls' && s?.type !== 'flv') throw fail('properties.stream.type', 'a camera needs stream.type hls or flv')
  if (typeof s.url !== 'string' || !/^(https?:\/\/|\/)/.test(s.url)) throw fail('properties.stream.url', 'must be an http(s) URL or a path on this server')
  return { type: s.type, url: s.url }
}

/** The registry as the layer file (and the map's layer), with each device's status when given. */
export function toDeviceLayer(devices: readonly DeviceInfo[], statusOf?: (id: string) => DeviceStatus): DeviceLayer {
  return {
    type: 'FeatureCollection',
    features: devices.map(({ lng, lat, gridCode: _grid, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: statusOf ? { ...properties, status: statusOf(properties.id) } : properties,
    })),
  }
}
