// Who hears a store's changes outside Vue's reactivity: the map layers, which turn "these ids
// changed" into diff updates. Listeners run synchronously on every change, so none is missed
// (a watcher would see only the last of several changes in one flush).

/** What an update touched: everything (a snapshot) or these ids. */
export type StoreChange<Id> = { all: true } | { all: false; ids: readonly Id[] }

export function createChangeListeners<Id>() {
  const listeners = new Set<(change: StoreChange<Id>) => void>()
  return {
    /** Hears every later change; returns the unsubscribe. */
    onChange(listener: (change: StoreChange<Id>) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    notify(change: StoreChange<Id>): void {
      for (const listener of listeners) listener(change)
    },
  }
}
