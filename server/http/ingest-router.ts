// Positions from the field: the OsmAnd / Traccar Client protocol for phones (a registered device id
// is their credential, as in Traccar) and a JSON batch API for integrators (an integration key).
import express, { Router, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { DeviceFix } from '../ingest/osmand/device-fix'
import { parseOsmandParams } from '../ingest/osmand/parse-osmand-params'
import { parseTraccarJson } from '../ingest/osmand/parse-traccar-json'
import { ingestPosition, InvalidInputError, type PositionIntake } from '../ingest/position-ingest'
import { toPositionInput, UnknownDeviceError } from '../ingest/resolve-device'
import type { WallStore } from '../store/wall-store'
import { requireIntegrationKey, sendError, type AccessConfig } from './access'
import { batchHandler } from './ingest-batch'
import { bodyErrors } from './body-errors'

export interface IngestRouterOptions {
  intake: PositionIntake
  access: AccessConfig
  registerUnknown: boolean
  store: WallStore
}

export function createIngestRouter(options: IngestRouterOptions): Router {
  const router = Router()
  const { intake, access, registerUnknown } = options
  // A phone reports every few seconds; far more than that from one source is a fault or an attack.
  const perSource = (limit: number) => rateLimit({ windowMs: 10_000, limit, standardHeaders: 'draft-8', legacyHeaders: false })

  router.all('/osmand', perSource(50), express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '64kb' }), (req, res) => {
    try {
      const fix = readDeviceFix(req, intake.district.clock.now())
      const json = req.is('application/json')
      ingestPosition(intake, toPositionInput(intake, fix, registerUnknown, json ? 'device_id' : 'id'), json ? 'location.timestamp' : 'timestamp')
      res.status(200).end()
    } catch (error) {
      answerIngestError(res, error)
    }
  })
  router.post('/positions', perSource(100), requireIntegrationKey(access, 'positions'), express.json({ limit: '4mb' }), batchHandler(intake, registerUnknown))
  router.use(bodyErrors)
  return router
}

function readDeviceFix(req: Request, now: number): DeviceFix {
  if (req.is('application/json')) return parseTraccarJson(req.body, now)
  const body = req.body && typeof req.body === 'object' ? req.body as Record<string, unknown> : {}
  // Traccar reads the query string, and falls back to the body when the query is empty.
  return parseOsmandParams(Object.keys(req.query).length > 0 ? { ...body, ...req.query } : body, now)
}

export function answerIngestError(res: Response, error: unknown): void {
  if (error instanceof UnknownDeviceError) return sendError(res, 403, 'unknown_device', error.message, error.field)
  if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_position', error.message, error.field)
  throw error
}
