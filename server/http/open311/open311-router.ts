// Open311 GeoReport v2, mounted at /open311/v2, in XML (the spec's required format, and the only one
// FixMyStreet reads) and JSON, chosen by the path's extension: citizens' apps list the services, post
// requests and follow them. A request becomes a case through reportCase, like every other source.
// Who may call what is open311-keys.ts; jurisdiction_id is checked on every call (jurisdiction.ts).
// FixMyStreet appends paths to its endpoint setting as they are (Open311.pm:610-611), so that setting
// must end in /open311/v2/.
import { rateLimit } from 'express-rate-limit'
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import { findCategory } from '../../domain/categories'
import type { District } from '../../domain/district'
import { reportCase } from '../../ingest/case-ingest'
import type { AccessConfig } from '../access'
import { discovery } from './discovery'
import { formatOf, sendList, sendObject } from './format'
import { checkJurisdiction } from './jurisdiction'
import { DEFAULT_OPEN311_SETTINGS, type Open311Settings } from './open311-config'
import { Open311Error, open311ErrorHandler, open311NotFound } from './open311-errors'
import { hasCasesKey, open311Keys } from './open311-keys'
import { toServiceRequest } from './request-format'
import { parseServiceRequest, type Body } from './request-input'
import { findRequest, findRequests } from './request-query'
import { serviceDefinition, serviceList, serviceNotice } from './service-list'
import { tokenNotFound } from './tokens'
import { postRequestUpdate, type UpdatePostStore } from './update-post'
import { getRequestUpdates, type UpdatesStore } from './updates-query'

const BODY_LIMIT = '64kb'

/** `/services.xml` and `/services.json`: a top-level resource in both formats. */
const both = (name: string) => [`/${name}.xml`, `/${name}.json`]

/**
 * Citizens' apps post a few reports a minute; a flood from one address is refused with a 429. A call
 * with a valid `cases` key is an integration, not a citizen: FixMyStreet's send-reports and
 * send-comments post everything pending from one server every 5 minutes, and a 429 would make it back
 * off for 30 minutes (PostServiceRequestUpdates.pm:152-165).
 */
function citizenRateLimit(access: AccessConfig) {
  return rateLimit({
    windowMs: 60_000, limit: 60, standardHeaders: 'draft-8', legacyHeaders: false,
    skip: (req) => hasCasesKey(access, req),
    handler: (_req, _res, next) => next(new Open311Error(429, 'rate', 'too many requests from this address; try again in a minute')),
  })
}

/** The format of a top-level path (`/requests.xml`), of `:file` otherwise. */
const formatOfPath = (req: Request) => formatOf(req.path.slice(1)).format

/** A body no parser took (multipart, text…) is a 415 before the key is looked for: its api_key is unreadable too. */
function requireReadableBody(req: Request, _res: Response, next: NextFunction) {
  if (req.body === undefined && req.get('content-type')) {
    return next(new Open311Error(415, 'body', 'send application/x-www-form-urlencoded or application/json'))
  }
  next()
}

function postRequest(district: District) {
  return (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Body
    if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'body', 'must be a JSON object')
    const input = parseServiceRequest(body)
    const record = reportCase(district, {
      categoryCode: input.category.code, source: 'citizen', lng: input.lng, lat: input.lat,
      description: input.description, actor: input.actor, mediaUrl: input.mediaUrl, reporterContact: input.reporterContact,
      mediaUrls: input.mediaUrls, attributes: input.attributes, address: input.address,
    })
    // The id at once and no token (tokens.ts); account_id null is the spec's empty <account_id/>.
    sendList(res, formatOfPath(req), 'service_requests', 'request', [
      { service_request_id: record.id, service_notice: serviceNotice(input.category), account_id: input.accountId },
    ])
  }
}

export interface Open311RouterOptions {
  district: District
  access: AccessConfig
  /** OPEN311_JURISDICTION, OPEN311_CONTACT, OPEN311_READ; their defaults when left out. */
  settings?: Open311Settings
  /** Where servicerequestupdates reads case histories and remembers clients' update ids. */
  store?: UpdatesStore & UpdatePostStore
}

export function createOpen311Router({ district, access, settings = DEFAULT_OPEN311_SETTINGS, store }: Open311RouterOptions): Router {
  const router = Router()
  const keys = open311Keys(access, settings)
  router.use(express.json({ limit: BODY_LIMIT }), express.urlencoded({ extended: true, limit: BODY_LIMIT }))
  router.use(checkJurisdiction(settings.jurisdiction))
  router.get(both('discovery'), keys.read, (req, res) => {
    sendObject(res, formatOfPath(req), 'discovery', discovery(req, access, settings))
  })
  router.get(both('services'), keys.read, (req, res) => {
    sendList(res, formatOfPath(req), 'services', 'service', serviceList())
  })
  router.get('/services/:file', keys.read, (req, res) => {
    const { name: code, format } = formatOf(String(req.params.file))
    const category = findCategory(code)
    if (!category) throw new Open311Error(404, 'service_code', `unknown service ${code.slice(0, 20)}`)
    sendObject(res, format, 'service_definition', serviceDefinition(category))
  })
  router.post(both('requests'), citizenRateLimit(access), requireReadableBody, keys.write, postRequest(district))
  router.get(both('requests'), keys.read, async (req, res) => {
    sendList(res, formatOfPath(req), 'service_requests', 'request', (await findRequests(district, req.query)).map(toServiceRequest))
  })
  router.get('/requests/:file', keys.read, async (req, res) => {
    const { name: id, format } = formatOf(String(req.params.file))
    const record = await findRequest(district, id)
    sendList(res, format, 'service_requests', 'request', [toServiceRequest(record)])
  })
  // mySociety's servicerequestupdates reads and writes the store: a router given none (a test's) has no such endpoint.
  if (store) {
    router.get(both('servicerequestupdates'), keys.read, getRequestUpdates(store, () => district.clock.now()))
    router.post(both('servicerequestupdates'), citizenRateLimit(access), requireReadableBody, keys.write, postRequestUpdate(district, store))
  }
  router.get('/tokens/:file', keys.read, (req) => {
    throw tokenNotFound(formatOf(String(req.params.file)).name)
  })
  router.use(open311NotFound)
  router.use(open311ErrorHandler)
  return router
}
