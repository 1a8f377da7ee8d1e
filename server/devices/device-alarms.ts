// Alarms onto the case path: a device whose rule fires opens a case through reportCase (source
// 物联感知, the device's point and grid, the rule in the story), one case per device while that case
// is open; when the reading is back to normal the alarm is cleared and the case's story says so, but
// the case stays for an operator to verify and close. Reconciling the wanted alarm (from the stored
// state) with the stored one makes it restart-safe: a crash between a reading and its case is
// repaired by the next reconcile.
import type { DeviceAlarm, DeviceInfo } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import { isOpen } from '../domain/case-workflow'
import type { District } from '../domain/district'
import { reportCase } from '../ingest/case-ingest'
import type { WallStore } from '../store/wall-store'
import { RULE_CATEGORY, RULE_NAME, wantedAlarm, type WantedAlarm } from './alarm-rules'
import type { DeviceRegistry } from './device-registry'

export const IOT_ACTOR = '物联感知'

export interface DeviceAlarms {
  /** Raises or clears the device's alarm to match its state at `now`. */
  reconcile(deviceId: string, now: EpochMs): void
  reconcileAll(now: EpochMs): void
  /** Alarms raised or cleared since the last drain. */
  drainChanges(): DeviceAlarm[]
}

export function createDeviceAlarms(district: District, store: WallStore, registry: DeviceRegistry, careSilenceMs: number): DeviceAlarms {
  const changes: DeviceAlarm[] = []

  function raise(info: DeviceInfo, want: WantedAlarm, now: EpochMs): void {
    const at = Math.min(want.since, now)
    const previous = registry.alarm(info.id)
    const openCase = previous ? district.cases.get(previous.caseId) : undefined
    store.transaction(() => {
      let caseId: string
      if (openCase && isOpen(openCase.step)) {
        // De-duplicated: this device's case is still being handled; the new alarm is a line in its story.
        caseId = openCase.id
        district.cases.comment(caseId, { at: Math.max(at, openCase.stepAt), actor: IOT_ACTOR, note: `再次告警：${want.text}（设备 ${info.code}）` })
      } else {
        const record = reportCase(district, {
          categoryCode: RULE_CATEGORY[want.rule], source: 'iot', lng: info.lng, lat: info.lat, at, actor: IOT_ACTOR,
          description: `${info.name}（${info.code}）：${want.text}`,
        })
        caseId = record.id
        district.cases.comment(caseId, { at, actor: IOT_ACTOR, note: `告警规则「${RULE_NAME[want.rule]}」：${want.text}（设备 ${info.code}）` })
      }
      const alarm: DeviceAlarm = { deviceId: info.id, rule: want.rule, raisedAt: at, clearedAt: null, caseId, text: want.text }
      registry.setAlarm({ ...alarm, id: store.devices.insertAlarm(alarm) })
      changes.push(alarm)
    })
  }

  function clear(info: DeviceInfo, now: EpochMs): void {
    const alarm = registry.alarm(info.id)!
    const at = Math.max(Math.min(registry.state(info.id)?.lastAt ?? now, now), alarm.raisedAt)
    const record = district.cases.get(alarm.caseId)
    store.transaction(() => {
      store.devices.clearAlarm(alarm.id, at)
      if (record && isOpen(record.step)) {
        district.cases.comment(record.id, { at: Math.max(at, record.stepAt), actor: IOT_ACTOR, note: `告警解除：${info.name}读数恢复正常，案件仍待核查结案` })
      }
    })
    const cleared = { ...alarm, clearedAt: at }
    registry.setAlarm(cleared)
    changes.push(cleared)
  }

  function reconcile(deviceId: string, now: EpochMs): void {
    const info = registry.info(deviceId)
    if (!info) return
    const want = wantedAlarm(info, registry.state(deviceId), now, careSilenceMs)
    const current = registry.alarm(deviceId)
    const active = current != null && current.clearedAt == null
    if (want && !active) raise(info, want, now)
    else if (!want && active) clear(info, now)
  }

  return {
    reconcile,
    reconcileAll(now) {
      for (const info of registry.all()) reconcile(info.id, now)
    },
    drainChanges() {
      return changes.splice(0)
    },
  }
}
