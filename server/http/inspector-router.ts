// GET /api/inspectors/:id (wall token): one inspector's day for the wall's drill-down — who, where
// now, how far they walked today, what they reported and checked, and their online periods.
import { Router, type Request, type Response } from 'express'
import type { InspectorInfo } from '../contract/domain'
import { cstDayStart } from '../domain/china-time'
import type { District } from '../domain/district'
import { buildInspectorDetail } from '../domain/inspector-day'
import type { WallStore } from '../store/wall-store'
import { requireWallToken, sendError, type AccessConfig } from './access'
import { detailErrors } from './detail-errors'
import { toTrackPoints } from './track-source'

export interface DetailRouterOptions {
  district: District
  store: Pick<WallStore, 'track'>
  access: AccessConfig
}

/** The inspector named by `:id`, or a 404 naming `id`. */
export function findInspector(district: District, req: Request, res: Response): InspectorInfo | undefined {
  const raw = String(req.params.id)
  const info = /^\d{1,9}$/.test(raw) ? district.inspectors.info(Number(raw)) : undefined
  if (!info) sendError(res, 404, 'inspector_not_found', `no inspector ${raw.slice(0, 40)}`, 'id')
  return info
}

export function createInspectorRouter({ district, store, access }: DetailRouterOptions): Router {
  const router = Router()
  router.get('/api/inspectors/:id', requireWallToken(access), async (req, res) => {
    const info = findInspector(district, req, res)
    if (!info) return
    const now = district.clock.now()
    const thresholds = district.inspectors.thresholds
    // From offlineAfter before midnight: enough to know the status at 00:00.
    const track = toTrackPoints(await store.track(info.id, cstDayStart(now) - thresholds.offlineAfterMs, now))
    res.json(buildInspectorDetail({
      info, live: district.inspectors.liveOf(info.id) ?? null, gridName: district.tree.get(info.gridCode)?.name ?? null,
      track, cases: district.cases.all(), thresholds, now,
    }))
  })
  router.use('/api/inspectors', detailErrors)
  return router
}
