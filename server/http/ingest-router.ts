// Positions from the field: the OsmAnd / Traccar Client protocol for phones (a registered device id
// is their credential, as in Traccar) and a JSON batch API for integrators (an integration key).
import express, { Router, type Request, type Response } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { assertWayIn, ENROLMENT_PARAM, type EnrolmentRules } from '../ingest/device-enrolment'
import type { DeviceFix } from '../ingest/osmand/device-fix'
import { parseOsmandParams } from '../ingest/osmand/parse-osmand-params'
import { parseTraccarJson } from '../ingest/osmand/parse-traccar-json'
import { ingestPosition, InvalidInputError, type PositionIntake } from '../ingest/position-ingest'
import { toPositionInput, UnknownDeviceError } from '../ingest/resolve-device'
import type { WallStore } from '../store/wall-store'
import { requireIntegrationKey, sendError, type AccessConfig } from './access'
import { registrationOf } from './enrolment-key'
import { batchHandler } from './ingest-batch'
import { bodyErrors } from './body-errors'

export interface IngestRouterOptions {
  intake: PositionIntake
  access: AccessConfig
  /** Who may register an unknown device on its first fix; null: nobody (INGEST_REGISTER_UNKNOWN off). */
  registration: EnrolmentRules | null
  store: WallStore
}

const WINDOW_MS = 10_000
/** A phone reports every few seconds: 20 fixes in 10 s from one device is already a fault or a flood. */
export const FIXES_PER_DEVICE = 20
/** Phones behind one carrier NAT share an address, so the address alone is bounded only against floods. */
export const REQUESTS_PER_ADDRESS = 2_000

export function createIngestRouter(options: IngestRouterOptions): Router {
  const router = Router()
  const { intake, access, registration } = options
  if (registration) assertWayIn(registration)
  const perAddress = (limit: number) => rateLimit({
    windowMs: WINDOW_MS, limit, standardHeaders: 'draft-8', legacyHeaders: false,
    handler: (_req, res) => sendError(res, 429, 'rate_limited', `more than ${limit} requests in ${WINDOW_MS / 1000} s from this address; slow down`),
  })
  // Keyed by the device, so it runs after the body is parsed (the id may be in the body).
  const perDevice = rateLimit({
    windowMs: WINDOW_MS, limit: FIXES_PER_DEVICE, standardHeaders: 'draft-8', legacyHeaders: false,
    identifier: 'device',
    keyGenerator: (req) => {
      const device = deviceIdOf(req)
      return device ? `device:${device.id}` : `address:${ipKeyGenerator(req.ip ?? '')}`
    },
    handler: (req, res) => {
      const device = deviceIdOf(req)
      sendError(res, 429, 'rate_limited', `${device ? `device ${device.id}` : 'this address'} sent more than ${FIXES_PER_DEVICE} fixes in ${WINDOW_MS / 1000} s; report every few seconds`, device?.field)
    },
  })

  router.all('/osmand', perAddress(REQUESTS_PER_ADDRESS), express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '64kb' }), perDevice, (req, res) => {
    try {
      const fix = readDeviceFix(req, intake.district.clock.now())
      const json = req.is('application/json')
      // The fix's time is named as the client sent it (a phone's wrong clock is refused by it).
      ingestPosition(intake, toPositionInput(intake, fix, registrationOf(req, registration), json ? 'device_id' : 'id'), json ? 'location.timestamp' : 'timestamp')
      res.status(200).end()
    } catch (error) {
      answerIngestError(res, error)
    }
  })
  router.post('/positions', perAddress(100), requireIntegrationKey(access, 'positions'), express.json({ limit: '4mb' }), batchHandler(intake, registration))
  router.use(bodyErrors)
  return router
}

/** The device a request reports for, as the protocol names it: `id`/`deviceid` (OsmAnd) or `device_id` (Traccar JSON). */
function deviceIdOf(req: Request): { id: string; field: string } | null {
  const body = req.body && typeof req.body === 'object' ? req.body as Record<string, unknown> : {}
  for (const [field, value] of [['id', req.query.id], ['deviceid', req.query.deviceid], ['id', body.id], ['deviceid', body.deviceid], ['device_id', body.device_id]] as const) {
    if (typeof value === 'string' && value.trim() !== '') return { id: value.trim().slice(0, 100), field: field === 'deviceid' ? 'id' : field }
  }
  return null
}

function readDeviceFix(req: Request, now: number): DeviceFix {
  if (req.is('application/json')) return parseTraccarJson(req.body, now)
  const body = req.body && typeof req.body === 'object' ? req.body as Record<string, unknown> : {}
  // Traccar reads the query string, and falls back to the body when the query is empty.
  const params: Record<string, unknown> = Object.keys(req.query).length > 0 ? { ...body, ...req.query } : { ...body }
  // The enrolment key is a credential, not something the phone measured: it is not kept as an attribute.
  delete params[ENROLMENT_PARAM]
  return parseOsmandParams(params, now)
}

export function answerIngestError(res: Response, error: unknown): void {
  if (error instanceof UnknownDeviceError) return sendError(res, 403, error.code, error.message, error.field)
  if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_position', error.message, error.field)
  throw error
}
