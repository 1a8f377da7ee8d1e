// Who may call which Open311 endpoint. The spec's reads (services, requests, tokens, discovery, and
// mySociety's GET servicerequestupdates) need no key, and FixMyStreet sends none on them
// (perllib/Open311.pm:615-616), so they are open unless OPEN311_READ=key. Writes need a key with the
// scope `cases` unless OPEN311_PUBLIC_WRITES=true: a public endpoint must be a decision, not what
// happens when no key is configured.
import type { NextFunction, Request, Response } from 'express'
import { missingScopeMessage, type AccessConfig } from '../access'
import { scopesOf } from '../integration-keys'
import type { Open311Settings } from './open311-config'
import { Open311Error } from './open311-errors'

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)

/**
 * `Authorization: Bearer …`, else `api_key` in the form (FixMyStreet's POSTs) or the query (its GET
 * servicerequestupdates, where it may be empty: Open311.pm:359-361). An empty value is no key.
 */
export function open311KeyOf(req: Request): string | undefined {
  const header = req.get('authorization')
  if (header?.startsWith('Bearer ')) return nonEmpty(header.slice(7))
  const body: unknown = req.body
  const fromForm = body != null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).api_key : undefined
  return nonEmpty(fromForm) ?? nonEmpty(req.query.api_key)
}

const HOW = '(api_key=… or Authorization: Bearer …)'

/** Whether the call carries a known key with the `cases` scope (an integration such as FixMyStreet's server). */
export function hasCasesKey(access: AccessConfig, req: Request): boolean {
  const key = open311KeyOf(req)
  return key != null && (scopesOf(access.integrationKeys, key)?.includes('cases') ?? false)
}

function requireCasesKey(access: AccessConfig, what: 'reports' | 'reads', unkeyedHint: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const key = open311KeyOf(req)
    const scopes = key == null ? undefined : scopesOf(access.integrationKeys, key)
    if (scopes?.includes('cases')) return next()
    if (scopes) return next(new Open311Error(403, 'api_key', missingScopeMessage('cases')))
    next(new Open311Error(403, 'api_key', access.integrationKeys.length === 0
      ? `${what} need an integration key with the scope "cases" ${HOW}; none is configured (INTEGRATION_KEYS)${unkeyedHint}`
      : `${what} need a valid api_key with the scope "cases" ${HOW}`))
  }
}

const pass = (_req: Request, _res: Response, next: NextFunction) => next()

/** The guards of the two kinds of Open311 call, for the router's route lines. */
export function open311Keys(access: AccessConfig, settings: Open311Settings) {
  return {
    read: settings.readsNeedKey ? requireCasesKey(access, 'reads', '; OPEN311_READ=open opens them') : pass,
    write: access.open311PublicWrites === true ? pass
      : requireCasesKey(access, 'reports', '; set OPEN311_PUBLIC_WRITES=true to take them from anyone'),
  }
}
