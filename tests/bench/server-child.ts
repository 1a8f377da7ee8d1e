// The server under test as a child process (as tests/helpers/server-process.ts starts it), with the
// bench's probe preloaded and an IPC channel to it, pinned to CPUs the bench chooses.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import type { ProbeRequest } from './server-probe'

export interface ServerChild {
  child: ChildProcess
  url: string
  pid: number
  probe<T>(request: DistributiveOmit<ProbeRequest, 'id'>): Promise<T>
  /** The last lines the server printed (for error reports). */
  output(): string
  stop(): Promise<void>
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never

export function startServerChild(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', './tests/bench/server-probe.ts', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-20_000) }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)

  let nextId = 1
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const w = waiting.get(message.id)
    waiting.delete(message.id)
    if (message.error) w?.reject(new Error(message.error))
    else w?.resolve(message.result)
  })

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code} before listening:\n${output}`))
    child.once('exit', onExit)
    const onData = () => {
      const match = output.match(/http:\/\/localhost:(\d+)\//)
      if (!match) return
      clearTimeout(timer)
      child.off('exit', onExit)
      child.stdout!.off('data', onData)
      resolve({
        child, url: `http://127.0.0.1:${match[1]}`, pid: child.pid!,
        probe: <T>(request: DistributiveOmit<ProbeRequest, 'id'>) => new Promise<T>((res, rej) => {
          const id = nextId++
          waiting.set(id, { resolve: res as (v: unknown) => void, reject: rej })
          child.send({ ...request, id })
        }),
        output: () => output,
        stop: () => new Promise((res) => {
          if (child.exitCode != null || child.signalCode != null) return res()
          const force = setTimeout(() => child.kill('SIGKILL'), 5000)
          child.once('exit', () => {
            clearTimeout(force)
            res()
          })
          child.kill('SIGTERM')
        }),
      })
    }
    child.stdout!.on('data', onData)
  })
}

/** Pins every thread of a process (and the threads it starts later) to the given CPUs, e.g. '0' or '0,1'. */
export function pin(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' })
}

/** user + system CPU seconds a process has used so far (all its threads), from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
