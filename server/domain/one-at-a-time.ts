// Runs async work strictly one after another: for a check-then-write that awaits the store between
// the check and the write (an Open311 update_id seen before?), so two requests cannot both pass the
// check. A failed run does not stop the ones queued after it.
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work)
    last = run.catch(() => undefined)
    return run
  }
}
