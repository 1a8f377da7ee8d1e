// The whole picture a wall starts from: the same object goes out on connect and from GET /api/snapshot.
import type { WallSnapshot, WallStats } from '../contract/domain'
import { toSummary } from '../domain/case-book'
import { CASE_CATEGORIES } from '../domain/categories'
import type { District } from '../domain/district'
import { computeWallStats } from '../domain/wall-stats'
import type { FeedLog } from './feed-log'

export const categoryMap = new Map(CASE_CATEGORIES.map((c) => [c.code, c]))

/**
 * Above this many inspectors the snapshot carries empty trails (`trail: []`). At city scale the
 * trails are most of the snapshot: 20,000 inspectors × 30 points is 16–26 MB of JSON (by coordinate
 * precision) against ~4 MB without them; building and serialising it takes ~0.6 s of CPU against
 * 0.1–0.2 s, so 200 walls reconnecting cost two minutes of server CPU instead of well under one
 * (tests/server/broadcast/measure-snapshot-size.ts). A wall cannot draw
 * that many trails legibly anyway. It extends each trail from the live frames, so trails grow back
 * as fixes arrive (30 points at one fix per 5–10 s: within 2.5–5 minutes).
 */
export const SNAPSHOT_TRAILS_MAX_INSPECTORS = 2_000

export function buildStats(district: District): WallStats {
  return computeWallStats({
    cases: district.cases.all(),
    categories: categoryMap,
    inspectors: district.inspectors.countByStatus(),
    now: district.clock.now(),
  })
}

/** `gridLoad`: the loads the walls' next delta starts from (the broadcaster's last sent); current ones by default. */
export function buildSnapshot(district: District, feed: FeedLog, gridLoad?: WallStats['gridLoad']): WallSnapshot {
  const root = district.tree.root
  const stats = buildStats(district)
  return {
    serverTime: district.clock.now(),
    clockSpeed: district.clock.speed,
    clockSimulated: district.clock.simulated,
    district: { code: root.code, name: root.name },
    areas: district.tree.all(),
    profiles: district.profiles,
    categories: [...CASE_CATEGORIES],
    inspectorInfos: district.inspectors.allInfos(),
    inspectors: district.inspectors.allLive({ trails: district.inspectors.liveCount() <= SNAPSHOT_TRAILS_MAX_INSPECTORS }),
    cases: [...district.cases.open()].map(toSummary),
    feed: feed.newest(),
    stats: gridLoad ? { ...stats, gridLoad: { ...gridLoad } } : stats,
  }
}
