// jurisdiction_id comes with every call FixMyStreet makes once its body has one (perllib/Open311.pm:
// 613-614): in the query of a GET, in the form of a POST. The spec lets a single-jurisdiction server
// ignore it (GeoReport v2 "Definitions: jurisdiction_id"); when OPEN311_JURISDICTION names ours, another
// one is a jurisdiction "not found", the spec's 404 ("404 - jurisdiction_id provided was not found",
// GET Service List errors). An absent or empty one is accepted (the spec's "Optional Arguments").
import type { NextFunction, Request, Response } from 'express'
import { Open311Error } from './open311-errors'

function given(value: unknown): string | null {
  if (value == null || value === '') return null
  if (typeof value !== 'string') throw new Open311Error(400, 'jurisdiction_id', 'must be given once')
  return value.trim() === '' ? null : value.trim()
}

export function checkJurisdiction(served: string | null) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const body: unknown = req.body
    const fromForm = body != null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).jurisdiction_id : undefined
    const asked = [given(req.query.jurisdiction_id), given(fromForm)].filter((j): j is string => j != null)
    // Jurisdictions are domain names by the spec's suggestion, so case does not tell them apart.
    const other = served == null ? undefined : asked.find((j) => j.toLowerCase() !== served.toLowerCase())
    if (other != null) throw new Open311Error(404, 'jurisdiction_id', `${other.slice(0, 60)} is not served here (this endpoint serves ${served})`)
    next()
  }
}
