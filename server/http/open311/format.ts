// GeoReport v2 answers in the format the path's extension asks for. XML is the spec's required format
// and the only one FixMyStreet reads; JSON is the same data by the spec's Spark convention (the root
// dropped, lists as arrays). XML is written by fast-xml-parser's XMLBuilder, never by hand.
//
// Empty values: `null` is an empty element (`<account_id/>`, as the spec's POST answer writes what its
// JSON gives as null); FixMyStreet's XML::Simple (SuppressEmpty => undef) reads it back as undef, i.e.
// the same null. `undefined` is left out, as JSON.stringify leaves it out, so the formats agree.
import type { Response } from 'express'
import { XMLBuilder } from 'fast-xml-parser'
import { Open311Error } from './open311-errors'

export type Open311Format = 'json' | 'xml'

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** `services.xml` → { name: 'services', format: 'xml' }; no or another extension → Open311Error 404 naming the path. */
export function formatOf(file: string): { name: string; format: Open311Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file)
  if (match) return { name: match[1], format: match[2] as Open311Format }
  throw new Open311Error(404, 'path', `append .xml or .json to ${file.slice(0, 40)}`)
}

/** The format an answer (an error, too) should take for a path: XML for .xml, JSON otherwise. */
export function formatOfPath(path: string): Open311Format {
  return path.endsWith('.xml') ? 'xml' : 'json'
}

// The element each list field holds, as the spec's examples nest them (service_definition, discovery)
// and as FixMyStreet's GroupTags read them (perllib/Open311.pm:721-723). Any other list repeats its
// own name inside, as FixMyStreet reads several media_url: <media_url><media_url>…</media_url>…</media_url>.
const LIST_ITEMS: Readonly<Record<string, string>> = {
  attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format', groups: 'group', media_urls: 'media_url',
}

// XML 1.0 has no way to write these (not even as &#…;): a parser would refuse the whole document.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function xmlValue(value: unknown): unknown {
  if (value === null) return null
  if (typeof value === 'string') return value.replace(NOT_XML, '\uFFFD')
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'object') return xmlObject(value)
  return undefined
}

function xmlObject(object: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue
    out[key] = Array.isArray(value) ? { [LIST_ITEMS[key] ?? key]: value.map(xmlValue) } : xmlValue(value)
  }
  return out
}

// Attributes are on only for the declaration; our own keys never start with the prefix.
const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, attributeNamePrefix: '@_' })

/** A whole XML document, `<?xml version="1.0" encoding="utf-8"?>` first (the spec requires the declaration with its encoding). */
function xmlDocument(root: string, content: Record<string, unknown>): string {
  // Both the declaration and the Content-Type name UTF-8: FixMyStreet takes the charset from either.
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: content }) as string
}

/** A list answer: JSON array, or XML `<root><item>…</item>…</root>` with the XML declaration; right content type. */
export function sendList(res: Response, format: Open311Format, root: string, item: string, items: readonly object[]): void {
  if (format === 'json') {
    res.type(JSON_CONTENT_TYPE).send(JSON.stringify(items))
    return
  }
  res.type(XML_CONTENT_TYPE).send(xmlDocument(root, { [item]: items.map(xmlValue) }))
}

/** A single-object answer (service_definition, discovery): a JSON object, or XML `<root>…</root>`. */
export function sendObject(res: Response, format: Open311Format, root: string, object: object): void {
  if (format === 'json') {
    res.type(JSON_CONTENT_TYPE).send(JSON.stringify(object))
    return
  }
  res.type(XML_CONTENT_TYPE).send(xmlDocument(root, xmlObject(object)))
}
