// Command centres keep China Standard Time (UTC+8, no daylight saving) whatever the server's zone.
import type { EpochMs } from '../contract/domain'

export const CST_OFFSET_MS = 8 * 3600_000
export const DAY_MS = 24 * 3600_000

/** Epoch ms of 00:00 CST on the day containing `at`. */
export function cstDayStart(at: EpochMs): EpochMs {
  return Math.floor((at + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS
}

/** yyyy-MM-dd of `at` in CST. */
export function cstDayKey(at: EpochMs): string {
  return new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday, in CST. */
export function cstWeekday(at: EpochMs): number {
  return new Date(at + CST_OFFSET_MS).getUTCDay()
}

/** Hour of day 0–23 in CST. */
export function cstHour(at: EpochMs): number {
  // Arithmetic, not a Date: the statistics call it for every case on every tick.
  const msOfDay = (((at + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS
  return Math.floor(msOfDay / 3600_000)
}
