// Builds the district from what the store holds; on a first start, seeds the store from the areas
// file (the demo district by default) and the demo roster and statistics.
import type { ServerConfig } from '../config'
import { areasFileFor, loadAreaFeatures } from '../areas/load-areas'
import { loadLandmarks } from '../areas/load-landmarks'
import { rollUpProfiles } from '../domain/area-profiles'
import { AreaTree, type AreaFeature } from '../domain/area-tree'
import { DAY_MS } from '../domain/china-time'
import type { Clock } from '../domain/clock'
import { createDistrict, type District } from '../domain/district'
import { loadWorkingCalendar } from '../domain/holiday-calendar'
import { buildingFactsOf, demoGridWeight, demoStaff } from '../simulator/demo-setup'
import type { TrailFix, WallStore } from '../store/wall-store'

/** Closed cases stay in memory this long (the KPI and trend windows); the store keeps them for good. */
export const KEEP_CLOSED_MS = 8 * DAY_MS
const TRAIL_WINDOW_MS = 10 * 60_000
const TRAIL_POINTS = 29

export interface OpenedDistrict {
  district: District
  /** The demo district (so the simulator can walk it). */
  isDemo: boolean
  /** The store had no cases: nothing has happened here yet. */
  fresh: boolean
  gridWeight: ReturnType<typeof demoGridWeight>
  /** ms each step of the load took (logged: a takeover's seconds are mostly these). */
  timings: Record<'areas' | 'cases' | 'markers', number>
}

export async function openDistrict(config: ServerConfig, store: WallStore, clock: Clock): Promise<OpenedDistrict> {
  // First: a bad DATA_DIR/holidays.json stops the start before anything is written.
  const calendar = loadWorkingCalendar(config.dataDir, clock.now())
  let lap = performance.now()
  const took = () => { const now = performance.now(); const ms = Math.round(now - lap); lap = now; return ms }
  let features = store.loadAreas()
  if (!features) {
    features = loadAreaFeatures(areasFileFor(config.dataDir))
    store.replaceAreas(features)
  }
  const isDemo = isDemoDistrict(features)
  const district = createDistrict({
    tree: new AreaTree(features),
    clock,
    silence: { staleAfterMs: config.staleAfterMs, offlineAfterMs: config.offlineAfterMs },
    calendar,
  })
  seedDemoStaff(district, store, features, isDemo, config.simulatorSeed)
  for (const info of store.loadInspectors()) district.inspectors.register(info)
  district.profiles = rollUpProfiles(district.tree, store.loadProfiles())
  district.landmarks = loadLandmarks(config.dataDir, isDemo)

  const areas = took()

  const cases = await store.loadCases(clock.now() - KEEP_CLOSED_MS)
  district.cases.restore(cases)
  const casesMs = took()
  await discardFutureFixes(store, clock.now() + config.maxClockSkewMs)
  await restoreInspectorMarkers(district, store)
  return { district, isDemo, fresh: cases.length === 0, gridWeight: demoGridWeight(features), timings: { areas, cases: casesMs, markers: took() } }
}

/**
 * Fixes from a phone's wrong clock, stored before they were refused, would come back as latest fixes
 * from the future: a marker frozen 'online' that no true fix can move (issue #15).
 */
async function discardFutureFixes(store: WallStore, latestTrueTime: number): Promise<void> {
  const discarded = await store.discardFixesAfter(latestTrueTime)
  if (discarded > 0) console.error(`store: discarded ${discarded} position fixes stamped after ${new Date(latestTrueTime).toISOString()} (devices with a wrong clock)`)
}

/** Markers where they were, with their recent trail rebuilt from the (down-sampled) history. */
async function restoreInspectorMarkers(district: District, store: WallStore): Promise<void> {
  const now = district.clock.now()
  const [latestFixes, trails] = await Promise.all([store.loadLatestFixes(), store.trailsBeforeLatest(TRAIL_WINDOW_MS, TRAIL_POINTS)])
  const trailOf = new Map<number, TrailFix[]>()
  for (const fix of trails) {
    const trail = trailOf.get(fix.inspectorId)
    if (trail) trail.push(fix)
    else trailOf.set(fix.inspectorId, [fix])
  }
  for (const latest of latestFixes) {
    if (!district.inspectors.info(latest.inspectorId)) continue
    // Trail points only draw the trail: the latest fix, applied last, sets heading and the rest.
    for (const point of trailOf.get(latest.inspectorId) ?? []) district.inspectors.applyFix(latest.inspectorId, { ...point, heading: null }, now)
    district.inspectors.applyFix(latest.inspectorId, { ...latest, heading: latest.heading ?? null }, now)
  }
  district.inspectors.drainDirty()
  district.inspectors.drainStatusChanges()
}

/** Only the demo generator writes building facts into area properties (see server/demo-district). */
function isDemoDistrict(features: readonly AreaFeature[]): boolean {
  return features.some((f) => f.properties.level === 'grid' && 'buildingCount' in f.properties)
}

/** The demo's grid workers and statistics go into the store once, like any registered device. */
function seedDemoStaff(district: District, store: WallStore, features: readonly AreaFeature[], isDemo: boolean, seed: number): void {
  if (!isDemo || store.loadInspectors().length > 0) return
  const { roster, profiles } = demoStaff(district.tree, buildingFactsOf(features), seed)
  store.transaction(() => {
    for (const inspector of roster) store.saveInspector(inspector)
    store.saveProfiles(profiles)
  })
}
