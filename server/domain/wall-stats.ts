// Everything the wall's panels show, aggregated in one pass over the cases. Pure: the broadcaster
// calls it on its stats tick and ships the result.
import type { CaseCategory, CategoryCount, DailyCount, EpochMs, GridLoad, InspectorStatus, WallStats } from '../contract/domain'
import { CASE_LOOP } from '../contract/domain'
import type { CaseRecord } from './case-book'
import { isOpen } from './case-workflow'
import { cstDayKey, cstDayStart, cstHour, DAY_MS } from './china-time'
import { computeKpis } from './kpis'

export const KPI_WINDOW_DAYS = 7
const TREND_DAYS = 8

type FunnelStep = keyof WallStats['funnel']
type OpenStep = keyof WallStats['openByStep']

export interface StatsInput {
  cases: Iterable<CaseRecord>
  categories: ReadonlyMap<string, CaseCategory>
  inspectors: Record<InspectorStatus, number>
  now: EpochMs
}

export function computeWallStats({ cases, categories, inspectors, now }: StatsInput): WallStats {
  const today = cstDayStart(now)
  const kpiFrom = today - (KPI_WINDOW_DAYS - 1) * DAY_MS
  const all = [...cases]
  const funnel = Object.fromEntries(CASE_LOOP.map((s) => [s, 0])) as Record<FunnelStep, number>
  const openByStep = Object.fromEntries(CASE_LOOP.slice(0, -1).map((s) => [s, 0])) as Record<OpenStep, number>
  const daily = trendDays(today)
  // Day buckets by arithmetic (CST has no daylight saving): a date string per case cost ~40 ms a tick at 10,000 open cases.
  const firstDay = today - (TREND_DAYS - 1) * DAY_MS
  const dayIndex = (at: EpochMs): number | undefined => {
    const i = Math.floor((at - firstDay) / DAY_MS)
    return i >= 0 && i < TREND_DAYS ? i : undefined
  }
  const hourlyToday = new Array<number>(24).fill(0)
  const hourlyWeek = new Array<number>(24).fill(0)
  const categoryCounts = new Map<string, CategoryCount>()
  const gridLoad: Record<string, GridLoad> = {}
  let openTotal = 0, overdueTotal = 0

  for (const c of all) {
    if (c.reportedAt >= today) {
      for (let i = 0; i <= c.furthest; i++) funnel[CASE_LOOP[i] as FunnelStep]++
      hourlyToday[cstHour(c.reportedAt)]++
    } else if (c.reportedAt >= today - 7 * DAY_MS) {
      hourlyWeek[cstHour(c.reportedAt)]++
    }
    const reportedDay = dayIndex(c.reportedAt)
    if (reportedDay != null) daily[reportedDay].reported++
    const closedDay = c.closedAt != null ? dayIndex(c.closedAt) : undefined
    if (closedDay != null) daily[closedDay].closed++
    if (c.reportedAt >= kpiFrom) countCategory(categoryCounts, categories.get(c.categoryCode))
    if (isOpen(c.step)) {
      openTotal++
      openByStep[c.step as OpenStep]++
      const load = (gridLoad[c.gridCode] ??= { open: 0, overdue: 0 })
      load.open++
      if (c.deadline === 'overdue') { load.overdue++; overdueTotal++ }
    }
  }

  return {
    at: now, funnel, openByStep, openTotal, overdueTotal,
    kpis: computeKpis(all, kpiFrom, now), kpiWindowDays: KPI_WINDOW_DAYS,
    byCategory: [...categoryCounts.values()].sort((a, b) => b.count - a.count),
    daily, hourlyToday: cumulative(hourlyToday), hourlyWeekMean: cumulative(hourlyWeek).map((v) => Math.round((v / 7) * 10) / 10),
    inspectors, gridLoad,
  }
}

function trendDays(today: EpochMs): DailyCount[] {
  return Array.from({ length: TREND_DAYS }, (_, i) => ({
    day: cstDayKey(today - (TREND_DAYS - 1 - i) * DAY_MS), reported: 0, closed: 0,
  }))
}

function countCategory(counts: Map<string, CategoryCount>, category: CaseCategory | undefined): void {
  if (!category) return
  const key = `${category.kind}/${category.major}`
  const entry = counts.get(key) ?? { kind: category.kind, major: category.major, count: 0 }
  entry.count++
  counts.set(key, entry)
}

function cumulative(values: number[]): number[] {
  let sum = 0
  return values.map((v) => (sum += v))
}
