// The 党建引领 API (routes listed in contract/party.ts): the board's figures, the organisations, the
// 党员领办 projects and their loop, and the import of the organisations. Order of refusals on a
// write: 401 no operator, 400 bad body (naming the field), 403 role may not, 404 no such project /
// branch / case, 409 not from the current step (or a case already escalated to a project).
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import type { ProjectAction } from '../contract/party'
import { PARTY_ORG_LEVELS, PROJECT_LOOP, PROJECT_ROLE_ACTIONS } from '../contract/party'
import { gridCodesUnder } from '../domain/area-scope'
import { StoreWriteError } from '../domain/store-write-error'
import { formatImportError, type ImportError } from '../import/import-errors'
import { InvalidInputError } from '../ingest/position-ingest'
import { requireIntegrationKey, requireOperator, requireWallToken, sendError, type AccessConfig, type Operator } from '../http/access'
import { sendStoreUnavailable } from '../http/final-errors'
import { orgUnder, partySummary } from './party-summary'
import type { PartyService } from './party-service'
import { projectDetail, projectSummary } from './project-book'
import { parseNewProject, parseProjectAction } from './project-input'
import { IllegalProjectTransitionError } from './project-workflow'
import { readPartyFile } from './read-party-file'

const ROLE_ZH: Record<Operator['role'], string> = { supervision: '监督中心', dispatch: '指挥中心', department: '专业部门', party: '党建办' }
const BRANCH_LEVELS = new Set(['gridGeneralBranch', 'estateBranch', 'buildingGroup'])
const MAX_LISTED = 1000

export const actorOf = (operator: Operator) => `${operator.name}（${ROLE_ZH[operator.role]}）`

function mayDo(operator: Operator, action: ProjectAction | 'assign'): boolean {
  return (PROJECT_ROLE_ACTIONS[action] as readonly string[]).includes(operator.role)
}

function refuseRole(res: Response, operator: Operator, action: ProjectAction | 'assign'): void {
  sendError(res, 403, 'role_not_allowed', `${operator.role} operator ${operator.name} cannot ${action} a project: only ${PROJECT_ROLE_ACTIONS[action].join(' or ')} may`)
}

/** ?area=: a known area code, else the district. */
function areaOf(service: PartyService, req: Request): string {
  const raw = req.query.area
  const tree = service.district.tree
  if (raw == null || raw === '') return tree.root.code
  if (typeof raw !== 'string' || !tree.get(raw)) throw new InvalidInputError('area', `unknown area code ${String(raw).slice(0, 40)}`)
  return raw
}

export function createPartyRouter({ service, access }: { service: PartyService; access: AccessConfig }): Router {
  const router = Router()
  const { district } = service
  const now = () => district.clock.now()

  router.get('/api/party/summary', requireWallToken(access), (req, res) => {
    res.json(partySummary({ orgs: service.orgs(), projects: service.projects.all(), tree: district.tree, areaCode: areaOf(service, req), now: now() }))
  })
  router.get('/api/party/orgs', requireWallToken(access), (req, res) => {
    const area = areaOf(service, req)
    res.json(service.orgs().filter((o) => orgUnder(district.tree, o, area)))
  })
  router.get('/api/party/projects', requireWallToken(access), (req, res) => {
    const area = areaOf(service, req)
    const step = req.query.step
    if (step != null && !(PROJECT_LOOP as readonly unknown[]).includes(step)) throw new InvalidInputError('step', `must be one of ${PROJECT_LOOP.join(', ')}`)
    const limit = req.query.limit == null ? 50 : Number(req.query.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new InvalidInputError('limit', 'must be a whole number from 1 to 200')
    const grids = area === district.tree.root.code ? null : gridCodesUnder(district.tree, area)
    const list = [...service.projects.all()]
      .filter((p) => (!grids || grids.has(p.gridCode)) && (step == null || p.step === step))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .slice(0, limit)
    res.json(list.map((p) => projectSummary(p, now())))
  })
  router.get('/api/party/projects/:id', requireWallToken(access), (req, res) => {
    const project = service.projects.get(String(req.params.id))
    if (!project) return sendError(res, 404, 'project_not_found', `no project ${String(req.params.id).slice(0, 40)}`, 'id')
    res.json(projectDetail(project, now()))
  })

  router.post('/api/party/projects', requireOperator(access), express.json({ limit: '16kb' }), async (req, res) => {
    const operator = res.locals.operator as Operator
    const input = parseNewProject(req.body, now())
    if (!mayDo(operator, 'assign')) return refuseRole(res, operator, 'assign')
    const branch = service.org(input.branchCode)
    if (!branch) return sendError(res, 404, 'branch_not_found', `no party organisation ${input.branchCode}`, 'branchCode')
    if (!BRANCH_LEVELS.has(branch.level)) {
      return sendError(res, 400, 'invalid_input', `branchCode: ${branch.code} is a ${branch.level}; a project is handed out by a 网格党总支, 小区党支部 or 楼栋党小组`, 'branchCode')
    }
    if (input.caseId && !(await district.cases.find(input.caseId))) return sendError(res, 404, 'case_not_found', `no case ${input.caseId}`, 'caseId')
    // One case, one project (checked after the await above, and created in the same turn, so no second request slips between): a second escalation would split the work and count the case twice.
    const escalated = input.caseId ? [...service.projects.all()].find((p) => p.caseId === input.caseId) : undefined
    if (escalated) return sendError(res, 409, 'case_already_escalated', `case ${input.caseId} is already project ${escalated.id}`, 'caseId')
    const record = service.projects.create({
      title: input.title, description: input.description, caseId: input.caseId, branchCode: branch.code, branchName: branch.name,
      gridCode: branch.areaCode, deadlineAt: input.deadlineAt, at: now(), actor: actorOf(operator), note: input.note,
    })
    res.status(201).json(projectDetail(record, now()))
  })

  router.post('/api/party/projects/:id/actions', requireOperator(access), express.json({ limit: '16kb' }), (req, res) => {
    const operator = res.locals.operator as Operator
    const input = parseProjectAction(req.body)
    if (!mayDo(operator, input.action)) return refuseRole(res, operator, input.action)
    const project = service.projects.get(String(req.params.id))
    if (!project) return sendError(res, 404, 'project_not_found', `no project ${String(req.params.id).slice(0, 40)}`, 'id')
    try {
      const record = service.projects.act(project.id, input.action, { at: now(), actor: actorOf(operator), note: input.note, leadMembers: input.leadMembers, rating: input.rating })
      res.json(projectDetail(record, now()))
    } catch (error) {
      if (!(error instanceof IllegalProjectTransitionError)) throw error
      res.status(409).json({ error: { code: 'illegal_transition', message: error.message, currentStep: error.current } })
    }
  })

  router.post('/api/import/party', requireIntegrationKey(access, 'import'), express.text({ limit: '5mb', type: () => true }), (req, res) => {
    const format = req.query.format ?? 'csv'
    if (format !== 'csv' && format !== 'geojson') return sendError(res, 400, 'invalid_input', 'format must be csv or geojson', 'format')
    if (typeof req.body !== 'string' || req.body === '') return sendError(res, 400, 'empty_body', 'send the file as the request body', 'body')
    const result = readPartyFile(req.body, format, district.tree)
    if (result.errors) return rejected(res, result.errors)
    service.replaceOrgs(result.orgs)
    res.json({ imported: Object.fromEntries(PARTY_ORG_LEVELS.map((l) => [l, result.orgs.filter((o) => o.level === l).length])) })
  })

  router.use(partyErrors)
  return router
}

function rejected(res: Response, errors: ImportError[]): void {
  const listed = errors.length > MAX_LISTED ? `; the first ${MAX_LISTED} are listed` : ''
  res.status(422).json({
    error: {
      code: 'invalid_import',
      message: `the file was not imported: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}${listed}; ${formatImportError(errors[0])}`,
      errors: errors.slice(0, MAX_LISTED),
    },
  })
}

function partyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error)
  if (error instanceof InvalidInputError) return sendError(res, 400, 'invalid_input', error.message, error.field)
  if (error instanceof StoreWriteError) return sendStoreUnavailable(res, error)
  const type = typeof error === 'object' && error != null && 'type' in error ? error.type : null
  if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON', 'body')
  if (type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', 'the body is too large', 'body')
  next(error)
}
