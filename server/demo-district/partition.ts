// Splits a connected set of grids into contiguous groups by recursive bisection. Each cut grows one
// side from an extreme along a direction, so parts come out compact, and keeps the other side whole.

export interface GridNode {
  x: number
  y: number
  /** Shared edge length with each neighbouring grid. */
  neighbours: Map<number, number>
}

const ANGLES = [0, 45, 90, 135, 180, 225, 270, 315].map((d) => (d * Math.PI) / 180)

/** Split `members` into `groups` contiguous parts of `minSize`..`maxSize` grids each. */
export function partition(nodes: GridNode[], members: number[], groups: number, minSize: number, maxSize: number): number[][] {
  if (groups <= 1) return [members]
  const groupsA = Math.floor(groups / 2)
  const groupsB = groups - groupsA
  const lo = Math.max(minSize * groupsA, members.length - maxSize * groupsB)
  const hi = Math.min(maxSize * groupsA, members.length - minSize * groupsB)
  const ideal = Math.round((members.length * groupsA) / groups)
  const sizes = [...range(lo, hi)].sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || a - b)
  for (const size of sizes) {
    const cut = bestCut(nodes, members, size, ANGLES)
    if (cut) {
      const rest = members.filter((m) => !cut.includes(m))
      return [...partition(nodes, cut, groupsA, minSize, maxSize), ...partition(nodes, rest, groupsB, minSize, maxSize)]
    }
  }
  throw new Error(`cannot split ${members.length} grids into ${groups} contiguous groups`)
}

/** One contiguous part of `size` grids grown from the extreme of the given direction(s). */
export function bestCut(nodes: GridNode[], members: number[], size: number, angles: number[]): number[] | null {
  let best: number[] | null = null
  let bestLength = Infinity
  for (const angle of angles) {
    const part = growAlong(nodes, members, size, Math.cos(angle), Math.sin(angle))
    if (part.length !== size) continue
    const rest = members.filter((m) => !part.includes(m))
    if (!isConnected(nodes, rest)) continue
    const length = cutLength(nodes, part, rest)
    if (length < bestLength) { best = part; bestLength = length }
  }
  return best
}

function growAlong(nodes: GridNode[], members: number[], size: number, dx: number, dy: number): number[] {
  const inSet = new Set(members)
  const key = (m: number) => nodes[m].x * dx + nodes[m].y * dy
  const start = members.reduce((a, b) => (key(b) < key(a) ? b : a))
  const part = new Set([start])
  while (part.size < size) {
    let next = -1
    for (const m of part) {
      for (const n of nodes[m].neighbours.keys()) {
        if (inSet.has(n) && !part.has(n) && (next < 0 || key(n) < key(next))) next = n
      }
    }
    if (next < 0) break
    part.add(next)
  }
  return [...part]
}

export function isConnected(nodes: GridNode[], members: number[]): boolean {
  if (members.length === 0) return false
  const inSet = new Set(members)
  const seen = new Set([members[0]])
  const stack = [members[0]]
  while (stack.length) {
    for (const n of nodes[stack.pop()!].neighbours.keys()) {
      if (inSet.has(n) && !seen.has(n)) { seen.add(n); stack.push(n) }
    }
  }
  return seen.size === members.length
}

function cutLength(nodes: GridNode[], part: number[], rest: number[]): number {
  const other = new Set(rest)
  let length = 0
  for (const m of part) for (const [n, len] of nodes[m].neighbours) if (other.has(n)) length += len
  return length
}

function* range(lo: number, hi: number): Generator<number> {
  for (let k = lo; k <= hi; k++) yield k
}
