// setInterval whose callback may throw without taking the process down. Node exits on an error
// thrown in a timer; a wall server must rather log it and try again on the next run (a store that
// is locked for a moment, an import racing the simulator). The same message is logged at most once
// a minute, so a fault that repeats every 100 ms does not flood the log. A run that returns a promise
// (a PostgreSQL write) is guarded the same way when it rejects.
const REPEAT_LOG_MS = 60_000

export function guardedInterval(name: string, run: () => unknown, everyMs: number): NodeJS.Timeout {
  let lastMessage = ''
  let lastLoggedAt = 0
  let suppressed = 0
  const report = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const now = Date.now()
    if (message === lastMessage && now - lastLoggedAt < REPEAT_LOG_MS) {
      suppressed++
      return
    }
    console.error(`${name}: ${suppressed > 0 ? `(${suppressed} more of the last error) ` : ''}`, error)
    lastMessage = message
    lastLoggedAt = now
    suppressed = 0
  }
  return setInterval(() => {
    try {
      const result = run()
      if (result instanceof Promise) result.catch(report)
    } catch (error) {
      report(error)
    }
  }, everyMs)
}
