// Small numeric helpers for the report: percentiles over samples, rounding for readable JSON.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

/** Rounds to `digits` decimals; null stays null so a missing figure is visible in the JSON. */
export function round(value: number | null | undefined, digits = 1): number | null {
  if (value == null || !Number.isFinite(value)) return null
  const f = 10 ** digits
  return Math.round(value * f) / f
}

export function summarise(values: readonly number[], digits = 1) {
  return {
    n: values.length,
    p50: round(percentile(values, 50), digits),
    p90: round(percentile(values, 90), digits),
    p99: round(percentile(values, 99), digits),
    max: round(values.length > 0 ? values.reduce((m, v) => Math.max(m, v), -Infinity) : null, digits),
    mean: round(mean(values), digits),
  }
}

export const MB = 1024 * 1024

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
