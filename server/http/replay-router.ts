// Replays (wall token): GET /api/inspectors/:id/track and GET /api/grids/:code/track (any area
// code: a street or community replays all its grids' inspectors). Tracks are down-sampled for the
// range; events are the case transitions of the area, or of the inspector's own cases. An area's
// replay is bounded (its inspectors × hours, replay-bound.ts) and answered in slices
// (replay-stream.ts), so no replay stalls the walls.
import { Router, type Response } from 'express'
import { gridCodesUnder } from '../domain/area-scope'
import { toleranceForRange } from '../domain/downsample-track'
import { inGrids, involving, replayEvents, type CaseFilter } from '../domain/replay-events'
import { requireWallToken, sendError } from './access'
import { detailErrors } from './detail-errors'
import { findInspector, type DetailRouterOptions } from './inspector-router'
import { replayBoundProblem } from './replay-bound'
import { replayRange, type TimeRange } from './replay-range'
import { streamReplay } from './replay-stream'
import { slicedTrack } from './sliced-track'

export function createReplayRouter({ district, store, access }: DetailRouterOptions): Router {
  const router = Router()

  function replay(res: Response, inspectorIds: readonly number[], filter: CaseFilter, range: TimeRange): Promise<void> {
    const tolerance = toleranceForRange(range.to - range.from)
    return streamReplay(res, {
      range, inspectorIds,
      trackOf: (id) => slicedTrack(store, id, range, tolerance),
      events: () => replayEvents(district.cases.all(), filter, range.from, range.to),
    })
  }

  router.get('/api/inspectors/:id/track', requireWallToken(access), async (req, res) => {
    const info = findInspector(district, req, res)
    if (info) await replay(res, [info.id], involving(info), replayRange(req, district.clock.now()))
  })

  router.get('/api/grids/:code/track', requireWallToken(access), async (req, res) => {
    const code = String(req.params.code)
    if (!district.tree.get(code)) return sendError(res, 404, 'area_not_found', `no area ${code.slice(0, 40)}`, 'code')
    const range = replayRange(req, district.clock.now())
    const grids = gridCodesUnder(district.tree, code)
    const ids = district.inspectors.allInfos().filter((i) => grids.has(i.gridCode)).map((i) => i.id).sort((a, b) => a - b)
    const tooLarge = replayBoundProblem(ids.length, range)
    if (tooLarge) return sendError(res, 413, 'replay_too_large', tooLarge.message, tooLarge.field)
    await replay(res, ids, inGrids(grids), range)
  })

  router.use(['/api/inspectors', '/api/grids'], detailErrors)
  return router
}
