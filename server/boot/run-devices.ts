// The devices' running parts once the sockets exist: the broadcast each tick (statuses, alarms,
// focused communities' boards), the care rule re-judged as time passes, readings' retention, and the
// demo's device simulator (through the intake, or MQTT when configured).
import mqtt from 'mqtt'
import { createDeviceBroadcast, type DeviceBroadcast } from '../broadcast/device-broadcast'
import type { WallServer } from '../broadcast/broadcaster'
import type { ServerConfig } from '../config'
import { DAY_MS } from '../domain/china-time'
import { createDeviceSimulator } from '../simulator/device-simulator'
import { guardedInterval } from './guarded-interval'
import type { OpenedDevices } from './open-devices'

export interface RunningDevices {
  /** What a wall that focuses a community is answered with (its board). */
  broadcast: DeviceBroadcast
  stop(): Promise<void>
}

export function runDevices(devices: OpenedDevices, io: WallServer, config: ServerConfig, simulate: boolean, focused: () => Iterable<string>): RunningDevices {
  const { intake } = devices
  const { district, store, registry, alarms } = intake
  const broadcast = createDeviceBroadcast(io, district, registry, alarms, store.devices, focused)
  intake.stored = (codes) => broadcast.touched(codes)
  // The simulator publishes with its own client: the wall's subscription then receives it as any device's.
  const publisher = simulate && config.devices.mqttUrl ? mqtt.connect(config.devices.mqttUrl, { clientId: `${config.devices.mqttClientId}-sim`, clean: true }) : null
  const simulator = simulate ? createDeviceSimulator(intake, config.simulatorSeed, publisher ? { client: publisher, root: config.devices.mqttTopicRoot } : null) : null
  simulator?.catchUp()
  const timers = [
    guardedInterval('devices', () => {
      simulator?.step()
      alarms.reconcileAll(district.clock.now())
      broadcast.tick()
    }, config.tickMs),
    guardedInterval('sensor retention', () => store.devices.pruneReadings(district.clock.now() - config.devices.retentionDays * DAY_MS), 10 * 60_000),
  ]
  return {
    broadcast,
    async stop() {
      for (const t of timers) clearInterval(t)
      await Promise.all([devices.mqtt?.stop(), publisher && new Promise<void>((resolve) => publisher.end(false, {}, () => resolve()))])
    },
  }
}
