// The 综合评价 and 12345 API (routes listed in contract/evaluation.ts). An evaluation is computed
// from the case book and the store (closed cases long gone from memory too) and kept for a few
// seconds per period and scope, so many walls polling it cost one computation.
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import type { EvaluationPeriod, HotlineFollowUp, IndicatorId, SubjectKind } from '../contract/evaluation'
import { gridCodesUnder } from '../domain/area-scope'
import { StoreWriteError } from '../domain/store-write-error'
import { InvalidInputError } from '../ingest/position-ingest'
import { requireOperator, requireWallToken, sendError, type AccessConfig, type Operator } from '../http/access'
import { sendStoreUnavailable } from '../http/final-errors'
import type { PartyService } from '../party/party-service'
import { objectBody, satisfaction, time } from '../party/project-input'
import { evaluate, SUBJECT_KINDS, type Evaluation } from './evaluate'
import { hotlineFigures } from './hotline-figures'
import { ALL_INDICATOR_IDS, INDICATORS } from './indicators'
import { isEvaluationPeriod, periodRange } from './period'

/** How long one evaluation answers for its period and scope (wall time). */
export const EVALUATION_CACHE_MS = 10_000
const MAX_CASES = 500_000
/** How far ahead of the server's clock a reported call-back time may be (clocks of two machines differ). */
const CLOCK_SLACK_MS = 60_000

export function createEvaluationRouter({ service, access }: { service: PartyService; access: AccessConfig }): Router {
  const router = Router()
  const { district } = service
  const cache = new Map<string, { at: number; evaluation: Evaluation }>()

  const periodOf = (req: Request): EvaluationPeriod => {
    const raw = req.query.period ?? 'today'
    if (!isEvaluationPeriod(raw)) throw new InvalidInputError('period', 'must be today or month')
    return raw
  }
  const areaOf = (req: Request, field: 'scope' | 'area'): string => {
    const raw = req.query[field]
    if (raw == null || raw === '') return district.tree.root.code
    if (typeof raw !== 'string' || !district.tree.get(raw)) throw new InvalidInputError(field, `unknown area code ${String(raw).slice(0, 40)}`)
    return raw
  }
  const casesOf = async (period: EvaluationPeriod) => {
    const range = periodRange(period, district.clock.now())
    return { range, cases: await district.cases.findCases({ reportedFrom: range.from, reportedTo: range.to, limit: MAX_CASES }) }
  }
  const evaluationOf = async (period: EvaluationPeriod, scopeCode: string): Promise<Evaluation> => {
    const key = `${period}|${scopeCode}`
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < EVALUATION_CACHE_MS) return hit.evaluation
    const { range, cases } = await casesOf(period)
    const evaluation = evaluate({
      cases, period, ...range, calendar: district.calendar, tree: district.tree, scopeCode,
      inspectorNames: new Map(district.inspectors.allInfos().map((i) => [i.id, i.name])),
    })
    for (const [k, v] of cache) if (Date.now() - v.at >= EVALUATION_CACHE_MS) cache.delete(k)
    cache.set(key, { at: Date.now(), evaluation })
    return evaluation
  }

  router.get('/api/evaluation/indicators', requireWallToken(access), (_req, res) => {
    res.json(INDICATORS)
  })
  router.get('/api/evaluation', requireWallToken(access), async (req, res) => {
    res.json((await evaluationOf(periodOf(req), areaOf(req, 'scope'))).report)
  })
  router.get('/api/evaluation/drill', requireWallToken(access), async (req, res) => {
    const period = periodOf(req), scope = areaOf(req, 'scope')
    const kind = req.query.kind
    if (typeof kind !== 'string' || !(kind === 'overall' || (SUBJECT_KINDS as readonly string[]).includes(kind))) {
      throw new InvalidInputError('kind', `must be overall or one of ${SUBJECT_KINDS.join(', ')}`)
    }
    const subject = kind === 'overall' ? scope : req.query.subject
    if (typeof subject !== 'string' || subject === '') throw new InvalidInputError('subject', 'is required: the id of the scored subject')
    const indicator = req.query.indicator
    if (indicator != null && !(ALL_INDICATOR_IDS as readonly unknown[]).includes(indicator)) {
      throw new InvalidInputError('indicator', `must be one of ${ALL_INDICATOR_IDS.join(', ')}`)
    }
    const drill = (await evaluationOf(period, scope)).drill(kind as SubjectKind | 'overall', subject, indicator as IndicatorId | undefined)
    if (!drill) return sendError(res, 404, 'subject_not_found', `no ${kind} ${subject.slice(0, 40)} was scored in this period and scope`, 'subject')
    res.json(drill)
  })

  router.get('/api/hotline', requireWallToken(access), async (req, res) => {
    const period = periodOf(req), area = areaOf(req, 'area')
    const { range, cases } = await casesOf(period)
    res.json(hotlineFigures({
      cases, followUps: service.followUps(), period, ...range, areaCode: area,
      grids: area === district.tree.root.code ? null : gridCodesUnder(district.tree, area),
    }))
  })
  // 先行联系 and the 回访's answers are the supervision centre's: it talks to citizens.
  router.post('/api/hotline/:caseId/follow-up', requireOperator(access), express.json({ limit: '4kb' }), async (req, res) => {
    const operator = res.locals.operator as Operator
    const body = objectBody(req.body)
    const firstContactAt = time(body, 'firstContactAt')
    if (body.resolved != null && typeof body.resolved !== 'boolean') throw new InvalidInputError('resolved', 'must be true or false')
    const level = satisfaction(body, 'satisfaction')
    if (firstContactAt == null && body.resolved == null && level == null) {
      throw new InvalidInputError('body', 'give at least one of firstContactAt, resolved, satisfaction')
    }
    if (operator.role !== 'supervision') return sendError(res, 403, 'role_not_allowed', `${operator.role} operator ${operator.name} cannot record a 12345 follow-up: only the supervision centre may`)
    const record = await district.cases.find(String(req.params.caseId))
    if (!record) return sendError(res, 404, 'case_not_found', `no case ${String(req.params.caseId).slice(0, 40)}`, 'caseId')
    if (record.source !== 'hotline') return sendError(res, 409, 'not_a_hotline_case', `case ${record.id} came from ${record.source}, not 12345`, 'caseId')
    if (firstContactAt != null && firstContactAt < record.reportedAt) throw new InvalidInputError('firstContactAt', 'is before the case was reported')
    // A call not made yet cannot count for 先行联系率 (a typo of a year would count it in time forever).
    if (firstContactAt != null && firstContactAt > district.clock.now() + CLOCK_SLACK_MS) throw new InvalidInputError('firstContactAt', 'is in the future')
    const current = service.followUps().get(record.id)
    const followUp: HotlineFollowUp = {
      caseId: record.id,
      firstContactAt: firstContactAt ?? current?.firstContactAt ?? null,
      resolved: typeof body.resolved === 'boolean' ? body.resolved : current?.resolved ?? null,
      satisfaction: level ?? current?.satisfaction ?? null,
      updatedAt: district.clock.now(),
    }
    service.saveFollowUp(followUp)
    res.json(followUp)
  })

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_input', error.message, error.field)
    if (error instanceof StoreWriteError) return sendStoreUnavailable(res, error)
    const type = typeof error === 'object' && error != null && 'type' in error ? error.type : null
    if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON', 'body')
    next(error)
  })
  return router
}
