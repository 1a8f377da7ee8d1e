// The WallStore as the rest of the server sees it, with its writes timed (wall_store_write_seconds)
// and the positions it committed counted (wall_positions_accepted_total). A Proxy, so every other
// method passes through untouched and a method added to WallStore needs nothing here.
//
// Positions count when they are committed: inside store.transaction() (the ingest writes history and
// latest fixes in one) they wait for the outermost transaction to return, and a rolled-back one
// counts nothing.
import type { StoredFix, WallStore } from '../store/wall-store'
import type { WallMetrics } from './metrics'

const WRITES = new Set<string>([
  'appendFixes', 'updateLatest', 'saveCase', 'saveInspector', 'replaceAreas', 'saveProfiles',
  'saveClientUpdateSeq', 'setMeta', 'pruneFixes', 'discardFixesAfter', 'transaction',
])
const POSITION_WRITES = new Set<string>(['appendFixes', 'updateLatest'])

export function meterStore(store: WallStore, metrics: WallMetrics): WallStore {
  /** Positions written at each open transaction depth, not yet committed. */
  const pending: number[] = []
  const commit = (count: number) => {
    if (pending.length > 0) pending[pending.length - 1] += count
    else if (count > 0) metrics.positionsAccepted.inc(count)
  }
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof property !== 'string' || !WRITES.has(property) || typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const timer = metrics.storeWriteSeconds.startTimer({ operation: property })
        const nested = property === 'transaction'
        if (nested) pending.push(0)
        try {
          const result: unknown = value.apply(target, args)
          const positions = nested ? pending.pop()! : POSITION_WRITES.has(property) ? (args[0] as readonly StoredFix[]).length : 0
          commit(positions)
          return result
        } catch (error) {
          if (nested) pending.pop()
          throw error
        } finally {
          timer()
        }
      }
    },
  })
}
