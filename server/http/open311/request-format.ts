// A case as a GeoReport service request, the fields of the spec's GET Service Requests example. Times
// carry the +08:00 offset the command centre keeps; cancelled (不予立案) counts as closed, and
// status_notes names the current step in Chinese. The attributes stay out: the spec answers none.
import type { CaseStep, EpochMs } from '../../contract/domain'
import type { CaseRecord } from '../../domain/case-book'
import { findCategory } from '../../domain/categories'
import { isOpen } from '../../domain/case-workflow'
import { CST_OFFSET_MS } from '../../domain/china-time'
import { serviceNotice } from './service-list'

/** What is waiting to happen, and (in brackets) the last step done. */
export const STATUS_NOTES: Record<CaseStep, string> = {
  reported: '待受理（采集）',
  accepted: '待立案（受理）',
  filed: '待派遣（立案）',
  dispatched: '处置中（派遣）',
  handled: '待核查（处置）',
  verified: '待结案（核查）',
  closed: '已结案',
  cancelled: '不予立案',
}

/** ISO 8601 in China Standard Time, e.g. 2026-11-25T09:40:00+08:00. */
export function isoCst(at: EpochMs): string {
  return `${new Date(at + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

export function toServiceRequest(record: CaseRecord) {
  const category = findCategory(record.categoryCode)
  return {
    service_request_id: record.id,
    status: isOpen(record.step) ? 'open' : 'closed',
    status_notes: record.lng == null && isOpen(record.step) ? `${STATUS_NOTES[record.step]}，待定位` : STATUS_NOTES[record.step],
    service_name: category?.name ?? null,
    service_code: record.categoryCode,
    description: record.description,
    agency_responsible: record.department,
    service_notice: category ? serviceNotice(category) : null,
    requested_datetime: isoCst(record.reportedAt),
    updated_datetime: isoCst(record.stepAt),
    expected_datetime: record.step === 'dispatched' && record.dueAt != null ? isoCst(record.dueAt) : null,
    address: record.address,
    lat: record.lat,
    long: record.lng,
    // The spec's media_url is one URL: the first photo. Every photo, in order, is media_urls (an
    // addition spec clients skip; FixMyStreet reads media_url alone, GetServiceRequests.pm:292).
    media_url: record.mediaUrl,
    media_urls: record.mediaUrls,
  }
}
