// Replays (wall token): GET /api/inspectors/:id/track and GET /api/grids/:code/track (any area
// code: a street or community replays all its grids' inspectors). Tracks are down-sampled for the
// range; events are the case transitions of the area, or of the inspector's own cases.
import { Router } from 'express'
import type { InspectorTrack, ReplayData } from '../contract/detail'
import type { InspectorInfo } from '../contract/domain'
import { gridCodesUnder } from '../domain/area-scope'
import { downsampleTrack, toleranceForRange } from '../domain/downsample-track'
import { inGrids, involving, replayEvents, type CaseFilter } from '../domain/replay-events'
import { requireWallToken, sendError } from './access'
import { detailErrors } from './detail-errors'
import { findInspector, type DetailRouterOptions } from './inspector-router'
import { replayRange, type TimeRange } from './replay-range'
import { toTrackPoints } from './track-source'

export function createReplayRouter({ district, store, access }: DetailRouterOptions): Router {
  const router = Router()

  function replay(inspectors: readonly InspectorInfo[], filter: CaseFilter, range: TimeRange): ReplayData {
    const tolerance = toleranceForRange(range.to - range.from)
    const tracks: InspectorTrack[] = inspectors.map((info) => ({
      inspectorId: info.id,
      points: downsampleTrack(toTrackPoints(store.track(info.id, range.from, range.to)), tolerance),
    }))
    return { ...range, tracks, events: replayEvents(district.cases.all(), filter, range.from, range.to) }
  }

  router.get('/api/inspectors/:id/track', requireWallToken(access), (req, res) => {
    const info = findInspector(district, req, res)
    if (info) res.json(replay([info], involving(info), replayRange(req, district.clock.now())))
  })

  router.get('/api/grids/:code/track', requireWallToken(access), (req, res) => {
    const code = String(req.params.code)
    if (!district.tree.get(code)) return sendError(res, 404, 'area_not_found', `no area ${code.slice(0, 40)}`, 'code')
    const range = replayRange(req, district.clock.now())
    const grids = gridCodesUnder(district.tree, code)
    const inspectors = district.inspectors.allInfos().filter((i) => grids.has(i.gridCode)).sort((a, b) => a.id - b.id)
    res.json(replay(inspectors, inGrids(grids), range))
  })

  router.use(['/api/inspectors', '/api/grids'], detailErrors)
  return router
}
