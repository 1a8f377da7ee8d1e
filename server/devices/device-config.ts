// Devices' settings from the environment (README "Devices and sensing"). A bad value stops the start,
// naming the variable, as the rest of config.ts does.
import os from 'node:os'

export interface DeviceConfig {
  /** mqtt://host:1883 (mqtts://, ws:// too; user:password@ in the URL); null: no MQTT. */
  mqttUrl: string | null
  /** Fixed, so the broker keeps this wall's session (clean: false) and what arrived while it was down. */
  mqttClientId: string
  /** First level of the topic layout `{root}/{areaCode}/{kind}/{deviceId}`. */
  mqttTopicRoot: string
  /** A device silent longer than this is stale, then offline. */
  staleAfterMs: number
  offlineAfterMs: number
  /** An elder's meter with no use for this long raises a care alarm. */
  careSilenceMs: number
  /** Readings older than this are pruned. */
  retentionDays: number
  /** The demo's devices are simulated (with the simulator, on the demo district); DEVICE_SIMULATOR=off leaves them silent. */
  simulate: boolean
}

type Check = (name: string, fallback: number, ok: (n: number) => boolean, rule: string) => number

export function parseDeviceConfig(env: NodeJS.ProcessEnv): DeviceConfig {
  const num: Check = (name, fallback, ok, rule) => {
    const raw = env[name]
    if (raw == null || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || !ok(value)) throw new Error(`${name}=${raw}: must be ${rule}`)
    return value
  }
  const staleS = num('DEVICE_STALE_S', 1800, (n) => n > 0, 'a positive number of seconds')
  const offlineS = num('DEVICE_OFFLINE_S', 7200, (n) => n > staleS, `more seconds than DEVICE_STALE_S (${staleS})`)
  const url = env.MQTT_URL?.trim() || null
  if (url && !/^(mqtts?|wss?|tcp|ssl):\/\/[^/]+/.test(url)) throw new Error(`MQTT_URL=${url}: must be mqtt://host[:port] (or mqtts://, ws://, wss://)`)
  const root = env.MQTT_TOPIC_ROOT?.trim() || 'wall'
  if (/[#+/]/.test(root)) throw new Error(`MQTT_TOPIC_ROOT=${root}: one topic level, without / + #`)
  return {
    mqttUrl: url,
    mqttClientId: env.MQTT_CLIENT_ID?.trim() || `grid-wall-${os.hostname()}`,
    mqttTopicRoot: root,
    staleAfterMs: staleS * 1000,
    offlineAfterMs: offlineS * 1000,
    careSilenceMs: num('CARE_SILENCE_HOURS', 12, (n) => n > 0 && n <= 168, 'hours between 0 and 168') * 3_600_000,
    retentionDays: num('SENSOR_RETENTION_DAYS', 30, (n) => n > 0, 'a positive number of days'),
    simulate: !['0', 'off', 'false', 'no'].includes((env.DEVICE_SIMULATOR ?? '').toLowerCase()),
  }
}
