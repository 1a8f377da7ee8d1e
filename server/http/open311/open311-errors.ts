// GeoReport v2 errors: a list of `{ code, description }` with the HTTP status as the code, and a
// description that starts with the field at fault; XML `<errors><error>…</error></errors>` on an .xml
// path (the only kind FixMyStreet can read: a JSON error is its "unknown error", Open311.pm:703-719),
// the JSON array otherwise. Thrown anywhere in the router, answered here.
import type { NextFunction, Request, Response } from 'express'
import { StoreWriteError } from '../../domain/store-write-error'
import { InvalidInputError } from '../../ingest/position-ingest'
import { formatOfPath, sendList } from './format'

export class Open311Error extends Error {
  constructor(readonly status: number, readonly field: string, problem: string) {
    super(`${field}: ${problem}`)
    this.name = 'Open311Error'
  }
}

/** The error in the format of the path asked for (also from outside the router: path-encoding.ts). */
export function sendOpen311Error(res: Response, status: number, description: string): void {
  sendList(res.status(status), formatOfPath(res.req.path), 'errors', 'error', [{ code: status, description }])
}

// reportCase names its own fields; a GeoReport client knows them by the spec's names.
const SPEC_FIELDS: Record<string, string> = { lng: 'long', categoryCode: 'service_code', location: 'lat' }

/** body-parser's failures (bad JSON, too large, bad charset…) as a status and a description. */
function bodyError(error: object): [number, string] | null {
  const status = 'status' in error && typeof error.status === 'number' ? error.status : 400
  // zlib's errors (a body that says it is gzip but is not) carry a 4xx status and no type.
  if (!('type' in error) || typeof error.type !== 'string') return 'status' in error && status >= 400 && status < 500 ? [400, 'body: could not be decoded (its Content-Encoding does not match it)'] : null
  switch (error.type) {
    case 'entity.parse.failed': return [400, 'body: not valid JSON']
    case 'entity.too.large': return [413, 'body: larger than the 64 kB limit']
    case 'parameters.too.many': return [413, 'body: too many parameters']
    case 'charset.unsupported':
    case 'encoding.unsupported': return [415, 'body: send UTF-8, without content encoding']
    default: return status >= 400 && status < 500 ? [status, `body: could not be read (${error.type})`] : null
  }
}

export function open311ErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error)
  if (error instanceof Open311Error) return sendOpen311Error(res, error.status, error.message)
  if (error instanceof InvalidInputError) {
    const field = SPEC_FIELDS[error.field] ?? error.field
    return sendOpen311Error(res, 400, `${field}: ${error.message.slice(error.field.length + 2)}`)
  }
  if (error instanceof StoreWriteError) {
    res.set('Retry-After', '5')
    return sendOpen311Error(res, 503, `server: ${error.message}`)
  }
  const parsed = typeof error === 'object' && error != null ? bodyError(error) : null
  if (parsed) return sendOpen311Error(res, parsed[0], parsed[1])
  console.error('open311: unexpected error', error)
  sendOpen311Error(res, 500, 'server: internal error')
}

/** The last handler: no GeoReport v2 endpoint here (404, in the format the path asked for). */
export function open311NotFound(req: Request, res: Response): void {
  sendOpen311Error(res, 404, `path: no GeoReport v2 endpoint ${req.method} ${req.path.slice(0, 100)}`)
}
