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
  lng: number
  lat: number
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
  validatePosition({ inspectorId: 0, lng: input.lng, lat: input.lat, at })
  if (!findCategory(input.categoryCode)) throw new InvalidInputError('categoryCode', `unknown category ${input.categoryCode}`)
  const grid = district.tree.locateGrid([input.lng, input.lat])
  if (!grid) throw new InvalidInputError('location', `(${input.lng}, ${input.lat}) is outside every grid of ${district.tree.root.name}`)
  return district.cases.report({
    categoryCode: input.categoryCode, source: input.source, gridCode: grid.code, lng: input.lng, lat: input.lat,
    description: input.description, reporterId: input.reporterId ?? null, at, actor: input.actor, mediaUrl: input.mediaUrl ?? null,
    mediaUrls: input.mediaUrls, attributes: input.attributes ?? null, address: input.address ?? null,
    reporterContact: input.reporterContact ?? null,
  })
}

export function actOnCase(
  district: District, caseId: string, action: CaseAction,
  input: { actor: string; at?: number; note?: string | null; department?: string },
): CaseRecord {
  return district.cases.act(caseId, action, { ...input, at: input.at ?? district.clock.now() })
}
