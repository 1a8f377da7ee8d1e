// An /api path no route answers (`/api/inspectors/` with its id left out, a typo) gets a JSON 404
// in the API's error shape, not Express's HTML page. Mounted after every API router and the wall's
// pages (which leave /api alone).
import type { Request, Response } from 'express'
import { sendError } from './access'

export function apiNotFound(req: Request, res: Response): void {
  sendError(res, 404, 'not_found', `no API endpoint ${req.method} ${req.originalUrl.split('?')[0].slice(0, 120)}`, 'path')
}
