// The statistics go out every tick, but the per-grid load (open and overdue cases of every grid, the
// map's shading) is most of their size at city scale: ~7,000 grids with open cases of 15,000, ~280 KB
// of JSON a message, to every wall. Only the grids whose load changed are sent; each value is
// absolute, so a wall that joined from a snapshot at any moment merges them correctly.
import type { GridLoad } from './domain'

export type GridLoads = Readonly<Record<string, GridLoad>>

const ZERO: GridLoad = { open: 0, overdue: 0 }

/** The grids whose load differs between two states; a grid that emptied is sent as zeros. */
export function gridLoadChanges(before: GridLoads, after: GridLoads): Record<string, GridLoad> {
  const changes: Record<string, GridLoad> = {}
  for (const [code, load] of Object.entries(after)) {
    const old = before[code]
    if (!old || old.open !== load.open || old.overdue !== load.overdue) changes[code] = load
  }
  for (const code of Object.keys(before)) if (!(code in after)) changes[code] = ZERO
  return changes
}

/** A new state with the changes merged in (grids at zero are dropped, as the server omits them). */
export function applyGridLoadChanges(current: GridLoads, changes: GridLoads): Record<string, GridLoad> {
  const next: Record<string, GridLoad> = { ...current }
  for (const [code, load] of Object.entries(changes)) {
    if (load.open === 0 && load.overdue === 0) delete next[code]
    else next[code] = load
  }
  return next
}
