// The children of an area ranked by their load: overdue first, then open cases. Pure, from the
// district-wide per-grid load the wall already receives every tick.
import type { AreaInfo, GridLoad } from '../../server/contract/domain'

export interface RankedArea {
  code: string
  name: string
  open: number
  overdue: number
}

export function rankChildren(
  children: readonly AreaInfo[], gridsUnder: (code: string) => Set<string>, load: Readonly<Record<string, GridLoad>>,
): RankedArea[] {
  return children.map((child) => {
    let open = 0, overdue = 0
    for (const grid of gridsUnder(child.code)) {
      open += load[grid]?.open ?? 0
      overdue += load[grid]?.overdue ?? 0
    }
    return { code: child.code, name: child.name, open, overdue }
  }).sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.code.localeCompare(b.code))
}
