// The last error handler, for what a router's own handler passed on: a store that could not write
// answers 503 (the client may retry; nothing was changed), anything else a JSON 500, never
// Express's HTML page.
import type { NextFunction, Request, Response } from 'express'
import { StoreWriteError } from '../domain/store-write-error'
import { sendError } from './access'

export function sendStoreUnavailable(res: Response, error: StoreWriteError): void {
  res.set('Retry-After', '5')
  sendError(res, 503, 'store_unavailable', error.message)
}

export function finalErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error)
  if (error instanceof StoreWriteError) return sendStoreUnavailable(res, error)
  console.error(`${req.method} ${req.path}: unexpected error`, error)
  sendError(res, 500, 'internal_error', 'internal error')
}
