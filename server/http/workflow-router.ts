// The closed loop as an API, mounted at /api/cases: an operator moves a case by one action; the
// wall (or anyone with its token) reads a case with its history. Order of refusals: 401 no
// operator, 400 bad body, 403 role may not, 404 no such case, 409 not from the current step.
// Reading a case answers a CaseDetail (contract/detail.ts) with the actions allowed next.
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import type { CaseDetail } from '../contract/detail'
import type { CaseAction } from '../contract/domain'
import { toSummary, type CaseRecord } from '../domain/case-book'
import { buildCaseDetail } from '../domain/case-detail'
import { maskContact } from '../domain/reporter-contact'
import { allowedActions, IllegalTransitionError } from '../domain/case-workflow'
import type { District } from '../domain/district'
import { StoreWriteError } from '../domain/store-write-error'
import { actOnCase, locateCase } from '../ingest/case-ingest'
import { InvalidInputError } from '../ingest/position-ingest'
import type { WallStore } from '../store/wall-store'
import {
  mayPerform, requireOperator, requireWallToken, ROLE_ACTIONS, sendError,
  type AccessConfig, type Operator, type OperatorRole,
} from './access'
import { sendStoreUnavailable } from './final-errors'
import { trackLookup } from './track-source'
import { isLocateBody, parseActionBody, parseLocateBody } from './workflow-input'

const ROLE_NAMES: Record<OperatorRole, { en: string; zh: string }> = {
  supervision: { en: 'supervision centre', zh: '监督中心' },
  dispatch: { en: 'dispatch centre', zh: '指挥中心' },
  department: { en: 'department', zh: '专业部门' },
  party: { en: 'party office', zh: '党建办' },
}

/** A case with everything an operator needs: the summary, its history and what may happen next. */
export function caseView(record: CaseRecord) {
  return { ...toSummary(record), history: [...record.history], allowedActions: allowedActions(record.step) }
}

/** GET's answer: the case's whole story. Without a store (a router tested alone) presence has no tracks. */
async function caseDetailView(district: District, store: CaseDetailStore | undefined, record: CaseRecord): Promise<CaseDetail & { allowedActions: CaseAction[] }> {
  const trackOf = store ? trackLookup(store) : async () => []
  const contact = await store?.reporterContact(record.id)
  const detail = await buildCaseDetail(record, {
    inspectors: district.inspectors, calendar: district.calendar, trackOf, now: district.clock.now(),
    reporter: contact ? maskContact(contact) : null, tree: district.tree, landmarks: district.landmarks,
  })
  return { ...detail, allowedActions: allowedActions(record.step) }
}

function roleRefusal(operator: Operator, action: CaseAction): string {
  const who = (Object.keys(ROLE_ACTIONS) as OperatorRole[]).filter((r) => ROLE_ACTIONS[r].includes(action))
  return `${ROLE_NAMES[operator.role].en} ${operator.name} cannot ${action}: only the ${who.map((r) => ROLE_NAMES[r].en).join(' or ')} may`
}

/** A case to act on: in memory (a case closed more than 8 days ago takes no action). */
function findCase(district: District, req: Request, res: Response): CaseRecord | undefined {
  return foundOr404(district.cases.get(String(req.params.id)), req, res)
}

/** A case to read: also one only the store has (closed long ago). */
async function findStoredCase(district: District, req: Request, res: Response): Promise<CaseRecord | undefined> {
  return foundOr404(await district.cases.find(String(req.params.id)), req, res)
}

function foundOr404(record: CaseRecord | undefined, req: Request, res: Response): CaseRecord | undefined {
  if (!record) sendError(res, 404, 'case_not_found', `no case ${String(req.params.id).slice(0, 40)}`, 'id')
  return record
}

/** Placing a case on the map (待定位 → a point and its grid) is the supervision centre's, like accepting it. */
function locate(district: District, req: Request, res: Response): void {
  const operator = res.locals.operator as Operator
  const input = parseLocateBody(req.body as Record<string, unknown>)
  if (operator.role !== 'supervision') {
    return sendError(res, 403, 'role_not_allowed', `${ROLE_NAMES[operator.role].en} ${operator.name} cannot locate: only the supervision centre may`)
  }
  const record = findCase(district, req, res)
  if (!record) return
  locateCase(district, record.id, { actor: `${operator.name}（${ROLE_NAMES[operator.role].zh}）`, lng: input.lng, lat: input.lat, note: input.note })
  res.json(caseView(record))
}

function act(district: District) {
  return (req: Request, res: Response) => {
    if (isLocateBody(req.body)) return locate(district, req, res)
    const operator = res.locals.operator as Operator
    const input = parseActionBody(req.body)
    if (!mayPerform(operator, input.action)) return sendError(res, 403, 'role_not_allowed', roleRefusal(operator, input.action))
    const record = findCase(district, req, res)
    if (!record) return
    try {
      actOnCase(district, record.id, input.action, {
        actor: `${operator.name}（${ROLE_NAMES[operator.role].zh}）`, note: input.note, department: input.department,
      })
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error
      // sendError has no room for currentStep; the body keeps its `{ error: { code, message } }` shape.
      res.status(409).json({ error: { code: 'illegal_transition', message: error.message, currentStep: error.current } })
      return
    }
    res.json(caseView(record))
  }
}

function workflowErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error)
  if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_input', error.message, error.field)
  if (error instanceof StoreWriteError) return sendStoreUnavailable(res, error)
  const type = typeof error === 'object' && error != null && 'type' in error ? error.type : null
  if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON', 'body')
  if (type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', 'the body is larger than 16 kB', 'body')
  if (typeof type === 'string') return sendError(res, 400, 'unreadable_body', `the body could not be read (${type})`, 'body')
  // zlib's errors (a body that says it is gzip but is not) carry a 4xx status and no type.
  const status = typeof error === 'object' && error != null && 'status' in error ? error.status : null
  if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, 400, 'unreadable_body', 'the body could not be read (its Content-Encoding does not match it)', 'body')
  console.error('workflow API: unexpected error', error)
  sendError(res, 500, 'internal_error', 'internal error')
}

export interface WorkflowRouterOptions {
  district: District
  access: AccessConfig
  /** Where the inspectors' tracks are, for proof of presence, and citizens' contact details. */
  store?: CaseDetailStore
}

type CaseDetailStore = Pick<WallStore, 'track' | 'reporterContact'>

export function createWorkflowRouter({ district, access, store }: WorkflowRouterOptions): Router {
  const router = Router()
  router.get('/:id', requireWallToken(access), async (req, res) => {
    const record = await findStoredCase(district, req, res)
    if (record) res.json(await caseDetailView(district, store, record))
  })
  router.post('/:id/actions', requireOperator(access), express.json({ limit: '16kb' }), act(district))
  // The unmasked contact details, for the call-back: the supervision centre only (it talks to citizens).
  router.get('/:id/reporter', requireOperator(access), async (req, res) => {
    const operator = res.locals.operator as Operator
    if (operator.role !== 'supervision') return sendError(res, 403, 'role_not_allowed', `${ROLE_NAMES[operator.role].en} ${operator.name} cannot read a citizen's contact details: only the supervision centre may`)
    const record = await findStoredCase(district, req, res)
    if (!record) return
    const contact = await store?.reporterContact(record.id)
    if (!contact) return sendError(res, 404, 'no_reporter_contact', `case ${record.id} has no citizen contact details`, 'id')
    res.set('Cache-Control', 'no-store')
    res.json(contact)
  })
  router.use(workflowErrors)
  return router
}
