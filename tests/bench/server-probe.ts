// Loaded into the server process by the bench (`node --import tsx --import ./tests/bench/server-probe.ts
// server/index.ts`): answers the bench over the IPC channel with memory (after a forced GC), event
// loop utilisation and delay, its CPU time so far, and a CPU profile of a window. Measurement only; the server's code is
// untouched. Inert when the process has no IPC channel.
import { Session } from 'node:inspector/promises'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

export type ProbeRequest =
  | { id: number; type: 'mem'; gc: boolean }
  | { id: number; type: 'loop-reset' }
  | { id: number; type: 'loop' }
  | { id: number; type: 'cpu' }
  | { id: number; type: 'profile-start'; intervalUs: number }
  | { id: number; type: 'profile-stop' }

if (process.send) {
  process.channel?.unref()
  // Orphaned (the bench died): do not linger as a stray server.
  process.on('disconnect', () => process.exit(0))
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  let eluMark = performance.eventLoopUtilization()
  let cpuMark = process.cpuUsage()
  let session: Session | null = null

  const answer = async (request: ProbeRequest): Promise<unknown> => {
    switch (request.type) {
      case 'mem': {
        if (request.gc) (globalThis as { gc?: () => void }).gc?.()
        return process.memoryUsage()
      }
      case 'loop-reset':
        delay.reset()
        eluMark = performance.eventLoopUtilization()
        cpuMark = process.cpuUsage()
        return {}
      case 'loop': {
        const cpu = process.cpuUsage(cpuMark)
        return {
          utilisation: performance.eventLoopUtilization(eluMark).utilization,
          cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000,
          delayP50Ms: delay.percentile(50) / 1e6, delayP99Ms: delay.percentile(99) / 1e6, delayMaxMs: delay.max / 1e6,
        }
      }
      case 'cpu': {
        // Absolute, in µs resolution (finer than /proc's 10 ms ticks): the bench subtracts two readings.
        const cpu = process.cpuUsage()
        return { userMs: cpu.user / 1000, systemMs: cpu.system / 1000, atMs: performance.now() }
      }
      case 'profile-start':
        session = new Session()
        session.connect()
        await session.post('Profiler.enable')
        await session.post('Profiler.setSamplingInterval', { interval: request.intervalUs })
        await session.post('Profiler.start')
        return {}
      case 'profile-stop': {
        if (!session) throw new Error('no profile running')
        const { profile } = await session.post('Profiler.stop')
        session.disconnect()
        session = null
        return profile
      }
    }
  }

  process.on('message', (message: ProbeRequest) => {
    answer(message).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: Error) => process.send?.({ id: message.id, error: error.message }),
    )
  })
}
