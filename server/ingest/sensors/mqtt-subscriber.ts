// Readings from an MQTT broker: topic `{root}/{areaCode}/{kind}/{deviceId}`, a JSON payload, QoS 1,
// and a persistent session (clean: false, a fixed client id), so what the broker held while the
// wall was down arrives after a restart.
//
// Acknowledged = stored. mqtt.js 5 (lib/handlers/publish.js) answers a QoS 1 PUBLISH by emitting
// 'message', then calling `client.handleMessage(packet, callback)`, and sends the PUBACK only inside
// that callback, and only when it is called without an error; it also handles the next packet only
// after the callback. So the reading is stored (committed, also when the store is PostgreSQL) before the
// callback: a kill -9 before the commit leaves the message unacknowledged and the broker redelivers
// it to the session; after the commit the reading is on disk. A store that fails calls back with the
// error (no PUBACK) and drops the connection, so the broker redelivers on the reconnect. A bad
// payload is logged with its topic and field, counted, and acknowledged: redelivery cannot mend it.
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt'
import type { DeviceConfig } from '../../devices/device-config'
import { ingestReadings, type SensorIntake } from './sensor-intake'

export interface MqttSubscriber {
  client: MqttClient
  /** Resolves once subscribed (the first time). */
  ready: Promise<void>
  stop(): Promise<void>
}

export function startMqttSubscriber(intake: SensorIntake, config: DeviceConfig & { mqttUrl: string }): MqttSubscriber {
  const client = mqtt.connect(config.mqttUrl, {
    clientId: config.mqttClientId, clean: false, protocolVersion: 4, reconnectPeriod: 2_000, connectTimeout: 10_000,
  })
  const filter = `${config.mqttTopicRoot}/+/+/+`
  const ready = new Promise<void>((resolve) => {
    client.on('connect', () => {
      client.subscribe(filter, { qos: 1 }, (error) => {
        if (error) console.error(`mqtt: subscribing to ${filter} failed: ${error.message}`)
        else resolve()
      })
    })
  })
  client.on('error', (error) => console.error(`mqtt: ${config.mqttUrl.replace(/\/\/[^@/]*@/, '//…@')}: ${error.message}`))
  client.handleMessage = (packet: IPublishPacket, callback: (error?: Error) => void) => {
    handle(intake, config.mqttTopicRoot, packet).then(() => callback(), (error: unknown) => {
      console.error(`mqtt: ${packet.topic}: not stored, left unacknowledged for redelivery: ${(error as Error).message}`)
      callback(error as Error)
      client.stream.destroy()
    })
  }
  return {
    client, ready,
    stop: () => new Promise((resolve) => client.end(false, {}, () => resolve())),
  }
}

/** Stores the message's reading, or logs and counts why not. Throws only when the store fails. */
async function handle(intake: SensorIntake, root: string, packet: IPublishPacket): Promise<void> {
  const refuse = (field: string, message: string) => {
    intake.counters.refused[field] = (intake.counters.refused[field] ?? 0) + 1
    console.error(`mqtt: refused ${packet.topic}: ${field}: ${message}`)
  }
  const levels = packet.topic.split('/')
  if (levels.length !== 4 || levels[0] !== root) return refuse('topic', `must be ${root}/{areaCode}/{kind}/{deviceId}`)
  const [, areaCode, kind, deviceId] = levels
  let payload: unknown
  try {
    payload = JSON.parse(packet.payload.toString())
  } catch {
    return refuse('payload', 'is not JSON')
  }
  if (payload == null || typeof payload !== 'object' || Array.isArray(payload)) return refuse('payload', 'must be a JSON object')
  const fields = payload as Record<string, unknown>
  if (fields.deviceId != null && fields.deviceId !== deviceId) return refuse('deviceId', `the payload says ${String(fields.deviceId)}, the topic ${deviceId}`)
  const info = intake.registry.info(deviceId)
  if (info && info.areaCode !== areaCode) return refuse('topic', `device ${deviceId} belongs to ${info.areaCode}, not ${areaCode}`)
  const result = await ingestReadings(intake, [{ ...fields, deviceId, kind }])
  if (!result.ok) console.error(`mqtt: refused ${packet.topic}: ${result.rejected[0].message}`)
}
