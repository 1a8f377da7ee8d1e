// Gives the event loop back for one turn: the position flush, ticks and other requests run before
// the caller's next slice of work.
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
