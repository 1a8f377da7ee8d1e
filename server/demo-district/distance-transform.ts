// Exact Euclidean distance transform with nearest-feature indices (Felzenszwalb & Huttenlocher):
// used for dilation/closing and for the discrete Voronoi that assigns land to street blocks.

export interface FeatureTransform {
  /** Squared distance, in cells, to the nearest feature cell (Infinity if there is none). */
  dist2: Float64Array
  /** Index of that nearest feature cell, or -1. */
  nearest: Int32Array
}

export function featureTransform(isFeature: Uint8Array, width: number, height: number): FeatureTransform {
  const featureRow = nearestRowPerColumn(isFeature, width, height)
  const dist2 = new Float64Array(width * height)
  const nearest = new Int32Array(width * height)
  const g = new Float64Array(width)
  const rowOf = new Int32Array(width)
  const v = new Int32Array(width)
  const z = new Float64Array(width + 1)
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const r = featureRow[j * width + i]
      rowOf[i] = r
      g[i] = r < 0 ? Infinity : (j - r) * (j - r)
    }
    const k = lowerEnvelope(g, v, z)
    for (let i = 0, e = 0; i < width; i++) {
      if (k < 0) { dist2[j * width + i] = Infinity; nearest[j * width + i] = -1; continue }
      while (e < k && z[e + 1] < i) e++
      const q = v[e]
      dist2[j * width + i] = (i - q) * (i - q) + g[q]
      nearest[j * width + i] = rowOf[q] * width + q
    }
  }
  return { dist2, nearest }
}

// For every cell, the row of the nearest feature in the same column (-1 if the column has none).
function nearestRowPerColumn(isFeature: Uint8Array, width: number, height: number): Int32Array {
  const out = new Int32Array(width * height)
  for (let i = 0; i < width; i++) {
    let last = -1
    for (let j = 0; j < height; j++) {
      if (isFeature[j * width + i]) last = j
      out[j * width + i] = last
    }
    last = -1
    for (let j = height - 1; j >= 0; j--) {
      if (isFeature[j * width + i]) last = j
      const below = out[j * width + i]
      if (last >= 0 && (below < 0 || last - j < j - below)) out[j * width + i] = last
    }
  }
  return out
}

// Lower envelope of the parabolas (x - q)² + g[q]; returns the index of the last parabola (-1 if none).
function lowerEnvelope(g: Float64Array, v: Int32Array, z: Float64Array): number {
  let k = -1
  for (let q = 0; q < g.length; q++) {
    if (g[q] === Infinity) continue
    if (k < 0) {
      k = 0
      v[0] = q
      z[0] = -Infinity
      z[1] = Infinity
      continue
    }
    let s = intersect(g, q, v[k])
    while (s <= z[k]) {
      k--
      s = intersect(g, q, v[k])
    }
    k++
    v[k] = q
    z[k] = s
    z[k + 1] = Infinity
  }
  return k
}

function intersect(g: Float64Array, q: number, p: number): number {
  return (g[q] + q * q - (g[p] + p * p)) / (2 * q - 2 * p)
}

/** Cells within `radius` cells of a feature. */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const { dist2 } = featureTransform(mask, width, height)
  const out = new Uint8Array(mask.length)
  const r2 = radius * radius
  for (let k = 0; k < out.length; k++) out[k] = dist2[k] <= r2 ? 1 : 0
  return out
}

/** Cells farther than `radius` cells from any empty cell. */
export function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const inverse = new Uint8Array(mask.length)
  for (let k = 0; k < mask.length; k++) inverse[k] = mask[k] ? 0 : 1
  const grown = dilate(inverse, width, height, radius)
  for (let k = 0; k < grown.length; k++) grown[k] = grown[k] ? 0 : 1
  return grown
}
