// Body-parser failures as clear 4xx answers instead of Express's HTML error page.
import type { NextFunction, Request, Response } from 'express'
import { sendError } from './access'

interface BodyParserError extends Error {
  type?: string
  status?: number
  limit?: number
}

export function bodyErrors(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (error.type === 'entity.too.large') return sendError(res, 413, 'body_too_large', `the body is larger than the ${error.limit} bytes allowed here`)
  if (error.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', `the body is not valid JSON: ${error.message}`, 'body')
  if (error.status && error.status >= 400 && error.status < 500) return sendError(res, error.status, 'bad_request', error.message)
  next(error)
}
