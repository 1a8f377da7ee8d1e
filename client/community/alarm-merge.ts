// One list of a community's alarms from two sources: the board (all alarms open or cleared today) and
// the 'alarms:changed' events heard since. An alarm is one device's raise; a later event about the
// same raise (its clearing) replaces the earlier one.
import type { DeviceAlarm } from '../../server/contract/devices'

const key = (a: DeviceAlarm): string => `${a.deviceId}@${a.raisedAt}`

/** `later` wins over `earlier` for the same alarm; newest raise first, open ones before cleared ones of the same time. */
export function mergeAlarms(earlier: readonly DeviceAlarm[], later: readonly DeviceAlarm[]): DeviceAlarm[] {
  const byKey = new Map<string, DeviceAlarm>()
  for (const a of earlier) byKey.set(key(a), a)
  for (const a of later) byKey.set(key(a), a)
  return [...byKey.values()].sort((a, b) => b.raisedAt - a.raisedAt || Number(a.clearedAt != null) - Number(b.clearedAt != null))
}
