// The attribute[...] of a service request: form clients send `attribute[severity]=紧急` (parsed by
// the extended urlencoded parser into an object), JSON clients an `attribute` object or the same
// flat keys. Only the attributes the service definition lists are accepted.
import type { Body } from './request-input'
import { Open311Error } from './open311-errors'
import { SERVICE_ATTRIBUTES } from './service-list'

export interface Attributes {
  severity?: string
  landmark?: string
}

function collect(body: Body): [string, unknown][] {
  const entries: [string, unknown][] = []
  const nested = body.attribute
  if (nested != null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) throw new Open311Error(400, 'attribute', 'must be attribute[code]=value pairs')
    entries.push(...Object.entries(nested))
  }
  for (const [key, value] of Object.entries(body)) {
    const flat = /^attribute\[(.+)\]$/.exec(key)
    if (flat) entries.push([flat[1], value])
  }
  return entries
}

export function readAttributes(body: Body): Attributes {
  const attributes: Attributes = {}
  for (const [code, raw] of collect(body)) {
    const field = `attribute[${code}]`
    const spec = SERVICE_ATTRIBUTES.find((a) => a.code === code)
    if (!spec) throw new Open311Error(400, field, `not an attribute of this service (known: ${SERVICE_ATTRIBUTES.map((a) => a.code).join(', ')})`)
    if (typeof raw !== 'string') throw new Open311Error(400, field, 'must be a single text value')
    const value = raw.trim()
    if (value === '') continue
    if (spec.values && !spec.values.some((v) => v.key === value)) {
      throw new Open311Error(400, field, `must be one of ${spec.values.map((v) => v.key).join(', ')}`)
    }
    if (value.length > 100) throw new Open311Error(400, field, 'must be at most 100 characters')
    attributes[code as keyof Attributes] = value
  }
  return attributes
}
