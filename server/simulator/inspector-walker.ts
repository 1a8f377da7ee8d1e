// One inspector on their round: walks planned routes between random points of their own grid,
// pauses at each (checking, photographing), and their phone reports a fix every 5–10 s, except when
// off duty or out of signal. Positions always lie on the walk planner's walkable paths.
import type { AreaGeometry } from '../domain/area-tree'
import type { LngLat } from '../contract/domain'
import { bearing, interpolate, metresBetween } from '../domain/geo-math'
import { logNormal, uniform, type Rng } from './random'
import { FIX_INTERVAL_S, SIGNAL_LOSS_MINUTES, SIGNAL_LOSS_PER_MINUTE, WALK_SPEED_MPS } from './sim-rates'
import type { WalkPlanner } from './walk-planner'

export interface WalkerFix {
  lng: number
  lat: number
  heading: number
  at: number
}

export class InspectorWalker {
  position: LngLat
  heading = 0
  private path: LngLat[] = []
  private segment = 0
  private pauseUntil = 0
  private nextFixAt: number
  private silentUntil = 0
  private readonly speed: number

  constructor(
    readonly inspectorId: number,
    private readonly area: AreaGeometry,
    private readonly planner: WalkPlanner,
    private readonly rng: Rng,
    now: number,
    /** Where the inspector was last seen (after a restart); a random point of the grid otherwise. */
    start?: LngLat,
  ) {
    this.position = start ? planner.snap(start) : planner.randomWalkablePoint(area, rng)
    this.speed = uniform(rng, WALK_SPEED_MPS.min, WALK_SPEED_MPS.max)
    this.nextFixAt = now + uniform(rng, 0, FIX_INTERVAL_S.max * 1000)
  }

  /** Stops here for a while (e.g. to report a case). */
  pause(now: number, seconds: number): void {
    this.pauseUntil = Math.max(this.pauseUntil, now + seconds * 1000)
  }

  /** Advances from `from` to `to` (ms); returns the fixes the phone sent meanwhile. */
  advance(from: number, to: number, onDuty: boolean): WalkerFix[] {
    const fixes: WalkerFix[] = []
    let t = from
    while (this.nextFixAt <= to) {
      this.walk(this.nextFixAt - t, this.nextFixAt)
      t = this.nextFixAt
      if (onDuty && t >= this.silentUntil) fixes.push({ lng: this.position[0], lat: this.position[1], heading: this.heading, at: t })
      this.maybeLoseSignal(t, onDuty)
      this.nextFixAt += uniform(this.rng, FIX_INTERVAL_S.min, FIX_INTERVAL_S.max) * 1000
    }
    this.walk(to - t, to)
    return fixes
  }

  private walk(ms: number, now: number): void {
    if (ms <= 0 || now < this.pauseUntil) return
    let metres = (this.speed * ms) / 1000
    while (metres > 0) {
      if (this.segment >= this.path.length - 1) {
        this.planNextLeg(now)
        if (this.path.length < 2) return
      }
      const a = this.path[this.segment], b = this.path[this.segment + 1]
      const left = metresBetween(this.position, b)
      this.heading = bearing(a, b)
      if (metres < left) {
        this.position = interpolate(this.position, b, metres / left)
        return
      }
      metres -= left
      this.position = b
      this.segment++
    }
  }

  private planNextLeg(now: number): void {
    this.pause(now, uniform(this.rng, 15, 90))
    for (let attempt = 0; attempt < 5; attempt++) {
      const route = this.planner.route(this.position, this.planner.randomWalkablePoint(this.area, this.rng))
      if (route && route.length >= 2) {
        this.path = route
        this.segment = 0
        this.position = route[0]
        return
      }
    }
    this.path = []
  }

  private maybeLoseSignal(now: number, onDuty: boolean): void {
    if (!onDuty || now < this.silentUntil) return
    const chance = SIGNAL_LOSS_PER_MINUTE * (FIX_INTERVAL_S.max / 60)
    if (this.rng() < chance) this.silentUntil = now + logNormal(this.rng, SIGNAL_LOSS_MINUTES.median, SIGNAL_LOSS_MINUTES.spread) * 60_000
  }
}
