// The one entry point for positions, whatever their source: the simulator, phones (OsmAnd/Traccar),
// the batch API. It validates at the edge, writes to the store, and only then updates the live
// state, so a fix that was acknowledged is in the database.
import type { District } from '../domain/district'
import { StoreWriteError } from '../domain/store-write-error'
import type { StoredFix, WallStore } from '../store/wall-store'
import { DEFAULT_MAX_CLOCK_SKEW_MS, refuseExpiredFix, refuseFutureFix } from './future-fix'
import type { HistorySampler } from './history-sampler'

export interface PositionInput {
  inspectorId: number
  lng: number
  lat: number
  heading?: number | null
  /** Epoch ms of the fix. */
  at: number
  /** m/s */
  speed?: number | null
  /** metres */
  accuracy?: number | null
  /** 0–1 */
  battery?: number | null
  attributes?: Record<string, string | number | boolean> | null
}

/** Where positions go: the live district and the store, with history down-sampling. */
export interface PositionIntake {
  district: District
  store: WallStore
  sampler: HistorySampler
  /** Fixes further ahead of the district's clock than this are refused (MAX_CLOCK_SKEW_S; default 5 min). */
  maxClockSkewMs?: number
  /** Fixes older than this (POSITION_RETENTION_DAYS) are refused; unbounded when absent. */
  historyRetentionMs?: number
}

export class InvalidInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`)
    this.name = 'InvalidInputError'
  }
}

export interface PositionRejection {
  index: number
  field: string
  message: string
}

export function validatePosition(p: PositionInput): void {
  if (typeof p.lat !== 'number' || !Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) throw new InvalidInputError('lat', `must be a number in [-90, 90], got ${p.lat}`)
  if (typeof p.lng !== 'number' || !Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180) throw new InvalidInputError('lng', `must be a number in [-180, 180], got ${p.lng}`)
  if (p.lat === 0 && p.lng === 0) throw new InvalidInputError('lat', '0,0 is a phone without a fix, not a position')
  if (typeof p.at !== 'number' || !Number.isFinite(p.at)) throw new InvalidInputError('at', `must be a timestamp, got ${p.at}`)
  if (p.heading != null && !Number.isFinite(p.heading)) throw new InvalidInputError('heading', `must be degrees, got ${p.heading}`)
}

/** Stores and applies a batch; invalid items are reported by index and the valid ones still land. */
export function ingestPositions(intake: PositionIntake, inputs: readonly PositionInput[]): { accepted: number; rejected: PositionRejection[] } {
  const rejected: PositionRejection[] = []
  const fixes: StoredFix[] = []
  const now = intake.district.clock.now()
  const maxSkewMs = intake.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS
  inputs.forEach((p, index) => {
    try {
      validatePosition(p)
      refuseFutureFix(p.at, now, maxSkewMs, 'at')
      if (intake.historyRetentionMs != null) refuseExpiredFix(p.at, now, intake.historyRetentionMs, 'at')
      if (!intake.district.inspectors.info(p.inspectorId)) throw new InvalidInputError('inspectorId', `unknown inspector ${p.inspectorId}`)
      fixes.push({ ...p, heading: p.heading ?? null })
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      rejected.push({ index, field: error.field, message: error.message })
    }
  })
  // One pass: a batch holds up to 10,000 fixes, so no lookup of one list in the other.
  const history: StoredFix[] = []
  const latestOnly: StoredFix[] = []
  for (const f of fixes) (intake.sampler.keep(f) ? history : latestOnly).push(f)
  try {
    intake.store.transaction(() => {
      intake.store.appendFixes(history)
      intake.store.updateLatest(latestOnly)
    })
  } catch (error) {
    throw new StoreWriteError(`${fixes.length} positions`, error)
  }
  for (const f of fixes) intake.district.inspectors.applyFix(f.inspectorId, { lng: f.lng, lat: f.lat, heading: f.heading ?? null, at: f.at }, now)
  return { accepted: fixes.length, rejected }
}

/** One fix; throws InvalidInputError naming the field (the fix's time as `atField`, the name the client sent it under). */
export function ingestPosition(intake: PositionIntake, p: PositionInput, atField = 'at'): void {
  const { rejected } = ingestPositions(intake, [p])
  if (rejected.length === 0) return
  const { field, message } = rejected[0]
  throw new InvalidInputError(field === 'at' ? atField : field, message.replace(`${field}: `, ''))
}
