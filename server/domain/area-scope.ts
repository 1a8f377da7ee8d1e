// Which grids lie under an area: the unit every scoped figure is counted over (a case or an
// inspector belongs to exactly one grid). Cached per tree, so a live import (a new AreaTree) starts
// a fresh cache and the old one is collected with its tree.
import type { AreaTree } from './area-tree'

const cache = new WeakMap<AreaTree, Map<string, ReadonlySet<string>>>()

/** The grid codes at or below `code` (a grid's own code for a grid); empty for an unknown code. */
export function gridCodesUnder(tree: AreaTree, code: string): ReadonlySet<string> {
  let perTree = cache.get(tree)
  if (!perTree) cache.set(tree, (perTree = new Map()))
  let grids = perTree.get(code)
  if (!grids) perTree.set(code, (grids = collectGrids(tree, code)))
  return grids
}

function collectGrids(tree: AreaTree, code: string): Set<string> {
  const grids = new Set<string>()
  const pending = tree.get(code) ? [code] : []
  while (pending.length > 0) {
    const current = pending.pop()!
    if (tree.get(current)?.level === 'grid') grids.add(current)
    pending.push(...tree.childrenOf(current))
  }
  return grids
}
