// POST /api/ingest/sensors: IoT platforms' push callbacks, a batch of readings with an integration key
// of scope `sensors`. All or nothing: one bad reading refuses the batch (400, every bad one listed by
// index and field), so a platform that retries the corrected batch never doubles what was stored;
// a good batch is committed before the 200 (a re-post is answered as duplicates, stored once).
import express, { Router } from 'express'
import { MAX_SENSOR_BATCH } from '../contract/devices'
import { ingestReadings, type SensorIntake } from '../ingest/sensors/sensor-intake'
import { requireIntegrationKey, sendError, type AccessConfig } from './access'
import { bodyErrors } from './body-errors'

export function createSensorsRouter(intake: SensorIntake, access: AccessConfig): Router {
  const router = Router()
  router.post('/', requireIntegrationKey(access, 'sensors'), express.json({ limit: '4mb' }), async (req, res) => {
    const items = Array.isArray(req.body) ? req.body : (req.body as { readings?: unknown } | undefined)?.readings
    if (!Array.isArray(items)) return sendError(res, 400, 'invalid_batch', 'the body must be { "readings": [...] } or an array', 'readings')
    if (items.length > MAX_SENSOR_BATCH) return sendError(res, 413, 'batch_too_large', `at most ${MAX_SENSOR_BATCH} readings a request, got ${items.length}`, 'readings')
    const result = await ingestReadings(intake, items)
    if (!result.ok) {
      const first = result.rejected[0]
      res.status(400).json({
        error: { code: 'invalid_reading', message: `readings[${first.index}].${first.message}; ${result.rejected.length} of ${items.length} refused, nothing stored`, field: `readings[${first.index}].${first.field}` },
        rejected: result.rejected,
      })
      return
    }
    res.json({ accepted: result.accepted, duplicates: result.duplicates })
  })
  router.use(bodyErrors)
  return router
}
