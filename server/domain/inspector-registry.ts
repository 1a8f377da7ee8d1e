// Who is out there and where: the latest fix of every inspector, a short trail, and a status the
// server decides from silence. A phone that stops reporting turns stale, then offline; it never
// stays "live" (the Traccar/OsmAnd "unknown forever" complaint).
import type { EpochMs, InspectorInfo, InspectorLive, InspectorStatus } from '../contract/domain'
import { TrailBuffer } from './ring-buffer'

export interface Fix {
  lng: number
  lat: number
  heading: number | null
  at: EpochMs
}

export interface SilenceThresholds {
  /** Silent longer than this: stale (grey). */
  staleAfterMs: number
  /** Silent longer than this: offline. */
  offlineAfterMs: number
}

interface LiveState {
  lng: number
  lat: number
  heading: number | null
  fixAt: EpochMs
  status: InspectorStatus
  trail: TrailBuffer
}

export function statusBySilence(silenceMs: number, thresholds: SilenceThresholds): InspectorStatus {
  if (silenceMs > thresholds.offlineAfterMs) return 'offline'
  if (silenceMs > thresholds.staleAfterMs) return 'stale'
  return 'online'
}

export class InspectorRegistry {
  private readonly infos = new Map<number, InspectorInfo>()
  private readonly byDevice = new Map<string, number>()
  private readonly live = new Map<number, LiveState>()
  /** Inspectors whose marker changed since the last drain (moved or changed status). */
  private readonly dirty = new Set<number>()
  /** Inspectors whose status changed since the last drain: sent reliably, not only in volatile frames. */
  private readonly statusChanged = new Set<number>()
  /** The highest id registered: a new device's id is the next one (kept, not searched for). */
  private highestId = 0
  /** Counts registrations and reassignments: the wall's inspector table is re-encoded only when it moved. */
  private infosRevision = 0

  constructor(readonly thresholds: SilenceThresholds, private readonly trailLength = 30) {}

  register(info: InspectorInfo): void {
    if (this.byDevice.has(info.deviceId) && this.byDevice.get(info.deviceId) !== info.id) {
      throw new Error(`device ${info.deviceId} is already registered to inspector ${this.byDevice.get(info.deviceId)}`)
    }
    this.infos.set(info.id, info)
    this.infosRevision++
    this.byDevice.set(info.deviceId, info.id)
    this.highestId = Math.max(this.highestId, info.id)
  }

  /** The highest inspector id registered (0 when none). */
  maxId(): number {
    return this.highestId
  }

  /** Gives an inspector another grid (after an import replaced the areas). */
  reassign(id: number, gridCode: string): void {
    const info = this.infos.get(id)
    if (!info) throw new Error(`unknown inspector ${id}`)
    this.infos.set(id, { ...info, gridCode })
    this.infosRevision++
  }

  /** Changes whenever an inspector's info may have (a registration or a reassignment). */
  infoRevision(): number {
    return this.infosRevision
  }

  idOfDevice(deviceId: string): number | undefined {
    return this.byDevice.get(deviceId)
  }

  info(id: number): InspectorInfo | undefined {
    return this.infos.get(id)
  }

  allInfos(): InspectorInfo[] {
    return [...this.infos.values()]
  }

  /**
   * Applies a fix. A fix older than the one shown is history, not news: it must not move the
   * live marker backwards in time. Returns whether the live position changed.
   */
  applyFix(id: number, fix: Fix, now: EpochMs): boolean {
    if (!this.infos.has(id)) throw new Error(`unknown inspector ${id}`)
    const current = this.live.get(id)
    if (current && fix.at <= current.fixAt) return false
    const state = current ?? { ...fix, fixAt: fix.at, status: 'online' as InspectorStatus, trail: new TrailBuffer(this.trailLength) }
    state.lng = fix.lng
    state.lat = fix.lat
    state.heading = fix.heading
    state.fixAt = fix.at
    const status = statusBySilence(now - fix.at, this.thresholds)
    if (!current || status !== current.status) this.statusChanged.add(id)
    state.status = status
    state.trail.push(fix.lng, fix.lat)
    this.live.set(id, state)
    this.dirty.add(id)
    return true
  }

  /** Re-judges every inspector's silence; returns how many changed status. */
  refreshStatuses(now: EpochMs): number {
    let changed = 0
    for (const [id, state] of this.live) {
      const status = statusBySilence(now - state.fixAt, this.thresholds)
      if (status !== state.status) {
        state.status = status
        this.dirty.add(id)
        this.statusChanged.add(id)
        changed++
      }
    }
    return changed
  }

  /** The ids whose status changed since the last call, and forgets them. */
  drainStatusChanges(): number[] {
    const ids = [...this.statusChanged]
    this.statusChanged.clear()
    return ids
  }

  /** Whether any marker changed since the last drain: the position flush asks this many times a second. */
  hasDirty(): boolean {
    return this.dirty.size > 0
  }

  /** The ids that changed since the last call, and forgets them. */
  drainDirty(): number[] {
    const ids = [...this.dirty]
    this.dirty.clear()
    return ids
  }

  liveOf(id: number): InspectorLive | undefined {
    const s = this.live.get(id)
    if (!s) return undefined
    return { id, lng: s.lng, lat: s.lat, heading: s.heading, fixAt: s.fixAt, status: s.status, trail: s.trail.toArray() }
  }

  /** Live state without the trail: the hot path of every tick. */
  markerOf(id: number): Omit<InspectorLive, 'trail'> | undefined {
    const s = this.live.get(id)
    return s && { id, lng: s.lng, lat: s.lat, heading: s.heading, fixAt: s.fixAt, status: s.status }
  }

  /** Every inspector that has reported; with `trails: false` each trail is `[]` (and not copied). */
  allLive({ trails = true } = {}): InspectorLive[] {
    if (trails) return [...this.live.keys()].map((id) => this.liveOf(id)!)
    return [...this.live.keys()].map((id) => ({ ...this.markerOf(id)!, trail: [] }))
  }

  /** How many inspectors have reported at least once. */
  liveCount(): number {
    return this.live.size
  }

  /** Counts by status; inspectors that never reported count as offline. */
  countByStatus(): Record<InspectorStatus, number> {
    const counts: Record<InspectorStatus, number> = { online: 0, stale: 0, offline: 0 }
    for (const id of this.infos.keys()) counts[this.live.get(id)?.status ?? 'offline']++
    return counts
  }
}
