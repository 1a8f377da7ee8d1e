// The devices for walls: GET /api/devices (registry + live state), /api/devices/layer (GeoJSON points
// for the map, cameras with their streams), /api/devices/intake (readings stored, duplicates, refusals
// by field) and /api/communities/{code}/board (a community's board figures, today).
import { Router } from 'express'
import type { DeviceList } from '../contract/devices'
import { buildCommunityBoard } from '../devices/community-board'
import { toDeviceLayer } from '../devices/device-layer'
import type { SensorIntake } from '../ingest/sensors/sensor-intake'
import { requireWallToken, sendError, type AccessConfig } from './access'

export function createDevicesRouter(intake: SensorIntake, access: AccessConfig): Router {
  const router = Router()
  const { registry, district, store } = intake
  router.use(['/api/devices', '/api/communities'], requireWallToken(access))
  router.get('/api/devices', (_req, res) => {
    const devices = registry.all()
    res.json({ devices, live: devices.map((d) => registry.live(d.id)) } satisfies DeviceList)
  })
  router.get('/api/devices/layer', (_req, res) => {
    res.type('application/geo+json').send(JSON.stringify(toDeviceLayer(registry.all(), (id) => registry.status(id))))
  })
  router.get('/api/devices/intake', async (_req, res) => {
    res.json({ ...intake.counters, stored: await store.devices.countReadings() })
  })
  router.get('/api/communities/:code/board', async (req, res) => {
    const code = String(req.params.code)
    if (district.tree.get(code)?.level !== 'community') return sendError(res, 404, 'not_a_community', `${code} is not a community of the district`, 'code')
    res.json(await buildCommunityBoard(code, registry, store.devices, district.clock.now()))
  })
  return router
}
