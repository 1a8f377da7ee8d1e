// Deltas that arrive while a packed snapshot is still being decoded wait for it: a delta the server
// sent after the snapshot must apply on top of it, never under it. A newer snapshot supersedes an
// older one still decoding, and the deltas queued before it (it already contains them).
export interface SnapshotGate {
  /** A snapshot arrived; `decode` resolves to what `apply` takes. */
  receive<T>(decode: Promise<T>, apply: (snapshot: T) => void): Promise<void>
  /** A snapshot that needs no decoding (the JSON one): applied now. */
  applyNow(apply: () => void): void
  /** Runs `delta` now, or after the snapshot being decoded. */
  whenLive(delta: () => void): void
}

export function createSnapshotGate(onError: (error: unknown) => void): SnapshotGate {
  let queued: (() => void)[] | null = null
  let latest = 0
  function release(): void {
    const deltas = queued ?? []
    queued = null
    for (const delta of deltas) delta()
  }
  return {
    async receive(decode, apply) {
      const mine = ++latest
      queued = []
      try {
        const snapshot = await decode
        if (mine !== latest) return
        apply(snapshot)
        release()
      } catch (error) {
        if (mine !== latest) return
        // The deltas are kept: they apply to the picture the wall still shows until the next snapshot.
        release()
        onError(error)
      }
    },
    applyNow(apply) {
      latest++
      queued = null
      apply()
    },
    whenLive(delta) {
      if (queued) queued.push(delta)
      else delta()
    },
  }
}
