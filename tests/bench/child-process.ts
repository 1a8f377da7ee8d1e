// The bench's helpers (load generator, fan-out clients) run as separate Node processes so they can
// be pinned to the CPU the server is not on; they talk to the bench over an IPC channel.
import { spawn, type ChildProcess } from 'node:child_process'

export interface BenchChild {
  child: ChildProcess
  send(message: object): void
  /** The next message of this type from the child. */
  next<T>(type: string, timeoutMs?: number): Promise<T>
  exited(): Promise<number | null>
  kill(): void
}

export function spawnBenchChild(entry: string): BenchChild {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const inbox: { type: string }[] = []
  const waiters: { type: string; resolve: (m: unknown) => void }[] = []
  child.on('message', (message: { type: string }) => {
    const i = waiters.findIndex((w) => w.type === message.type)
    if (i >= 0) waiters.splice(i, 1)[0].resolve(message)
    else inbox.push(message)
  })
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return {
    child,
    send: (message) => child.send(message),
    next<T>(type: string, timeoutMs = 600_000) {
      const i = inbox.findIndex((m) => m.type === type)
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T)
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${entry}: no '${type}' message within ${timeoutMs} ms`)), timeoutMs)
        const fail = (code: number | null) => reject(new Error(`${entry} exited with ${code} while the bench waited for '${type}'`))
        void exit.then(fail)
        waiters.push({ type, resolve: (m) => { clearTimeout(timer); resolve(m as T) } })
      })
    },
    exited: () => exit,
    kill: () => { if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL') },
  }
}
