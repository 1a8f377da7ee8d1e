// Who may do what. The wall is read-only and may require a wall token; phones are known by their
// registered device id; integrations carry a key; workflow actions need an operator token whose role
// matches the action, as GB/T 30428 separates the supervision centre (监督中心, which accepts, files,
// verifies and closes) from the dispatch centre (指挥中心, which dispatches) and the departments
// (专业部门, which handle). The party office (党建办 / a branch secretary) runs 党员领办 projects and
// takes no case action (server/party/party-router.ts checks its project roles).
import type { NextFunction, Request, Response } from 'express'
import type { CaseAction } from '../contract/domain'
import { scopesOf, type IntegrationKeyEntry, type IntegrationScope } from './integration-keys'

export type OperatorRole = 'supervision' | 'dispatch' | 'department' | 'party'

export interface Operator {
  token: string
  role: OperatorRole
  name: string
}

export interface AccessConfig {
  /** null: the wall's read endpoints and socket are open (a wall on a closed network). */
  wallToken: string | null
  /** Keys and their scopes (INTEGRATION_KEYS); a bare string has every scope. */
  integrationKeys: readonly IntegrationKeyEntry[]
  operators: readonly Operator[]
  /** Open311 reports need no key (OPEN311_PUBLIC_WRITES): a citizens' endpoint, rate-limited per address. */
  open311PublicWrites?: boolean
}

export const ROLE_ACTIONS: Record<OperatorRole, readonly CaseAction[]> = {
  supervision: ['accept', 'file', 'cancel', 'verify', 'sendBack', 'close'],
  dispatch: ['dispatch'],
  department: ['handle'],
  party: [],
}

/** A credential from `Authorization: Bearer …`, or the `token` / `api_key` query parameter (Open311's). */
export function credentialOf(req: Request): string | undefined {
  const header = req.get('authorization')
  if (header?.startsWith('Bearer ')) return header.slice(7).trim()
  const query = req.query.token ?? req.query.api_key
  return typeof query === 'string' ? query : undefined
}

export function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } })
}

export function requireWallToken(access: AccessConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (access.wallToken == null || credentialOf(req) === access.wallToken) return next()
    sendError(res, 401, 'wall_token_required', 'this wall needs a valid wall token (Authorization: Bearer …, or ?token=)')
  }
}

/** A known key with `scope`, else 401 (no key, or an unknown one) or 403 naming the scope it lacks. */
export function requireIntegrationKey(access: AccessConfig, scope: IntegrationScope) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = credentialOf(req)
    const scopes = key == null ? undefined : scopesOf(access.integrationKeys, key)
    if (!scopes) return sendError(res, 401, 'integration_key_required', 'a valid integration key is required (Authorization: Bearer …)')
    if (!scopes.includes(scope)) return sendError(res, 403, 'scope_missing', missingScopeMessage(scope))
    next()
  }
}

export function missingScopeMessage(scope: IntegrationScope): string {
  return `this integration key lacks the scope "${scope}" (INTEGRATION_KEYS: key:${scope}+…)`
}

/** The operator behind the request, or a 401; their role is checked per action by `mayPerform`. */
export function requireOperator(access: AccessConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = credentialOf(req)
    const operator = access.operators.find((o) => o.token === token)
    if (!operator) return sendError(res, 401, 'operator_token_required', 'a valid operator token is required (Authorization: Bearer …)')
    res.locals.operator = operator
    next()
  }
}

export function mayPerform(operator: Operator, action: CaseAction): boolean {
  return ROLE_ACTIONS[operator.role].includes(action)
}

/** Parses OPERATOR_TOKENS: `token:role:name` entries separated by commas. */
export function parseOperators(raw: string | undefined): Operator[] {
  if (!raw) return []
  return raw.split(',').map((entry, i) => {
    const [token, role, ...name] = entry.trim().split(':')
    if (!token || !role || !(role in ROLE_ACTIONS)) {
      throw new Error(`OPERATOR_TOKENS entry ${i + 1} must be token:role:name with role supervision, dispatch, department or party`)
    }
    return { token, role: role as OperatorRole, name: name.join(':') || role }
  })
}
