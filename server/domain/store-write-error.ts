// A write the store could not make (database locked, disk full, the server gone). Whatever asked
// for it changed nothing: the domain applies a change only after the store has it. HTTP answers
// 503, a timer logs it and tries again on its next run.
export class StoreWriteError extends Error {
  constructor(what: string, override readonly cause: unknown) {
    super(`${what} was not saved (${cause instanceof Error ? cause.message : String(cause)}); nothing was changed`)
    this.name = 'StoreWriteError'
  }
}
