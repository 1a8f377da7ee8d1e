// Errors of the wall's read-only detail endpoints, as the JSON errors every API here answers with.
import type { NextFunction, Request, Response } from 'express'
import { InvalidInputError } from '../ingest/position-ingest'
import { sendError } from './access'

export function detailErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error)
  if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_input', error.message, error.field)
  console.error('detail API: unexpected error', error)
  sendError(res, 500, 'internal_error', 'internal error')
}
