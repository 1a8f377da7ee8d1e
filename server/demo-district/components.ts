// 4-connected component labelling on rasters (4-connectivity matches how inspectors can move: no
// squeezing diagonally between two blocked cells).

export interface Components {
  /** Component id per cell, -1 where the mask is empty. */
  id: Int32Array
  sizes: number[]
}

const NEIGHBOURS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]]

/** Components of the cells where `include` holds; neighbours join when `joins` agrees. */
export function labelComponents(
  width: number,
  height: number,
  include: (k: number) => boolean,
  joins: (a: number, b: number) => boolean = () => true,
): Components {
  const id = new Int32Array(width * height).fill(-1)
  const sizes: number[] = []
  const queue = new Int32Array(width * height)
  for (let start = 0; start < id.length; start++) {
    if (id[start] >= 0 || !include(start)) continue
    const c = sizes.length
    let head = 0
    let tail = 0
    queue[tail++] = start
    id[start] = c
    while (head < tail) {
      const k = queue[head++]
      const i = k % width
      const j = (k - i) / width
      for (const [di, dj] of NEIGHBOURS) {
        const ni = i + di
        const nj = j + dj
        if (ni < 0 || nj < 0 || ni >= width || nj >= height) continue
        const n = nj * width + ni
        if (id[n] >= 0 || !include(n) || !joins(k, n)) continue
        id[n] = c
        queue[tail++] = n
      }
    }
    sizes.push(tail)
  }
  return { id, sizes }
}

/** Only the largest 4-connected component of the mask. */
export function keepLargest(mask: Uint8Array, width: number, height: number): Uint8Array {
  const { id, sizes } = labelComponents(width, height, (k) => mask[k] === 1)
  const best = sizes.indexOf(Math.max(...sizes))
  const out = new Uint8Array(mask.length)
  for (let k = 0; k < out.length; k++) out[k] = id[k] === best ? 1 : 0
  return out
}

/** Fill enclosed holes of at most `maxCells` cells (holes touching the raster edge are not enclosed). */
export function fillSmallHoles(mask: Uint8Array, width: number, height: number, maxCells: number): Uint8Array {
  const { id, sizes } = labelComponents(width, height, (k) => mask[k] === 0)
  const touchesEdge = new Uint8Array(sizes.length)
  for (let i = 0; i < width; i++) {
    markEdge(id[i], touchesEdge)
    markEdge(id[(height - 1) * width + i], touchesEdge)
  }
  for (let j = 0; j < height; j++) {
    markEdge(id[j * width], touchesEdge)
    markEdge(id[j * width + width - 1], touchesEdge)
  }
  const out = mask.slice()
  for (let k = 0; k < out.length; k++) {
    const c = id[k]
    if (c >= 0 && !touchesEdge[c] && sizes[c] <= maxCells) out[k] = 1
  }
  return out
}

function markEdge(c: number, touchesEdge: Uint8Array): void {
  if (c >= 0) touchesEdge[c] = 1
}

/**
 * Makes every label one 4-connected piece: stray fragments (a Voronoi cell reaching round a corner)
 * join the neighbouring label they share the longest edge with.
 */
export function makeContiguous(label: Int32Array, width: number, height: number): void {
  for (let pass = 0; pass < 10; pass++) {
    const pieces = labelComponents(width, height, (k) => label[k] >= 0, (a, b) => label[a] === label[b])
    const main = new Map<number, number>()
    for (let k = 0; k < label.length; k++) {
      const p = pieces.id[k]
      if (p < 0) continue
      const best = main.get(label[k])
      if (best === undefined || pieces.sizes[p] > pieces.sizes[best]) main.set(label[k], p)
    }
    const target = strayTargets(label, pieces, main, width, height)
    if (target.size === 0) return
    for (let k = 0; k < label.length; k++) {
      const to = target.get(pieces.id[k])
      if (to !== undefined) label[k] = to
    }
  }
}

// For each stray piece, the label it touches along the longest edge.
function strayTargets(label: Int32Array, pieces: Components, main: Map<number, number>, width: number, height: number) {
  const contact = new Map<number, Map<number, number>>()
  for (let k = 0; k < label.length; k++) {
    const p = pieces.id[k]
    if (p < 0 || main.get(label[k]) === p) continue
    const i = k % width
    const j = (k - i) / width
    for (const [di, dj] of NEIGHBOURS) {
      const ni = i + di
      const nj = j + dj
      if (ni < 0 || nj < 0 || ni >= width || nj >= height) continue
      const other = label[nj * width + ni]
      if (other < 0 || other === label[k]) continue
      const counts = contact.get(p) ?? new Map<number, number>()
      counts.set(other, (counts.get(other) ?? 0) + 1)
      contact.set(p, counts)
    }
  }
  const target = new Map<number, number>()
  for (const [p, counts] of contact) {
    let best = -1
    let bestCount = -1
    for (const [other, n] of counts) if (n > bestCount || (n === bestCount && other < best)) { best = other; bestCount = n }
    target.set(p, best)
  }
  return target
}
