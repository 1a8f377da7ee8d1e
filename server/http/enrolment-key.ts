// The enrolment key a request presents for an unknown device: the X-Enrolment-Key header, or
// `enrol` in the query or body (a phone app can only set its URL or its form).
import type { Request } from 'express'
import { ENROLMENT_HEADER, ENROLMENT_PARAM, type EnrolmentRules } from '../ingest/device-enrolment'
import type { Registration } from '../ingest/resolve-device'

/** The enrolment key from the header, the query or the body; only asked for when the device is unknown. */
export function registrationOf(req: Request, rules: EnrolmentRules | null): Registration | null {
  if (!rules) return null
  const header = req.get(ENROLMENT_HEADER)
  if (header != null) return { rules, presentedKey: header, keyField: 'X-Enrolment-Key' }
  const body = req.body && typeof req.body === 'object' ? req.body as Record<string, unknown> : {}
  const param = req.query[ENROLMENT_PARAM] ?? body[ENROLMENT_PARAM]
  return { rules, presentedKey: typeof param === 'string' ? param : undefined, keyField: ENROLMENT_PARAM }
}
