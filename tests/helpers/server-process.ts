// The server as a child process (`tsx server/index.ts`), for tests that must kill it for real.
// Pass `PORT` in env to start on a fixed port (freePort() finds one): a page reconnects to the
// origin it was loaded from, so a restarted server must come back on the same port.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

export interface ServerProcess {
  child: ChildProcess
  url: string
  port: number
}

export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/http:\/\/localhost:(\d+)\//)
      if (match) {
        clearTimeout(timer)
        // Stop buffering: a server left running for minutes must not grow this string.
        child.stdout!.off('data', onData)
        child.stderr!.off('data', onData)
        child.stdout!.resume()
        child.stderr!.resume()
        const port = Number(match[1])
        resolve({ child, url: `http://127.0.0.1:${port}`, port })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)))
  })
}

/** A TCP port that was free a moment ago (the OS picks it; the listener is closed again at once). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** kill -9: no signal handler runs, nothing is flushed or closed. */
export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    // Already gone: 'exit' has fired and would never fire again.
    if (server.child.exitCode != null || server.child.signalCode != null) return resolve()
    server.child.once('exit', () => resolve())
    server.child.kill('SIGKILL')
  })
}
