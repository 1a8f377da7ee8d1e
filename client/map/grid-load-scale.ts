// Grid shading classes from the current distribution of open cases per grid (quartiles), so the map
// keeps telling busy grids from quiet ones whether the district has 50 open cases or 5,000.
import type { GridLoad } from '../../server/contract/domain'

/** Three ascending break values: loads below the first are class 0, at or above the last class 3. */
export function loadBreaks(load: Readonly<Record<string, GridLoad>>, gridCount: number): [number, number, number] {
  const values = Object.values(load).map((l) => l.open)
  while (values.length < gridCount) values.push(0)
  values.sort((a, b) => a - b)
  const quantile = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0
  const b1 = Math.max(1, quantile(0.25))
  const b2 = Math.max(b1 + 1, quantile(0.5))
  const b3 = Math.max(b2 + 1, quantile(0.75))
  return [b1, b2, b3]
}

/** Legend labels for the four classes, e.g. ["0–3", "4–6", "7–9", "≥10"]. */
export function breakLabels([b1, b2, b3]: [number, number, number]): string[] {
  const range = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`)
  return [range(0, b1 - 1), range(b1, b2 - 1), range(b2, b3 - 1), `≥${b3}`]
}
