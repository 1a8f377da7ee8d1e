// Numbers as Chinese command centres write them: 万 for ten-thousands, one decimal for percentages,
// times in 24-hour CST.
import type { Ratio } from '../server/contract/domain'

const CST_OFFSET_MS = 8 * 3600_000

/** 12345 → "1.23万" in zh-CN, "12,345" in English. */
export function formatCount(n: number, locale: string): string {
  if (locale === 'zh-CN' && Math.abs(n) >= 100_000) return `${(n / 10_000).toFixed(1)}万`
  if (locale === 'zh-CN' && Math.abs(n) >= 10_000) return `${(n / 10_000).toFixed(2)}万`
  return n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US')
}

/** A ratio as "93.7%", or "—" when there is nothing to divide by. */
export function formatPercent(r: Ratio): string {
  return r.denominator === 0 ? '—' : `${((r.numerator / r.denominator) * 100).toFixed(1)}%`
}

/** HH:mm:ss in China Standard Time. */
export function formatClock(at: number): string {
  return new Date(at + CST_OFFSET_MS).toISOString().slice(11, 19)
}

/** HH:mm in China Standard Time. */
export function formatTimeOfDay(at: number): string {
  return new Date(at + CST_OFFSET_MS).toISOString().slice(11, 16)
}

/** yyyy年M月d日 (zh-CN) or yyyy-MM-dd (en), CST. */
export function formatDate(at: number, locale: string): string {
  const d = new Date(at + CST_OFFSET_MS)
  return locale === 'zh-CN'
    ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
    : d.toISOString().slice(0, 10)
}

export function cstWeekday(at: number): number {
  return new Date(at + CST_OFFSET_MS).getUTCDay()
}
