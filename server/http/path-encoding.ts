// A path with invalid percent-encoding (`/api/cases/%E0%A4%A`) is the client's mistake, a 400. Left
// to Express, the router throws a URIError when it decodes a route parameter, and the routers'
// error handlers, which know only their own errors, answered it with a 500. Refused here, before
// any router, in the error shape of the API the path belongs to; the wall's own pages are left alone.
import type { NextFunction, Request, Response } from 'express'
import { sendError } from './access'
import { sendOpen311Error } from './open311/open311-errors'

export function refuseMalformedPaths(req: Request, res: Response, next: NextFunction): void {
  if (!/^\/(api|open311)\//.test(req.path) || decodes(req.path)) return next()
  if (req.path.startsWith('/open311/')) return sendOpen311Error(res, 400, 'path: invalid percent-encoding')
  sendError(res, 400, 'invalid_path', 'the path has invalid percent-encoding', 'path')
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}
