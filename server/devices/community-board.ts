// A community's board figures for today (China Standard Time), read from the stored readings so they
// are the same after a restart: people and vehicles in/out per hour, trampling detections, each water
// meter's use, alarms, and the devices by status.
import type { CommunityBoard, DeviceKind, DeviceStatus, InOutFigures } from '../contract/devices'
import type { EpochMs } from '../contract/domain'
import { cstDayKey, cstDayStart, DAY_MS } from '../domain/china-time'
import type { DeviceStore, HourlyCount } from '../store/device-store'
import type { DeviceRegistry } from './device-registry'
import { withoutId } from './device-registry'

export async function buildCommunityBoard(code: string, registry: DeviceRegistry, store: DeviceStore, now: EpochMs): Promise<CommunityBoard> {
  const from = cstDayStart(now)
  const to = from + DAY_MS
  const devices = registry.inArea(code)
  const [gates, trampled, meterRanges, vehicles, alarms] = await Promise.all([
    store.hourlyCounts(code, 'gate', from, to), store.hourlyCounts(code, 'trampling', from, to), store.meterRanges(code, from, to),
    store.hourlyCounts(code, 'vehicle', from, to), store.alarmsOf(code, from),
  ])
  const perGate = new Map<string, { in: number; out: number }>()
  for (const g of gates) {
    const sum = perGate.get(g.deviceId) ?? { in: 0, out: 0 }
    perGate.set(g.deviceId, { in: sum.in + g.in, out: sum.out + g.out })
  }
  const trampling = hourly(trampled, (c) => c.detections)
  const ranges = new Map(meterRanges.map((r) => [r.deviceId, r]))
  const meters = devices.filter((d) => d.kind === 'waterMeter').map((d) => {
    const r = ranges.get(d.id)
    const todayLitres = r ? Math.round((r.top - r.base) * 1000) : 0
    return { deviceId: d.id, name: d.name, todayLitres, elderAlone: d.elderAlone === true, lastUseAt: registry.state(d.id)?.movedAt ?? null }
  })
  return {
    communityCode: code, day: cstDayKey(now), at: now,
    people: {
      ...inOut(gates),
      gates: devices.filter((d) => d.kind === 'gate').map((d) => ({ deviceId: d.id, name: d.name, ...(perGate.get(d.id) ?? { in: 0, out: 0 }) })),
    },
    vehicles: inOut(vehicles),
    trampling: { today: trampling.reduce((a, b) => a + b, 0), hourly: trampling },
    water: { todayLitres: meters.reduce((a, m) => a + m.todayLitres, 0), meters },
    alarms: alarms.map(withoutId),
    devices: byKindAndStatus(devices.map((d) => [d.kind, registry.status(d.id)])),
    cameras: devices.filter((d) => d.kind === 'camera' && d.stream).map((d) => ({ id: d.id, name: d.name, stream: d.stream!, status: registry.status(d.id) })),
  }
}

function hourly(counts: readonly HourlyCount[], value: (c: HourlyCount) => number): number[] {
  const hours = new Array<number>(24).fill(0)
  for (const c of counts) if (c.hour >= 0 && c.hour < 24) hours[c.hour] += value(c)
  return hours
}

function inOut(counts: readonly HourlyCount[]): InOutFigures {
  const hourlyIn = hourly(counts, (c) => c.in)
  const hourlyOut = hourly(counts, (c) => c.out)
  return { in: hourlyIn.reduce((a, b) => a + b, 0), out: hourlyOut.reduce((a, b) => a + b, 0), hourlyIn, hourlyOut }
}

function byKindAndStatus(pairs: [DeviceKind, DeviceStatus][]): CommunityBoard['devices'] {
  const result: CommunityBoard['devices'] = {}
  for (const [kind, status] of pairs) {
    const counts = result[kind] ?? { online: 0, stale: 0, offline: 0 }
    counts[status]++
    result[kind] = counts
  }
  return result
}
