// A POSTed service request (form-encoded or JSON) checked field by field into what reportCase
// needs. Every refusal names the GeoReport field. The wall is offline with no geocoder: a report
// with an address_string and no lat/long is filed 待定位 (not on the map) until an operator places it
// (the workflow action `locate`); with lat/long, the address is kept beside the point. Text arrives as clients
// encode it: FixMyStreet's newlines are CRLF (HTTP::Request::Common), its several photos a repeated
// media_url, its device id `deviceid` (perllib/Open311.pm:196-206); all are taken as the spec's.
import type { CaseCategory } from '../../contract/domain'
import { findCategory } from '../../domain/categories'
import type { ReporterContact } from '../../domain/reporter-contact'
import { Open311Error } from './open311-errors'
import { attributeText, normaliseText, readAttributes, type Attributes } from './request-attributes'

export type Body = Record<string, unknown>

export interface ParsedServiceRequest {
  category: CaseCategory
  /** null with an address_string: a hotline-style report, filed 待定位 until an operator places it. */
  lng: number | null
  lat: number | null
  description: string
  /** Who the case history names: never their contact details, which go apart (reporterContact). */
  actor: string
  reporterContact: ReporterContact
  accountId: string | null
  /** The first of mediaUrls. */
  mediaUrl: string | null
  mediaUrls: string[]
  attributes: Attributes | null
  address: string | null
}

const bad = (field: string, problem: string) => new Open311Error(400, field, problem)

/** A single text value, trimmed, its line breaks LF; null when absent or empty. */
export function text(body: Body, field: string, max: number): string | null {
  const value = body[field]
  if (value == null) return null
  if (typeof value !== 'string' && typeof value !== 'number') throw bad(field, 'must be a single value')
  const trimmed = normaliseText(String(value))
  if (trimmed.length > max) throw bad(field, `must be at most ${max} characters`)
  return trimmed === '' ? null : trimmed
}

// Plain decimal degrees only: Number() would also take '', '0x1f' and 'Infinity'.
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/

function coordinate(body: Body, field: 'lat' | 'long', limit: number): number | null {
  const raw = body[field]
  if (raw == null || raw === '') return null
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw.trim()) : NaN
  if (!(Math.abs(n) <= limit)) throw bad(field, `must be decimal degrees in [-${limit}, ${limit}], got ${JSON.stringify(raw).slice(0, 40)}`)
  return n
}

/** lat/long; or, with no point at all, an address_string alone (there is no geocoder offline: 待定位). */
function location(body: Body): { lat: number | null; lng: number | null } {
  const lat = coordinate(body, 'lat', 90)
  const lng = coordinate(body, 'long', 180)
  if (lat == null && lng == null && text(body, 'address_string', 500) != null) return { lat: null, lng: null }
  if (lat == null) throw bad('lat', 'required, with long (decimal degrees, WGS-84), unless an address_string is given alone')
  if (lng == null) throw bad('long', 'required, with lat (decimal degrees, WGS-84)')
  return { lat, lng }
}

/** More than a citizen's camera roll would sensibly send with one report. */
export const MAX_PHOTOS = 20

/** Every photo, in the order sent: one media_url, or several (a repeated key, or a JSON list). */
function mediaUrls(body: Body): string[] {
  const raw = body.media_url
  const items = raw == null ? [] : Array.isArray(raw) ? raw : [raw]
  if (items.length > MAX_PHOTOS) throw bad('media_url', `at most ${MAX_PHOTOS} photos`)
  const urls: string[] = []
  items.forEach((item, index) => {
    const which = items.length > 1 ? ` (photo ${index + 1} of ${items.length})` : ''
    if (typeof item !== 'string') throw bad('media_url', `must be an http(s) URL${which}`)
    const value = item.trim()
    if (value === '') return
    if (value.length > 2048) throw bad('media_url', `must be at most 2048 characters${which}`)
    const url = URL.canParse(value) ? new URL(value) : null
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw bad('media_url', `must be an http(s) URL${which}`)
    urls.push(url.href)
  })
  return urls
}

/** The details a call-back needs: personal data, stored apart from the case and never shown on a wall. */
function reporterContact(body: Body): ReporterContact {
  return {
    firstName: text(body, 'first_name', 50), lastName: text(body, 'last_name', 50),
    phone: text(body, 'phone', 40), email: text(body, 'email', 254),
    accountId: text(body, 'account_id', 100), deviceId: text(body, 'device_id', 100) ?? text(body, 'deviceid', 100),
  }
}

export function parseServiceRequest(body: Body): ParsedServiceRequest {
  const code = text(body, 'service_code', 20)
  if (code == null) throw bad('service_code', 'required')
  const category = findCategory(code)
  if (!category) throw bad('service_code', `unknown service ${code}`)
  const { lat, lng } = location(body)
  const attributes = readAttributes(body)
  const media = mediaUrls(body)
  const address = text(body, 'address_string', 500)
  const landmark = attributeText(attributes, 'landmark')
  // The wall shows the description alone: what a screen needs of the attributes goes into it too.
  const parts = [
    `${attributeText(attributes, 'severity') === '紧急' ? '【紧急】' : ''}${text(body, 'description', 4000) ?? category.name}`,
    landmark && `附近：${landmark}`,
    address && `地址：${address}`,
  ]
  return {
    category, lat, lng, description: parts.filter(Boolean).join('；'),
    actor: '市民', reporterContact: reporterContact(body), accountId: text(body, 'account_id', 100),
    mediaUrl: media[0] ?? null, mediaUrls: media, attributes, address,
  }
}
