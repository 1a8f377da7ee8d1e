// kill -9 with readings in flight: the server as a child process takes a stream of gate readings
// over MQTT (QoS 1, persistent session) and HTTP callback batches, is killed with SIGKILL mid-stream,
// and restarts on the same DATA_DIR and MQTT client id. Afterwards every reading published is stored
// exactly once (the broker redelivers what the wall had not acknowledged; the wall acknowledges only
// after the commit, so nothing it acknowledged can be missing), and every batch answered 200 is
// stored whole, a batch cut off by the kill whole or not at all.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import mqtt from 'mqtt'
import { afterAll, describe, expect, it } from 'vitest'
import type { DeviceInfo, DeviceList } from '../../../server/contract/devices'
import { startMosquitto, type Mosquitto } from '../../helpers/start-mosquitto'
import { killHard, startServerProcess, type ServerProcess } from '../../helpers/server-process'
import { waitFor } from '../../helpers/wait-for'

const KEY = 'kill-sensors-key'
const MQTT_READINGS = 400
const BATCH = 20

interface Batch { ats: number[]; state: 'acked' | 'cut' }

describe('kill -9 while readings arrive over MQTT and HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-devices-kill-'))
  let broker: Mosquitto | undefined
  let server: ServerProcess | undefined

  afterAll(async () => {
    if (server) await killHard(server)
    await broker?.dispose()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('loses no reading and half-writes no batch', { timeout: 120_000 }, async () => {
    broker = await startMosquitto()
    const env = { DATA_DIR: dataDir, SIMULATOR: 'off', INTEGRATION_KEYS: `${KEY}:sensors`, MQTT_URL: broker.url, MQTT_CLIENT_ID: `wall-kill-${process.pid}` }
    server = await startServerProcess(env)
    const devices = ((await (await fetch(`${server.url}/api/devices`)).json()) as DeviceList).devices
    const gates = devices.filter((d) => d.kind === 'gate')
    const [overMqtt, overHttp] = [gates[0], gates[1]]
    const camera = devices.find((d) => d.kind === 'camera')!
    const topic = (d: DeviceInfo) => `wall/${d.areaCode}/${d.kind}/${d.id}`
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `kill-publisher-${process.pid}`, clean: true })
    const stored = async (s: ServerProcess) => ((await (await fetch(`${s.url}/api/devices/intake`)).json()) as { stored: number }).stored

    // Until the wall has subscribed, the broker keeps nothing for it: probe with camera heartbeats.
    const probeStart = Date.now() - 200_000
    for (let i = 0; (await stored(server)) === 0; i++) {
      await publisher.publishAsync(topic(camera), JSON.stringify({ at: probeStart + i }), { qos: 1 })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }

    const base = Date.now() - 100_000
    const batches: Batch[] = []
    let killed = false
    const httpWorker = (async () => {
      for (let b = 0; !killed; b++) {
        const ats = Array.from({ length: BATCH }, (_, i) => base + b * BATCH + i)
        const batch: Batch = { ats, state: 'cut' }
        batches.push(batch)
        try {
          const answer = await fetch(`${server!.url}/api/ingest/sensors`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
            body: JSON.stringify({ readings: ats.map((at) => ({ deviceId: overHttp.id, kind: 'gate', at, in: 1, out: 0 })) }),
          })
          if (answer.status === 200) batch.state = 'acked'
          else throw new Error(`batch answered ${answer.status}: ${await answer.text()}`)
        } catch (error) {
          if (!killed) throw error
          return
        }
      }
    })()
    const victim = server
    const killer = (async () => {
      for (;;) {
        if ((await stored(victim).catch(() => 0)) >= 150) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      killed = true
      await killHard(victim)
    })()
    for (let i = 0; i < MQTT_READINGS; i++) {
      await publisher.publishAsync(topic(overMqtt), JSON.stringify({ at: base + i, in: 1, out: 0 }), { qos: 1 })
    }
    await killer
    await httpWorker
    expect(killed).toBe(true)

    server = await startServerProcess(env)
    const db = new Database(path.join(dataDir, 'wall.db'), { readonly: true, fileMustExist: true })
    const rows = (id: string) => db.prepare('SELECT at FROM sensor_readings WHERE device_id = ?').pluck().all(id) as number[]
    await waitFor(() => rows(overMqtt.id).length >= MQTT_READINGS, 30_000, 'every MQTT reading stored after the restart')
    const mqttAts = rows(overMqtt.id)
    expect(mqttAts).toHaveLength(MQTT_READINGS)
    expect(new Set(mqttAts).size).toBe(MQTT_READINGS)
    const httpAts = new Set(rows(overHttp.id))
    const acked = batches.filter((b) => b.state === 'acked')
    expect(acked.length).toBeGreaterThan(0)
    for (const batch of acked) expect(batch.ats.every((at) => httpAts.has(at))).toBe(true)
    for (const batch of batches.filter((b) => b.state === 'cut')) {
      const present = batch.ats.filter((at) => httpAts.has(at)).length
      expect([0, BATCH]).toContain(present)
    }
    db.close()
    await publisher.endAsync()
  })
})
