// The one entry point for positions, whatever their source (the simulator now; phones and the
// batch API later). It validates at the edge so the domain can trust what it gets.
import type { District } from '../domain/district'

export interface PositionInput {
  inspectorId: number
  lng: number
  lat: number
  heading?: number | null
  /** Epoch ms of the fix. */
  at: number
}

export class InvalidInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`)
    this.name = 'InvalidInputError'
  }
}

export function validatePosition(p: PositionInput): void {
  if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) throw new InvalidInputError('lat', `must be a number in [-90, 90], got ${p.lat}`)
  if (!Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180) throw new InvalidInputError('lng', `must be a number in [-180, 180], got ${p.lng}`)
  if (!Number.isFinite(p.at)) throw new InvalidInputError('at', `must be a timestamp, got ${p.at}`)
  if (p.heading != null && !Number.isFinite(p.heading)) throw new InvalidInputError('heading', `must be degrees, got ${p.heading}`)
}

/** Applies one fix; returns whether the live marker moved (late fixes do not move it). */
export function ingestPosition(district: District, p: PositionInput): boolean {
  validatePosition(p)
  if (!district.inspectors.info(p.inspectorId)) throw new InvalidInputError('inspectorId', `unknown inspector ${p.inspectorId}`)
  return district.inspectors.applyFix(p.inspectorId, { lng: p.lng, lat: p.lat, heading: p.heading ?? null, at: p.at }, district.clock.now())
}
