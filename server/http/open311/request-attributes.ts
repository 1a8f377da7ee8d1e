// The attribute[...] of a service request, kept with the case. Form clients send
// `attribute[severity]=紧急` (FixMyStreet percent-encodes the brackets: attribute%5Bseverity%5D), a
// multivaluelist as `attribute[code][]=a&attribute[code][]=b` (the spec) or as a repeated
// `attribute[code]=a&attribute[code]=b` (FixMyStreet); the extended urlencoded parser (qs) makes
// both a list. JSON clients send an `attribute` object, or the same flat keys.
// Codes the service does not define are kept, as clients send them (FixMyStreet adds attribute[uprn]
// and every field of its stored definition); the ones it defines are still checked. An empty value
// is no value: FixMyStreet sends every field, blank when the citizen left it blank.
import type { Body } from './request-input'
import { Open311Error } from './open311-errors'
import { SERVICE_ATTRIBUTES } from './service-list'

export type Attributes = Record<string, string | string[]>

// Bounds well above any real form (FixMyStreet's largest definitions have some 20 fields), so one
// request cannot make a case of thousands of values; the 64 kB body limit bounds the rest.
export const MAX_ATTRIBUTES = 50
export const MAX_VALUES = 50
const MAX_CODE = 100
const MAX_VALUE = 500
/** The limit of the attributes the service list defines (its datatype_description says so). */
const MAX_DEFINED_VALUE = 100

const bad = (field: string, problem: string) => new Open311Error(400, field, problem)

function collect(body: Body): [string, unknown][] {
  const entries: [string, unknown][] = []
  const nested = body.attribute
  if (nested != null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) throw bad('attribute', 'must be attribute[code]=value pairs')
    entries.push(...Object.entries(nested))
  }
  for (const [key, value] of Object.entries(body)) {
    const flat = /^attribute\[(.+)\]$/.exec(key)
    if (flat) entries.push([flat[1], value])
  }
  return entries
}

/** Line breaks as LF: HTTP::Request::Common sends every newline of a form as CRLF. */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim()
}

/** The values given for one code, empty ones left out; a list when the client sent one. */
function valuesOf(field: string, raw: unknown): { values: string[]; list: boolean } {
  const items = Array.isArray(raw) ? raw : [raw]
  if (items.length > MAX_VALUES) throw bad(field, `at most ${MAX_VALUES} values`)
  const values = items.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') throw bad(field, 'must be text, or a list of texts')
    return normaliseText(String(item))
  }).filter((value) => value !== '')
  return { values, list: Array.isArray(raw) }
}

function checkDefined(field: string, code: string, values: string[]): string {
  const spec = SERVICE_ATTRIBUTES.find((a) => a.code === code)!
  if (values.length > 1) throw bad(field, 'must be a single value')
  const [value] = values
  if (spec.values && !spec.values.some((v) => v.key === value)) {
    throw bad(field, `must be one of ${spec.values.map((v) => v.key).join(', ')}`)
  }
  if (value.length > MAX_DEFINED_VALUE) throw bad(field, `must be at most ${MAX_DEFINED_VALUE} characters`)
  return value
}

/** Every attribute with a value, by its code as sent; null when there is none. */
export function readAttributes(body: Body): Attributes | null {
  const entries = collect(body)
  if (entries.length > MAX_ATTRIBUTES) throw bad('attribute', `at most ${MAX_ATTRIBUTES} attributes`)
  const kept: [string, string | string[]][] = []
  for (const [code, raw] of entries) {
    const field = `attribute[${code.slice(0, MAX_CODE)}]`
    if (code.length > MAX_CODE || /[\u0000-\u001F\u007F]/.test(code)) throw bad(field, `a code must be at most ${MAX_CODE} characters, without control characters`)
    const { values, list } = valuesOf(field, raw)
    if (values.length === 0) continue
    if (values.some((value) => value.length > MAX_VALUE)) throw bad(field, `must be at most ${MAX_VALUE} characters`)
    const defined = SERVICE_ATTRIBUTES.some((a) => a.code === code)
    kept.push([code, defined ? checkDefined(field, code, values) : list ? values : values[0]])
  }
  // fromEntries defines own properties: a code such as __proto__ stays a code.
  return kept.length > 0 ? Object.fromEntries(kept) : null
}

/** A defined single-value attribute's value (severity, landmark), if given. */
export function attributeText(attributes: Attributes | null, code: string): string | null {
  const value = attributes?.[code]
  return typeof value === 'string' ? value : null
}
