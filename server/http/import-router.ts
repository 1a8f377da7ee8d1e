// POST /api/import/areas (GeoJSON, ?crs=gcj02, ?map=code=adcode,…) and POST /api/import/statistics
// (CSV): the same validation as `npm run import`, for integrations that push their area data. A file
// with any problem is rejected whole with 422 and every problem; `apply` is called only for a valid one.
// An areas file is parsed and validated in a worker thread (validate-off-loop.ts), within the bounds
// of import-bounds.ts (413 naming the bound), so the walls stay live while it is checked.
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import type { AreaProfile } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import { parseCrs } from '../import/gcj02'
import type { ImportError } from '../import/import-errors'
import { areasSummary, countByLevel, statisticsSummary } from '../import/import-summary'
import { parseMappingArg } from '../import/property-mapping'
import { readAreaStatisticsCsv } from '../import/read-area-csv'
import { validateAreasOffLoop } from '../import/validate-off-loop'
import { requireIntegrationKey, sendError, type AccessConfig } from './access'

export interface ImportApply {
  /** Replaces the area hierarchy (one transaction). */
  areas(features: AreaFeature[]): void
  /** Upserts the statistics of the given areas. */
  statistics(profiles: Map<string, AreaProfile>): void
  /** The codes of the current hierarchy, which a statistics row must name. */
  knownCodes(): Set<string>
  /** The current statistics: the values a sheet leaves out keep these (else they become 0). */
  profiles?(): ReadonlyMap<string, AreaProfile>
}

/** A response lists this many problems at most; the message gives the total. */
const MAX_LISTED = 1000

export function createImportRouter({ access, apply }: { access: AccessConfig; apply: ImportApply }): Router {
  const router = Router()
  router.use(requireIntegrationKey(access, 'import'))
  // Any content type: `curl --data-binary @file` sends form-urlencoded, and the body is parsed as JSON or CSV anyway.
  // Raw bytes: JSON.parse of 20 MB is itself ~0.3–0.5 s, so the worker parses them.
  router.post('/areas', express.raw({ limit: '20mb', type: () => true }), (req, res) => importAreas(req, res, apply))
  router.post('/statistics', express.text({ limit: '5mb', type: () => true }), (req, res) => importStatistics(req, res, apply))
  router.use(bodyErrors)
  return router
}

async function importAreas(req: Request, res: Response, apply: ImportApply): Promise<void> {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) return sendError(res, 400, 'empty_body', 'send the GeoJSON file as the request body')
  const charset = /;\s*charset=["']?([^;"'\s]+)/i.exec(req.get('content-type') ?? '')?.[1].toLowerCase()
  if (charset != null && charset !== 'utf-8' && charset !== 'utf8') return sendError(res, 415, 'charset_unsupported', `unsupported charset "${charset.toUpperCase()}": send the file as UTF-8`)
  const crs = req.query.crs == null ? 'WGS84' : parseCrs(String(req.query.crs))
  if (!crs) return sendError(res, 400, 'invalid_crs', 'crs must be wgs84 or gcj02', 'crs')
  const mapping = req.query.map == null ? { mapping: {} } : parseMappingArg(String(req.query.map))
  if (mapping.error != null) return sendError(res, 400, 'invalid_map', mapping.error, 'map')
  const result = await validateAreasOffLoop(req.body, { crs, mapping: mapping.mapping })
  if (result.kind === 'invalid_json') return sendError(res, 400, 'invalid_json', `the body is not JSON: ${result.message}`)
  if (result.kind === 'too_large') return sendError(res, 413, 'import_too_large', result.problem.message, result.problem.field)
  if (result.kind === 'rejected') return rejected(res, result.errors)
  apply.areas(result.features)
  res.json({ imported: countByLevel(result.features), summary: areasSummary(result.features), warnings: result.warnings })
}

function importStatistics(req: Request, res: Response, apply: ImportApply): void {
  if (typeof req.body !== 'string' || req.body === '') return sendError(res, 400, 'empty_body', 'send the CSV file as the request body')
  const result = readAreaStatisticsCsv(req.body, { knownCodes: apply.knownCodes(), current: apply.profiles?.() })
  if (result.errors) return rejected(res, result.errors)
  apply.statistics(result.profiles)
  res.json({ imported: { areas: result.profiles.size, columns: result.columns }, summary: statisticsSummary(result.profiles, result.columns) })
}

function rejected(res: Response, errors: ImportError[]): void {
  const listed = errors.length > MAX_LISTED ? `; the first ${MAX_LISTED} are listed` : ''
  res.status(422).json({
    error: {
      code: 'invalid_import',
      message: `the file was not imported: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}${listed}`,
      errors: errors.slice(0, MAX_LISTED),
    },
  })
}

/** body-parser's failures (bad JSON 400, too large 413, unknown charset 415) in the API's error shape. */
function bodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { status, type } = (err ?? {}) as { status?: number; type?: string }
  if (status == null || status < 400 || status >= 500) return next(err)
  if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', `the body is not JSON: ${(err as Error).message}`)
  if (type === 'entity.too.large') return sendError(res, 413, 'too_large', 'the file is too large (areas: 20 MB, statistics: 5 MB)')
  // zlib's errors on a body that says it is compressed but is not carry a status and no type.
  sendError(res, status, type?.replace(/\W/g, '_') ?? 'unreadable_body', (err as Error).message)
}
