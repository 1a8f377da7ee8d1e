// Open311 GeoReport v2 (JSON only), mounted at /open311/v2: citizens' apps list the services, post
// requests and follow them. A request becomes a case through reportCase, like every other source.
// Writes (new requests) need a key with the `cases` scope unless OPEN311_PUBLIC_WRITES=true: a public
// endpoint must be a decision, not what happens when no key is configured. Reads need such a key
// when keys are configured. The key is `api_key` in the query or form, or `Authorization: Bearer …`.
// Service discovery stays open.
import { rateLimit } from 'express-rate-limit'
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import { findCategory } from '../../domain/categories'
import type { District } from '../../domain/district'
import { reportCase } from '../../ingest/case-ingest'
import { credentialOf, missingScopeMessage, type AccessConfig } from '../access'
import { scopesOf } from '../integration-keys'
import { Open311Error, open311ErrorHandler, open311NotFound } from './open311-errors'
import { toServiceRequest } from './request-format'
import { parseServiceRequest, type Body } from './request-input'
import { findRequests } from './request-query'
import { serviceDefinition, serviceList, serviceNotice } from './service-list'

const BODY_LIMIT = '64kb'

/** `E0101.json` → `E0101`; an .xml or extension-less name is refused here. */
function jsonName(file: string): string {
  if (file.endsWith('.json')) return file.slice(0, -5)
  if (file.endsWith('.xml')) throw new Open311Error(400, 'format', 'only json is supported')
  throw new Open311Error(404, 'path', `append .json to ${file.slice(0, 40)}`)
}

/** Citizens' apps post a few reports a minute; a flood from one address is refused with a 429. */
function citizenRateLimit() {
  return rateLimit({
    windowMs: 60_000, limit: 60, standardHeaders: 'draft-8', legacyHeaders: false,
    handler: (_req, _res, next) => next(new Open311Error(429, 'rate', 'too many requests from this address; try again in a minute')),
  })
}

/** A key with the `cases` scope, unless this kind of request is open (`isOpen`). */
function requireKey(access: AccessConfig, isOpen: (access: AccessConfig) => boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (isOpen(access)) return next()
    const fromForm = (req.body as Body | undefined)?.api_key
    const key = credentialOf(req) ?? (typeof fromForm === 'string' ? fromForm : undefined)
    const scopes = key == null ? undefined : scopesOf(access.integrationKeys, key)
    if (scopes?.includes('cases')) return next()
    if (scopes) return next(new Open311Error(403, 'api_key', missingScopeMessage('cases')))
    next(new Open311Error(403, 'api_key', access.integrationKeys.length === 0
      ? 'reports need an integration key with the scope "cases" (api_key=… or Authorization: Bearer …); set OPEN311_PUBLIC_WRITES=true to take them from anyone'
      : 'a valid api_key with the scope "cases" is required (api_key=… or Authorization: Bearer …)'))
  }
}

const writesOpen = (access: AccessConfig) => access.open311PublicWrites === true
const readsOpen = (access: AccessConfig) => access.integrationKeys.length === 0

function postRequest(district: District) {
  return (req: Request, res: Response) => {
    if (req.body === undefined && req.get('content-type')) {
      throw new Open311Error(415, 'body', 'send application/x-www-form-urlencoded or application/json')
    }
    const body = (req.body ?? {}) as Body
    if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'body', 'must be a JSON object')
    const input = parseServiceRequest(body)
    const record = reportCase(district, {
      categoryCode: input.category.code, source: 'citizen', lng: input.lng, lat: input.lat,
      description: input.description, actor: input.actor, mediaUrl: input.mediaUrl, reporterContact: input.reporterContact,
    })
    res.json([{ service_request_id: record.id, service_notice: serviceNotice(input.category), account_id: input.accountId }])
  }
}

export function createOpen311Router({ district, access }: { district: District; access: AccessConfig }): Router {
  const router = Router()
  router.use(express.json({ limit: BODY_LIMIT }), express.urlencoded({ extended: true, limit: BODY_LIMIT }))
  router.get('/services.json', (_req, res) => {
    res.json(serviceList())
  })
  router.get('/services/:file', (req, res) => {
    const code = jsonName(String(req.params.file))
    const category = findCategory(code)
    if (!category) throw new Open311Error(404, 'service_code', `unknown service ${code.slice(0, 20)}`)
    res.json(serviceDefinition(category))
  })
  router.post('/requests.json', citizenRateLimit(), requireKey(access, writesOpen), postRequest(district))
  router.get('/requests.json', requireKey(access, readsOpen), (req, res) => {
    res.json(findRequests(district, req.query).map(toServiceRequest))
  })
  router.get('/requests/:file', requireKey(access, readsOpen), (req, res) => {
    const id = jsonName(String(req.params.file))
    const record = district.cases.get(id)
    if (!record) throw new Open311Error(404, 'service_request_id', `no request ${id.slice(0, 40)}`)
    res.json([toServiceRequest(record)])
  })
  router.use(open311NotFound)
  router.use(open311ErrorHandler)
  return router
}
