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

/** Working time left (or, negative, overdue) as 工时 / 工作日: "剩余 2.5 工时", "超期 1.2 工作日". */
export function formatWorkTime(minutes: number | null, t: (key: string, values?: Record<string, unknown>) => string): string {
  if (minutes == null) return '—'
  const abs = Math.abs(minutes)
  const amount = abs >= WORK_DAY_MINUTES
    ? t('time.workDays', { n: (abs / WORK_DAY_MINUTES).toFixed(1) })
    : t('time.workHours', { n: (abs / 60).toFixed(1) })
  return minutes >= 0 ? t('time.left', { amount }) : t('time.overdue', { amount })
}

/** One working day of the default calendar (08:30–12:00, 14:00–17:30). */
const WORK_DAY_MINUTES = 420

/** 1234 m → "1.23 公里" / "1.23 km". */
export function formatDistance(metres: number, locale: string): string {
  return metres >= 1000 ? `${(metres / 1000).toFixed(2)} ${locale === 'zh-CN' ? '公里' : 'km'}` : `${Math.round(metres)} ${locale === 'zh-CN' ? '米' : 'm'}`
}
