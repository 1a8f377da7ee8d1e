// Service discovery (wiki.open311.org/Service_Discovery): where this GeoReport v2 endpoint is, in
// which formats, who runs it and how to get a key. The spec wants it at /discovery.xml and
// /discovery.json; "All fields are required".
import type { Request } from 'express'
import type { AccessConfig } from '../access'
import type { Open311Settings } from './open311-config'
import { Open311Error } from './open311-errors'

/** When this API last changed (the spec's sortable `changeset`): bump it with the API. */
export const OPEN311_CHANGESET = '2026-12-02T00:00:00+08:00'

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2'

function keyService(access: AccessConfig, settings: Open311Settings): string {
  const writes = access.open311PublicWrites === true
    ? '提交诉求无需密钥 / Reports need no key'
    : '提交诉求需要 scope 为 cases 的集成密钥（api_key），请向系统管理员申请 / Reports need an integration key with the scope cases (api_key): ask the system administrator'
  const reads = settings.readsNeedKey ? '查询同样需要该密钥 / Reads need the same key' : '查询无需密钥 / Reads need no key'
  return `${writes}；${reads}`
}

/**
 * This endpoint's own URL, as the client reached it: behind the reverse proxy `trust proxy` believes
 * (loopback), X-Forwarded-Proto and X-Forwarded-Host name it, which Express's protocol and host read.
 * No trailing slash, as the spec's example writes it; FixMyStreet's endpoint setting needs one added.
 */
function endpointUrl(req: Request): string {
  // Express's host is undefined without a Host header (HTTP/1.0).
  const host = (req.host as string | undefined) ?? ''
  const candidate = `${req.protocol}://${host}${req.baseUrl}`
  if (host === '' || !URL.canParse(candidate)) throw new Open311Error(400, 'host', `not a host name this endpoint can be named by: ${host.slice(0, 60) || '(none)'}`)
  const url = new URL(candidate)
  return `${url.origin}${url.pathname}`
}

export function discovery(req: Request, access: AccessConfig, settings: Open311Settings) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: settings.contact,
    key_service: keyService(access, settings),
    endpoints: [{
      specification: GEOREPORT_V2,
      url: endpointUrl(req),
      changeset: OPEN311_CHANGESET,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    }],
  }
}
