// Every registered device with its latest state, its online state by silence (as inspectors: a
// device that stops reporting turns stale, then offline, never stays "online") and its newest alarm.
// In memory; the store has the same (device-store.ts) and restores it after a restart.
import type { DeviceInfo, DeviceLive, DeviceStatus } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import { statusBySilence, type SilenceThresholds } from '../domain/inspector-registry'
import type { StoredAlarm } from '../store/device-store'
import type { DeviceState } from './device-state'

export class DeviceRegistry {
  private infos = new Map<string, DeviceInfo>()
  private readonly states = new Map<string, DeviceState>()
  private readonly statuses = new Map<string, DeviceStatus>()
  private readonly alarms = new Map<string, StoredAlarm>()
  /** Devices whose status or alarm changed since the last drain. */
  private readonly changed = new Set<string>()

  constructor(readonly thresholds: SilenceThresholds) {}

  replace(devices: readonly DeviceInfo[]): void {
    this.infos = new Map(devices.map((d) => [d.id, d]))
  }

  info(id: string): DeviceInfo | undefined {
    return this.infos.get(id)
  }

  all(): DeviceInfo[] {
    return [...this.infos.values()]
  }

  inArea(areaCode: string): DeviceInfo[] {
    return this.all().filter((d) => d.areaCode === areaCode)
  }

  state(id: string): DeviceState | undefined {
    return this.states.get(id)
  }

  setState(state: DeviceState, now: EpochMs): void {
    this.states.set(state.deviceId, state)
    this.judge(state.deviceId, now)
  }

  alarm(id: string): StoredAlarm | undefined {
    return this.alarms.get(id)
  }

  setAlarm(alarm: StoredAlarm): void {
    this.alarms.set(alarm.deviceId, alarm)
    this.changed.add(alarm.deviceId)
  }

  status(id: string): DeviceStatus {
    return this.statuses.get(id) ?? 'offline'
  }

  /** Re-judges every device by its silence at `now`. */
  refreshStatuses(now: EpochMs): void {
    for (const id of this.infos.keys()) this.judge(id, now)
  }

  live(id: string): DeviceLive {
    const alarm = this.alarms.get(id)
    const open = alarm && alarm.clearedAt == null ? alarm : null
    return { id, status: this.status(id), lastAt: this.states.get(id)?.lastAt ?? null, alarm: open ? withoutId(open) : null }
  }

  drainChanged(): string[] {
    const ids = [...this.changed]
    this.changed.clear()
    return ids
  }

  private judge(id: string, now: EpochMs): void {
    const lastAt = this.states.get(id)?.lastAt
    const status = lastAt == null ? 'offline' : statusBySilence(now - lastAt, this.thresholds)
    if (this.statuses.get(id) === status) return
    this.statuses.set(id, status)
    this.changed.add(id)
  }
}

export function withoutId({ id: _id, ...alarm }: StoredAlarm): Omit<StoredAlarm, 'id'> {
  return alarm
}
