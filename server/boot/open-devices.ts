// The devices at start: the registry (DATA_DIR/devices.geojson when present, else what the store
// holds, else the demo devices for the demo district), their states and alarms restored from the
// store, alarms reconciled (a crash between a reading and its case is repaired here), the intake
// every entry shares, and MQTT when MQTT_URL is set.
import fs from 'node:fs'
import path from 'node:path'
import type { ServerConfig } from '../config'
import type { DeviceInfo } from '../contract/devices'
import { createDeviceAlarms } from '../devices/device-alarms'
import { readDeviceLayer } from '../devices/device-layer'
import { DeviceRegistry } from '../devices/device-registry'
import { demoDevices } from '../devices/demo-devices'
import type { District } from '../domain/district'
import { startMqttSubscriber, type MqttSubscriber } from '../ingest/sensors/mqtt-subscriber'
import type { SensorIntake } from '../ingest/sensors/sensor-intake'
import type { WallStore } from '../store/wall-store'

export const DEVICES_FILE = 'devices.geojson'

export interface OpenedDevices {
  intake: SensorIntake
  mqtt: MqttSubscriber | null
}

export function openDevices(config: ServerConfig, district: District, store: WallStore, isDemo: boolean): OpenedDevices {
  const registry = new DeviceRegistry({ staleAfterMs: config.devices.staleAfterMs, offlineAfterMs: config.devices.offlineAfterMs })
  registry.replace(registryDevices(config, district, store, isDemo))
  const now = district.clock.now()
  for (const state of store.devices.loadStates()) if (registry.info(state.deviceId)) registry.setState(state, now)
  for (const alarm of store.devices.latestAlarms()) if (registry.info(alarm.deviceId)) registry.setAlarm(alarm)
  registry.refreshStatuses(now)
  registry.drainChanged()
  const alarms = createDeviceAlarms(district, store, registry, config.devices.careSilenceMs)
  alarms.reconcileAll(now)
  alarms.drainChanges()
  const intake: SensorIntake = {
    district, store, registry, alarms, config: config.devices, maxClockSkewMs: config.maxClockSkewMs,
    counters: { accepted: 0, duplicates: 0, refused: {} },
    stored: () => {},
  }
  const { mqttUrl } = config.devices
  return { intake, mqtt: mqttUrl ? startMqttSubscriber(intake, { ...config.devices, mqttUrl }) : null }
}

function registryDevices(config: ServerConfig, district: District, store: WallStore, isDemo: boolean): DeviceInfo[] {
  const file = path.join(config.dataDir, DEVICES_FILE)
  if (fs.existsSync(file)) {
    // The centre's file is the registry: read on every start, so an edited file takes effect.
    const devices = readDeviceLayer(JSON.parse(fs.readFileSync(file, 'utf8')), district.tree)
    store.devices.replaceDevices(devices)
    return devices
  }
  const stored = store.devices.loadDevices()
  if (stored.length > 0 || !isDemo) return stored
  const demo = demoDevices(district.tree, config.simulatorSeed)
  store.devices.replaceDevices(demo)
  return demo
}
