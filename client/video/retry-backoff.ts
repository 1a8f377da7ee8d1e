// How long a tile with no signal waits before it tries the stream again: a few seconds at first
// (a gateway restarting comes back quickly), doubling to a ceiling of ~30 s (a camera that is down
// for the night is not hammered by every wall). A little jitter keeps many walls from retrying
// the same gateway in the same instant.
export const RETRY_FIRST_MS = 3000
export const RETRY_MAX_MS = 30_000

/** Delay before retry number `attempt` (0 = the first retry after a failure). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt))
  // ±10 %, never over the ceiling
  return Math.min(RETRY_MAX_MS, Math.round(base * (0.9 + 0.2 * random())))
}
