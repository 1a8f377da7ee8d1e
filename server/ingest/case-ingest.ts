// The entry points for cases: a report from any source, and the workflow actions. The simulator
// uses exactly these; the Open311 and workflow APIs will too.
import type { CaseAction, CaseSource } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'
import { findCategory } from '../domain/categories'
import type { District } from '../domain/district'
import type { ReporterContact } from '../domain/reporter-contact'
import { InvalidInputError, validatePosition } from './position-ingest'

export interface CaseReportInput {
  categoryCode: string
  source: CaseSource
  /** Omitted (or null) together for a report by address only: it is filed as 待定位 under the district. */
  lng?: number | null
  lat?: number | null
  description: string
  reporterId?: number | null
  actor: string
  mediaUrl?: string | null
  /** Every photo, in order (the first is mediaUrl); Open311 repeated media_url. */
  mediaUrls?: readonly string[]
  /** Open311 attribute[code], kept with the case. */
  attributes?: Record<string, string | string[]> | null
  /** Open311 address_string. */
  address?: string | null
  /** A citizen's contact details (stored apart, never shown on a wall). */
  reporterContact?: ReporterContact | null
  /** Epoch ms; defaults to now. */
  at?: number
}

export function reportCase(district: District, input: CaseReportInput): CaseRecord {
  const at = input.at ?? district.clock.now()
  if (!findCategory(input.categoryCode)) throw new InvalidInputError('categoryCode', `unknown category ${input.categoryCode}`)
  const place = placeOf(district, input, at)
  return district.cases.report({
    categoryCode: input.categoryCode, source: input.source, gridCode: place.gridCode, lng: place.lng, lat: place.lat,
    description: input.description, reporterId: input.reporterId ?? null, at, actor: input.actor, mediaUrl: input.mediaUrl ?? null,
    mediaUrls: input.mediaUrls, attributes: input.attributes ?? null, address: input.address ?? null,
    reporterContact: input.reporterContact ?? null,
  })
}

/** The grid a point lies in; or, with no point but an address, the district (待定位). */
function placeOf(district: District, input: CaseReportInput, at: number): { gridCode: string; lng: number | null; lat: number | null } {
  if (input.lng == null && input.lat == null) {
    if (!input.address?.trim()) throw new InvalidInputError('location', 'a report needs a point (lng, lat) or an address')
    return { gridCode: district.tree.root.code, lng: null, lat: null }
  }
  const lng = input.lng ?? NaN
  const lat = input.lat ?? NaN
  validatePosition({ inspectorId: 0, lng, lat, at })
  return { gridCode: gridAt(district, lng, lat).code, lng, lat }
}

/** The grid a point lies in; a point outside every grid is refused, naming where it is. */
export function gridAt(district: District, lng: number, lat: number) {
  const grid = district.tree.locateGrid([lng, lat])
  if (!grid) throw new InvalidInputError('location', `(${lng}, ${lat}) is outside every grid of ${district.tree.root.name}`)
  return grid
}

/** Places a case reported by address only (or corrects a point): the grid follows the point. */
export function locateCase(district: District, caseId: string, input: { actor: string; lng: number; lat: number; note?: string | null; at?: number }): CaseRecord {
  const at = input.at ?? district.clock.now()
  validatePosition({ inspectorId: 0, lng: input.lng, lat: input.lat, at })
  const grid = gridAt(district, input.lng, input.lat)
  return district.cases.locate(caseId, {
    at, actor: input.actor, lng: input.lng, lat: input.lat, gridCode: grid.code,
    note: input.note ?? `${input.lng.toFixed(6)}, ${input.lat.toFixed(6)} · ${grid.name}`,
  })
}

export function actOnCase(
  district: District, caseId: string, action: CaseAction,
  input: { actor: string; at?: number; note?: string | null; department?: string },
): CaseRecord {
  return district.cases.act(caseId, action, { ...input, at: input.at ?? district.clock.now() })
}
