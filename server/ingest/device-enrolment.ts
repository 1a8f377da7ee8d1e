// Who may turn an unknown phone into an inspector (INGEST_REGISTER_UNKNOWN): a phone that presents
// the district's enrolment key, or whose id the district listed in advance, and only up to a cap.
// Without either, any phone on the internet could create inspectors on the wall.
import { createHash, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'

export interface EnrolmentRules {
  /** INGEST_ENROLMENT_KEY: a new phone sends it as `enrol=…` or the X-Enrolment-Key header. */
  key: string | null
  /** INGEST_ALLOWED_DEVICES: ids that may register without the key. */
  allowedDevices: ReadonlySet<string> | null
  /** INGEST_REGISTER_MAX: how many devices may register themselves, counted in the store across restarts. */
  maxNew: number
}

export const ENROLMENT_HEADER = 'x-enrolment-key'
/** The OsmAnd query or body parameter; it is a credential, never kept as a fix attribute. */
export const ENROLMENT_PARAM = 'enrol'
/** Store meta key: devices registered on their first fix so far. */
export const SELF_REGISTERED_META = 'selfRegisteredDevices'

export const NO_WAY_IN =
  'INGEST_REGISTER_UNKNOWN=true needs INGEST_ENROLMENT_KEY or INGEST_ALLOWED_DEVICES: without either, anyone who can reach the server could create inspectors'

/** INGEST_ALLOWED_DEVICES: `id,id,…`, or `@/path/devices.txt` with one id a line (# comments, blank lines skipped). */
export function parseAllowedDevices(raw: string | undefined): Set<string> | null {
  if (raw == null || raw.trim() === '') return null
  let ids: string[]
  if (raw.startsWith('@')) {
    const file = raw.slice(1)
    try {
      ids = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => !line.trim().startsWith('#'))
    } catch (error) {
      throw new Error(`INGEST_ALLOWED_DEVICES=${raw}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  } else {
    ids = raw.split(',')
  }
  return new Set(ids.map((id) => id.trim()).filter(Boolean))
}

export function enrolmentRules(raw: { key?: string; allowedDevices?: string; maxNew: number }, registerUnknown: boolean): EnrolmentRules {
  const rules = { key: raw.key || null, allowedDevices: parseAllowedDevices(raw.allowedDevices), maxNew: raw.maxNew }
  if (registerUnknown) assertWayIn(rules)
  return rules
}

export function assertWayIn(rules: EnrolmentRules): void {
  if (rules.key == null && rules.allowedDevices == null) throw new Error(NO_WAY_IN)
}

export interface Refusal {
  field: string
  code: 'enrolment_required' | 'registration_full'
  message: string
}

/** Why `deviceId` may not register now, or null when it may. `fields` are the names the request used. */
export function enrolmentRefusal(
  rules: EnrolmentRules, deviceId: string, presentedKey: string | undefined, registeredSoFar: number,
  fields: { id: string; enrol: string },
): Refusal | null {
  const allowed = rules.allowedDevices?.has(deviceId) ?? false
  const keyMatches = rules.key != null && presentedKey != null && sameSecret(presentedKey, rules.key)
  if (!allowed && !keyMatches) {
    if (rules.key != null && (presentedKey != null || rules.allowedDevices == null)) {
      const problem = presentedKey == null ? 'needs the enrolment key' : 'sent a wrong enrolment key'
      const list = rules.allowedDevices ? ', or its id in the allowed devices' : ''
      return { field: fields.enrol, code: 'enrolment_required', message: `${fields.enrol}: unknown device ${deviceId} ${problem} to register (enrol=… or X-Enrolment-Key${list})` }
    }
    return { field: fields.id, code: 'enrolment_required', message: `${fields.id}: device ${deviceId} is not in the allowed devices (INGEST_ALLOWED_DEVICES)${rules.key ? ' and sent no enrolment key' : ''}` }
  }
  if (registeredSoFar >= rules.maxNew) {
    return {
      field: fields.id, code: 'registration_full',
      message: `${fields.id}: registration is full: ${registeredSoFar} devices have registered themselves (INGEST_REGISTER_MAX=${rules.maxNew}); register ${deviceId} by hand or raise the cap`,
    }
  }
  return null
}

/** Compares secrets in constant time (hashes first, so lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(a), digest(b))
}
