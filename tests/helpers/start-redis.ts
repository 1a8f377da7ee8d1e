// A private Redis for tests: Debian's redis-server on a free localhost port, no persistence (no RDB,
// no AOF), its working folder temporary. One server per test file; stop() ends the process it started
// and removes the folder.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './server-process'

export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server'

export interface Redis {
  /** redis://127.0.0.1:<port> */
  url: string
  port: number
  log(): string
  stop(): Promise<void>
}

/** `port`: a given one (to start Redis again where a test stopped it), else a free one. */
export async function startRedis({ port: wanted }: { port?: number } = {}): Promise<Redis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-redis-'))
  const port = wanted ?? await freePort()
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => { output += c.toString() })
  child.stderr!.on('data', (c: Buffer) => { output += c.toString() })
  const stop = async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode != null || child.signalCode != null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForPong(port, child, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `redis://127.0.0.1:${port}`, port, log: () => output, stop }
}

/** Sends one RESP command and returns the first reply line (no client library needed for a probe). */
export function redisCommand(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let reply = ''
    socket.once('error', reject)
    socket.on('data', (c: Buffer) => {
      reply += c.toString()
      if (reply.includes('\r\n')) {
        socket.end()
        resolve(reply.slice(0, reply.indexOf('\r\n')))
      }
    })
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`)
  })
}

async function waitForPong(port: number, child: ChildProcess, output: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode != null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`)
    if (await redisCommand(port, 'PING').catch(() => '') === '+PONG') return
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port} within ${timeoutMs} ms:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
