// Position history is kept down-sampled: a fix is written to history when the inspector has moved
// or enough time has passed since the last one kept (city scale would otherwise be ~576M rows a
// day, TECH-NOTES §6). The latest fix is always kept; late fixes are always kept (they are rare and
// fill gaps a phone buffered).
import { metresBetween } from '../domain/geo-math'
import type { StoredFix } from '../store/wall-store'

export interface SamplingRule {
  minIntervalMs: number
  minDistanceM: number
}

export class HistorySampler {
  private readonly lastKept = new Map<number, StoredFix>()

  constructor(private readonly rule: SamplingRule) {}

  /** Whether this fix goes to history; remembers it if so. */
  keep(fix: StoredFix): boolean {
    const last = this.lastKept.get(fix.inspectorId)
    const keep = !last
      || fix.at < last.at
      || fix.at - last.at >= this.rule.minIntervalMs
      || metresBetween([last.lng, last.lat], [fix.lng, fix.lat]) >= this.rule.minDistanceM
    if (keep && (!last || fix.at > last.at)) this.lastKept.set(fix.inspectorId, fix)
    return keep
  }
}
