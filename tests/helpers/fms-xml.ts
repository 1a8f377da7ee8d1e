// Reads an Open311 XML answer the way FixMyStreet's client does (perllib/Open311.pm:721-745):
//   XML::Simple->new( ForceArray => [ values %$group_tags ], KeyAttr => {}, GroupTags => $group_tags, SuppressEmpty => undef )
// with the root element dropped, these elements always lists (even one), the GroupTags containers
// collapsed into their list (`attributes => [ … ]`), and an empty element undef (null here). The text
// must first be well-formed XML: XML::Simple gives undef for anything else, which FMS counts as failure.
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** FMS's $group_tags: container → the element it holds (Open311.pm:721-723). */
const GROUP_TAGS: Readonly<Record<string, string>> = {
  services: 'service', attributes: 'attribute', values: 'value', service_requests: 'request',
  errors: 'error', service_request_updates: 'request_update', groups: 'group',
}
const FORCE_ARRAY = new Set(Object.values(GROUP_TAGS))

export type FmsValue = string | null | FmsValue[] | { [key: string]: FmsValue }

function simplify(value: unknown): FmsValue {
  if (value === '' || value == null) return null
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(simplify)
  const out: Record<string, FmsValue> = {}
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const grouped = GROUP_TAGS[key]
    const inner = grouped && child != null && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>)[grouped] : undefined
    out[key] = simplify(inner !== undefined && Object.keys(child as object).length === 1 ? inner : child)
  }
  return out
}

/** The document's root name and its content as FMS sees it. Throws on XML that is not well-formed. */
export function readLikeFixMyStreet(xml: string): { root: string; content: Record<string, FmsValue> } {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  const parser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, isArray: (name) => FORCE_ARRAY.has(name) })
  const parsed = parser.parse(xml) as Record<string, unknown>
  const [root, ...others] = Object.keys(parsed)
  if (root == null || others.length > 0) throw new Error(`expected one root element, got ${Object.keys(parsed).join(', ')}`)
  const content = simplify(parsed[root])
  return { root, content: content != null && typeof content === 'object' && !Array.isArray(content) ? content : {} }
}

/** FMS's _process_error (Open311.pm:703-719): each `<error>` as "code: description". */
export function fmsErrorText(xml: string): string {
  const { content } = readLikeFixMyStreet(xml)
  const errors = (content.error ?? []) as { code?: FmsValue; description?: FmsValue }[]
  return errors.map((e) => `${String(e.code ?? '???')}: ${String(e.description ?? 'unknown error')}\n`).join('')
}
