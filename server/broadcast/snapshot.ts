// The whole picture a wall starts from: the same object goes out on connect and from GET /api/snapshot.
import type { WallSnapshot, WallStats } from '../contract/domain'
import { toSummary } from '../domain/case-book'
import { CASE_CATEGORIES } from '../domain/categories'
import type { District } from '../domain/district'
import { computeWallStats } from '../domain/wall-stats'
import type { FeedLog } from './feed-log'

export const categoryMap = new Map(CASE_CATEGORIES.map((c) => [c.code, c]))

export function buildStats(district: District): WallStats {
  return computeWallStats({
    cases: district.cases.all(),
    categories: categoryMap,
    inspectors: district.inspectors.countByStatus(),
    now: district.clock.now(),
  })
}

export function buildSnapshot(district: District, feed: FeedLog): WallSnapshot {
  const root = district.tree.root
  return {
    serverTime: district.clock.now(),
    clockSpeed: district.clock.speed,
    clockSimulated: district.clock.simulated,
    district: { code: root.code, name: root.name },
    areas: district.tree.all(),
    profiles: district.profiles,
    categories: [...CASE_CATEGORIES],
    inspectorInfos: district.inspectors.allInfos(),
    inspectors: district.inspectors.allLive(),
    cases: [...district.cases.open()].map(toSummary),
    feed: feed.newest(),
    stats: buildStats(district),
  }
}
