// A real MQTT broker for tests: Debian's mosquitto on a private localhost port, its config and
// persistence in a temporary folder. Persistence is on, so a test may restart the broker (same port,
// same folder) and find the sessions and queued messages it held. stop() ends the process it started.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './server-process'

export const MOSQUITTO = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto'

export interface Mosquitto {
  port: number
  url: string
  dir: string
  /** The broker's log so far (for a failing test's message). */
  log(): string
  /** Stops the broker (SIGTERM: it writes its persistence file), keeping its folder. */
  stop(): Promise<void>
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>
  /** Stops it and removes its folder. */
  dispose(): Promise<void>
}

export async function startMosquitto(): Promise<Mosquitto> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-mosquitto-'))
  const port = await freePort()
  const config = path.join(dir, 'mosquitto.conf')
  fs.writeFileSync(config, [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence true',
    `persistence_location ${dir}/`,
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    // Hold plenty for a wall that is down: a queued QoS 1 message must not be dropped in a test.
    'max_queued_messages 100000',
    '',
  ].join('\n'))
  let child: ChildProcess | null = null
  let output = ''
  const launch = async () => {
    child = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (c: Buffer) => { output += c.toString() })
    child.stderr!.on('data', (c: Buffer) => { output += c.toString() })
    await waitForPort(port, () => child?.exitCode != null, () => output)
  }
  const stop = () => new Promise<void>((resolve) => {
    const c = child
    if (!c || c.exitCode != null || c.signalCode != null) return resolve()
    c.once('exit', () => resolve())
    c.kill('SIGTERM')
  })
  await launch()
  return {
    port, dir, url: `mqtt://127.0.0.1:${port}`,
    log: () => output,
    stop,
    restart: launch,
    async dispose() {
      await stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function waitForPort(port: number, exited: () => boolean, output: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited()) throw new Error(`mosquitto exited:\n${output()}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true) })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port} within ${timeoutMs} ms:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
