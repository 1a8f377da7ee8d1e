// What the demo's devices read, as a pure function of the device, the time window and the seed (the
// same window always reads the same, so a restart or a backfill repeats itself): gates and barriers
// follow a residential day (out in the morning, in at the evening), the lawn is walked on in the
// afternoon, households draw water morning and evening; alarms come as rare episodes.
import type { DeviceInfo, SensorReading } from '../contract/devices'
import { cstDayStart, cstHour, DAY_MS } from '../domain/china-time'
import { createRng, poisson, type Rng } from './random'

/** Relative traffic per hour of day (CST), 0–23. */
const TRAFFIC = [0.2, 0.1, 0.05, 0.05, 0.15, 0.5, 1.4, 3.0, 3.2, 1.8, 1.3, 1.4, 1.6, 1.2, 1.1, 1.3, 1.8, 2.8, 3.1, 2.3, 1.6, 1.0, 0.6, 0.3]
const TRAFFIC_SUM = TRAFFIC.reduce((a, b) => a + b, 0)
/** Share of the hour's passes that go out (the rest come in). */
const OUT_SHARE = [0.4, 0.4, 0.4, 0.4, 0.6, 0.75, 0.75, 0.72, 0.68, 0.6, 0.5, 0.45, 0.5, 0.55, 0.5, 0.45, 0.4, 0.3, 0.28, 0.3, 0.35, 0.3, 0.3, 0.35]
/** Litres per hour a household draws, by hour. */
const WATER = [2, 1, 0, 0, 1, 8, 25, 30, 18, 10, 8, 12, 20, 12, 6, 6, 8, 14, 28, 32, 24, 16, 8, 4]
const LAWN = [0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 1.5, 1, 1, 1.5, 2, 3, 5, 6, 4, 2, 1, 0.5, 0, 0]

const PEOPLE_PER_GATE_DAY = 2_400
const VEHICLES_PER_DAY = 520
const HOUR_MS = 3_600_000

interface Episode { start: number; end: number }
/** Chance per device and day of an alarm episode, and its length in minutes. */
const EPISODES = { smoke: { perDay: 0.03, minutes: [5, 20] }, manhole: { perDay: 0.08, minutes: [20, 90] }, flood: { perDay: 0.06, minutes: [30, 150] } } as const
/** An elder's quiet day (away, or unwell): no water from 08:00 to 20:30; one day in four. */
const QUIET_DAY_SHARE = 0.25
const QUIET_FROM_H = 8
const QUIET_TO_H = 20.5

function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  return createRng(hash(`${seed}|${parts.join('|')}`))
}

/** The mean of a per-hour profile over [from, to), scaled by `perHour(hour)`. */
function integrate(from: number, to: number, perHour: (hour: number) => number): number {
  let sum = 0
  for (let t = from; t < to;) {
    const hourEnd = Math.min(to, Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS)
    sum += perHour(cstHour(t)) * (hourEnd - t) / HOUR_MS
    t = hourEnd
  }
  return sum
}

/** The counting devices' reading for (from, to], stamped `to`. */
export function countReading(device: DeviceInfo, from: number, to: number, seed: number): SensorReading | null {
  const rng = rngFor(seed, device.id, to)
  if (device.kind === 'gate' || device.kind === 'vehicle') {
    const perDay = device.kind === 'gate' ? PEOPLE_PER_GATE_DAY : VEHICLES_PER_DAY
    const out = poisson(rng, integrate(from, to, (h) => perDay * TRAFFIC[h] / TRAFFIC_SUM * OUT_SHARE[h]))
    const inn = poisson(rng, integrate(from, to, (h) => perDay * TRAFFIC[h] / TRAFFIC_SUM * (1 - OUT_SHARE[h])))
    return { kind: device.kind, deviceId: device.id, at: to, in: inn, out }
  }
  if (device.kind === 'trampling') return { kind: 'trampling', deviceId: device.id, at: to, detections: poisson(rng, integrate(from, to, (h) => LAWN[h])) }
  return null
}

/** Litres a meter's household drew in (from, to]. */
export function litresDrawn(device: DeviceInfo, from: number, to: number, seed: number): number {
  const rng = rngFor(seed, device.id, to)
  const scale = device.elderAlone ? 0.45 : 1
  const litres = integrate(from, to, (h) => WATER[h] * scale) * (0.4 + rng() * 1.2)
  return device.elderAlone && quietAt(device, to, seed) ? 0 : Math.round(litres)
}

/** Whether the elder's meter is in a quiet stretch at `at`. */
export function quietAt(device: DeviceInfo, at: number, seed: number): boolean {
  const day = cstDayStart(at)
  if (rngFor(seed, device.id, 'quiet', day)() >= QUIET_DAY_SHARE) return false
  return at >= day + QUIET_FROM_H * HOUR_MS && at < day + QUIET_TO_H * HOUR_MS
}

const episodes = new Map<string, Episode | null>()

/** The alarm episode of a state device on the day holding `at`, if it has one (remembered: asked every minute). */
function episodeOf(device: DeviceInfo, at: number, seed: number): Episode | null {
  const rule = EPISODES[device.kind as keyof typeof EPISODES]
  if (!rule) return null
  const day = cstDayStart(at)
  const key = `${seed}|${device.id}|${day}`
  if (episodes.has(key)) return episodes.get(key)!
  if (episodes.size > 10_000) episodes.clear()
  const episode = drawEpisode(device.id, rule, day, seed)
  episodes.set(key, episode)
  return episode
}

function drawEpisode(id: string, rule: (typeof EPISODES)[keyof typeof EPISODES], day: number, seed: number): Episode | null {
  const rng = rngFor(seed, id, 'episode', day)
  if (rng() >= rule.perDay) return null
  const start = day + (6 + rng() * 16) * HOUR_MS
  const minutes = rule.minutes[0] + rng() * (rule.minutes[1] - rule.minutes[0])
  return { start, end: Math.min(day + DAY_MS - 1, start + minutes * 60_000) }
}

export function alarmAt(device: DeviceInfo, at: number, seed: number): boolean {
  const e = episodeOf(device, at, seed)
  return e != null && at >= e.start && at < e.end
}

/** A state device's reading at `at`: its alarm flag and a measured value that agrees with it. */
export function stateReading(device: DeviceInfo, at: number, seed: number): SensorReading | null {
  if (device.kind !== 'smoke' && device.kind !== 'manhole' && device.kind !== 'flood') return null
  const alarm = alarmAt(device, at, seed)
  const rng = rngFor(seed, device.id, 'value', at)
  const value = device.kind === 'smoke' ? (alarm ? 3 + rng() * 5 : rng() * 0.3)
    : device.kind === 'manhole' ? (alarm ? 12 + rng() * 14 : rng() * 1.2)
      : (alarm ? 8 + rng() * 25 : 0)
  return { kind: device.kind, deviceId: device.id, at, alarm, value: Math.round(value * 10) / 10 }
}
