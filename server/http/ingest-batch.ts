// POST /api/ingest/positions: up to 10,000 positions a request, for integrators. Each item is
// checked on its own; the valid ones land, the rest are reported by index with the field at fault.
import type { Request, Response } from 'express'
import type { EnrolmentRules } from '../ingest/device-enrolment'
import { requiredNumber, optionalNumber } from '../ingest/osmand/parse-osmand-params'
import { parseTimestamp } from '../ingest/osmand/parse-timestamp'
import { ingestPositions, InvalidInputError, type PositionInput, type PositionIntake, type PositionRejection } from '../ingest/position-ingest'
import { toPositionInput, UnknownDeviceError, type Registration } from '../ingest/resolve-device'
import { sendError } from './access'
import { registrationOf } from './enrolment-key'

export const MAX_BATCH = 10_000

/** `registration` null: unknown devices are refused; else they register with the X-Enrolment-Key header. */
export function batchHandler(intake: PositionIntake, registration: EnrolmentRules | null) {
  return (req: Request, res: Response) => {
    const items = Array.isArray(req.body) ? req.body : (req.body as { positions?: unknown } | undefined)?.positions
    if (!Array.isArray(items)) return sendError(res, 400, 'invalid_batch', 'the body must be { "positions": [...] } or an array', 'positions')
    if (items.length > MAX_BATCH) return sendError(res, 413, 'batch_too_large', `at most ${MAX_BATCH} positions a request, got ${items.length}`, 'positions')
    const now = intake.district.clock.now()
    const enrolment = registrationOf(req, registration)
    const inputs: PositionInput[] = []
    const indexOf: number[] = []
    /** Each item's time field as the client named it (`at` or `timestamp`), for a fix refused by its time. */
    const atFieldOf: string[] = []
    const rejected: PositionRejection[] = []
    items.forEach((item, index) => {
      try {
        inputs.push(readItem(intake, item, now, enrolment))
        indexOf.push(index)
        atFieldOf.push(atField(item as Record<string, unknown>))
      } catch (error) {
        if (!(error instanceof InvalidInputError || error instanceof UnknownDeviceError)) throw error
        rejected.push({ index, field: error.field, message: error.message })
      }
    })
    const result = ingestPositions(intake, inputs)
    for (const r of result.rejected) {
      const field = r.field === 'at' ? atFieldOf[r.index] : r.field
      rejected.push({ index: indexOf[r.index], field, message: r.message.replace(`${r.field}: `, `${field}: `) })
    }
    res.status(result.accepted > 0 || items.length === 0 ? 200 : 400).json({ accepted: result.accepted, rejected: rejected.sort((a, b) => a.index - b.index) })
  }
}

function readItem(intake: PositionIntake, item: unknown, now: number, registration: Registration | null): PositionInput {
  if (item == null || typeof item !== 'object') throw new InvalidInputError('item', 'must be an object')
  const p = item as Record<string, unknown>
  const lng = requiredNumber(p.lng ?? p.lon, p.lng != null ? 'lng' : 'lon')
  const lat = requiredNumber(p.lat, 'lat')
  const at = parseTimestamp(p.at ?? p.timestamp, atField(p), now)
  const common = { lng, lat, at, heading: optionalNumber(p.heading, 'heading'), speed: optionalNumber(p.speed, 'speed'), accuracy: optionalNumber(p.accuracy, 'accuracy'), battery: optionalNumber(p.battery, 'battery') }
  if (typeof p.deviceId === 'string' && p.deviceId !== '') {
    const crs = typeof p.crs === 'string' && p.crs.toLowerCase() === 'gcj02' ? 'GCJ02' : 'WGS84'
    return toPositionInput(intake, { ...common, deviceId: p.deviceId, attributes: {}, crs }, registration, 'deviceId')
  }
  if (typeof p.inspectorId === 'number') return { ...common, inspectorId: p.inspectorId }
  throw new InvalidInputError('deviceId', 'each position needs a deviceId (or an inspectorId)')
}

const atField = (p: Record<string, unknown>) => (p.at != null ? 'at' : 'timestamp')
