// Seeded random numbers, so a demo (and a test) can be replayed exactly.
export type Rng = () => number

/** mulberry32: small, fast and good enough for a simulation (not for secrets). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]
}

export function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0)
  let r = rng() * total
  for (const item of items) {
    r -= weight(item)
    if (r < 0) return item
  }
  return items[items.length - 1]
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min)
}

/** Log-normal with the given median; `spread` is the sigma of the underlying normal. */
export function logNormal(rng: Rng, median: number, spread: number): number {
  const u = 1 - rng(), v = rng()
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  return median * Math.exp(spread * normal)
}

/** How many events of a Poisson process with this mean happen. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * logNormalStd(rng)))
  const limit = Math.exp(-mean)
  let k = 0, p = rng()
  while (p > limit) { k++; p *= rng() }
  return k
}

function logNormalStd(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
}
